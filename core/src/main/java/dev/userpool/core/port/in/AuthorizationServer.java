package dev.userpool.core.port.in;

import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.BrowserSession;
import dev.userpool.core.domain.ClientAccessToken;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.OAuthException;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The pool's OAuth 2.0 / OpenID Connect authorization server, as a Cognito domain serves it: the
 * authorization request, the token endpoint's grants ({@code authorization_code} with PKCE,
 * {@code refresh_token}, {@code client_credentials}), userInfo, revocation and logout. Every refusal is
 * an {@link OAuthException} with RFC 6749's error; every outcome is an audit event.
 */
public interface AuthorizationServer {

    /** How long an authorization code may be exchanged (Cognito: 5 minutes). */
    java.time.Duration CODE_LIFETIME = java.time.Duration.ofMinutes(5);

    /**
     * Checks an authorization request before anyone signs in. An unknown client or a redirect URI that is
     * not exactly one of the client's callback URLs is refused without a redirect; what is wrong after
     * that (response type, scope, PKCE) is refused {@linkplain OAuthException#redirectable() to the client}.
     */
    AuthorizationRequest check(AuthorizeCommand command);

    /** A code for the session's user, bound to the request's client, redirect URI, scopes, nonce and PKCE challenge. */
    String issueCode(AuthorizationRequest request, BrowserSession session, RequestContext context);

    /** The implicit grant ({@code response_type=token}), for a client that allows it: tokens in the redirect, no refresh token. */
    Tokens issueImplicit(AuthorizationRequest request, BrowserSession session, RequestContext context);

    /** The {@code authorization_code} grant: the code once, within its lifetime, by its client, redirect URI and verifier. */
    Tokens exchangeCode(CodeExchangeCommand command);

    /** The {@code refresh_token} grant, for the client the refresh token was issued to. */
    Tokens refresh(RefreshCommand command);

    /** The {@code client_credentials} grant: a confidential client's own access token, with custom scopes only. */
    ClientAccessToken clientCredentials(ClientCredentialsCommand command);

    /** Revokes a refresh token of the client (RFC 7009): an unknown one is no error. */
    void revoke(RevokeCommand command);

    /** The user of an access token with the {@code openid} scope, with the claims its scopes allow. */
    UserInfo userInfo(String accessToken, RequestContext context);

    /**
     * Checks a sign-out request and answers where to send the browser: {@code logout_uri} when it is one
     * of the client's sign-out URLs exactly, or (with {@code redirect_uri} and {@code response_type}) the
     * authorization request to sign in again. Any mismatch is refused without a redirect.
     */
    LogoutTarget logout(LogoutCommand command);

    /** A client's credentials at the token endpoint: HTTP Basic or the body. The secret never prints. */
    record ClientCredentials(String clientId, Optional<String> secret) {
        public ClientCredentials {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "ClientCredentials[clientId=" + clientId + ", secret=" + (secret.isPresent() ? "***" : "none") + "]";
        }
    }

    /** The parameters of {@code /oauth2/authorize}, each as given (absent when not). */
    record AuthorizeCommand(Optional<String> responseType, Optional<String> clientId, Optional<String> redirectUri,
                            Optional<String> scope, Optional<String> state, Optional<String> nonce,
                            Optional<String> codeChallenge, Optional<String> codeChallengeMethod, RequestContext context) {}

    /** A checked authorization request: what a code or the implicit tokens will be bound to. */
    record AuthorizationRequest(AppClient client, String redirectUri, String responseType, Set<String> scopes,
                                Optional<String> state, Optional<String> nonce, Optional<String> codeChallenge) {
        public AuthorizationRequest {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(redirectUri, "redirectUri");
            Objects.requireNonNull(responseType, "responseType");
            scopes = dev.userpool.core.domain.OAuthScopes.ordered(scopes);
        }
    }

    /** The code, redirect URI and PKCE verifier presented with the client's credentials. Code and verifier never print. */
    record CodeExchangeCommand(ClientCredentials client, Optional<String> code, Optional<String> redirectUri,
                               Optional<String> codeVerifier, RequestContext context) {
        @Override
        public String toString() {
            return "CodeExchangeCommand[client=" + client + ", code=***, redirectUri=" + redirectUri + ", codeVerifier=***]";
        }
    }

    record RefreshCommand(ClientCredentials client, Optional<String> refreshToken, RequestContext context) {
        @Override
        public String toString() {
            return "RefreshCommand[client=" + client + ", refreshToken=***]";
        }
    }

    record ClientCredentialsCommand(ClientCredentials client, Optional<String> scope, RequestContext context) {}

    record RevokeCommand(ClientCredentials client, Optional<String> token, RequestContext context) {
        @Override
        public String toString() {
            return "RevokeCommand[client=" + client + ", token=***]";
        }
    }

    /** The parameters of {@code /logout}. */
    record LogoutCommand(Optional<String> clientId, Optional<String> logoutUri, Optional<String> redirectUri,
                         Optional<String> responseType, Optional<String> scope, Optional<String> state,
                         RequestContext context) {}

    /** Where a sign-out sends the browser: a sign-out URL, or a new authorization request of the client. */
    sealed interface LogoutTarget {
        record SignedOut(String logoutUri) implements LogoutTarget {}

        record SignInAgain(AuthorizeCommand authorize) implements LogoutTarget {}
    }

    /**
     * The claims of userInfo: {@code sub} and {@code username} always; the address with {@code email};
     * the account's other attributes with {@code profile} (and {@code phone_number} with {@code phone}).
     */
    record UserInfo(UserId sub, Optional<EmailAddress> email, Optional<Boolean> emailVerified, UserAttributes attributes) {}
}
