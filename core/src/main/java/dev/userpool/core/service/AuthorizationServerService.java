package dev.userpool.core.service;

import static dev.userpool.core.service.AuthorizationRules.CLIENT_CREDENTIALS_FLOW;
import static dev.userpool.core.service.AuthorizationRules.CODE_FLOW;
import static dev.userpool.core.service.AuthorizationRules.IMPLICIT_FLOW;

import dev.userpool.core.domain.AccessGrant;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.AuthorizationGrant;
import dev.userpool.core.domain.BrowserSession;
import dev.userpool.core.domain.ClientAccessToken;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.OAuthError;
import dev.userpool.core.domain.OAuthException;
import dev.userpool.core.domain.OAuthScopes;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.AuthorizationServer;
import dev.userpool.core.port.out.AppClientDirectory;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.AuthorizationCodes;
import dev.userpool.core.port.out.OAuthTokens;
import dev.userpool.core.port.out.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The authorization server's use cases on the app clients, the authorization codes, the users and the
 * OAuth tokens' issuer. Each records one event; a refusal is recorded with what it really was and
 * answered with RFC 6749's error.
 */
public final class AuthorizationServerService implements AuthorizationServer {
    /** The attributes userInfo answers for {@code profile}, as OpenID Connect Core §5.4 lists them. */
    private static final Set<String> PROFILE_CLAIMS = Set.of("name", "family_name", "given_name", "middle_name", "nickname",
            "preferred_username", "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at");
    private static final Set<String> PHONE_CLAIMS = Set.of("phone_number", "phone_number_verified");

    private final AuthorizationRules rules;
    private final AuthorizationCodes codes;
    private final OAuthTokens tokens;
    private final UserDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;

    public AuthorizationServerService(AppClientDirectory clients, AuthorizationCodes codes, OAuthTokens tokens,
                                      UserDirectory directory, AuditLog audit, Clock clock) {
        this.rules = new AuthorizationRules(clients);
        this.codes = codes;
        this.tokens = tokens;
        this.directory = directory;
        this.audit = new AuditTrail(audit, clock);
        this.clock = clock;
    }

    @Override
    public AuthorizationRequest check(AuthorizeCommand command) {
        // Until the client and its redirect URI are proven, nothing may redirect (RFC 6749 §4.1.2.1).
        AppClient client = rules.knownClient(command.clientId());
        String redirectUri = command.redirectUri().filter(client.callbackUrls()::contains)
                .orElseThrow(() -> OAuthException.of(OAuthError.INVALID_REQUEST,
                        command.redirectUri().isEmpty() ? "redirect_uri is required." : "redirect_uri is not one of the client's callback URLs."));
        String responseType = command.responseType()
                .orElseThrow(() -> OAuthException.redirected(OAuthError.INVALID_REQUEST, "response_type is required."));
        switch (responseType) {
            case "code" -> AuthorizationRules.requireFlow(client, CODE_FLOW, true);
            case "token" -> AuthorizationRules.requireFlow(client, IMPLICIT_FLOW, true);
            default -> throw OAuthException.redirected(OAuthError.UNSUPPORTED_RESPONSE_TYPE, "response_type must be code or token.");
        }
        Set<String> scopes = AuthorizationRules.userScopes(client, command.scope());
        Optional<String> challenge = AuthorizationRules.codeChallenge(command.codeChallenge(), command.codeChallengeMethod());
        return new AuthorizationRequest(client, redirectUri, responseType, scopes, command.state(), command.nonce(), challenge);
    }

    @Override
    public String issueCode(AuthorizationRequest request, BrowserSession session, RequestContext context) {
        return recorded(AuditEventType.AUTHORIZATION_CODE_ISSUED, Optional.of(session.user()), context, () -> {
            Instant now = clock.instant();
            return codes.issue(new AuthorizationGrant(session.user(), request.client().clientId(), request.redirectUri(),
                    request.scopes(), request.nonce(), request.codeChallenge(), session.authTime(), now.plus(CODE_LIFETIME)));
        });
    }

    @Override
    public Tokens issueImplicit(AuthorizationRequest request, BrowserSession session, RequestContext context) {
        return recorded(AuditEventType.IMPLICIT_TOKENS_ISSUED, Optional.of(session.user()), context, () -> {
            User user = activeUser(session.user(), OAuthError.ACCESS_DENIED);
            Tokens issued = tokens.issue(user.id(), request.client(), request.scopes(), request.nonce(), session.authTime());
            // the implicit grant never hands out a refresh token (RFC 6749 §4.2.2)
            return new Tokens(issued.idToken(), issued.accessToken(), Optional.empty(), issued.expiresIn());
        });
    }

    @Override
    public Tokens exchangeCode(CodeExchangeCommand command) {
        return recorded(AuditEventType.TOKEN_EXCHANGED, Optional.empty(), command.context(), () -> {
            AppClient client = rules.authenticated(command.client());
            AuthorizationRules.requireFlow(client, CODE_FLOW, false);
            String code = command.code().filter(c -> !c.isBlank())
                    .orElseThrow(() -> OAuthException.of(OAuthError.INVALID_REQUEST, "code is required."));
            // taken first: whatever is wrong below, the code is spent
            AuthorizationGrant grant = codes.take(code)
                    .orElseThrow(() -> OAuthException.of(OAuthError.INVALID_GRANT, "The authorization code is invalid or was already used."));
            if (!grant.clientId().equals(client.clientId())) {
                throw OAuthException.of(OAuthError.INVALID_GRANT, "The authorization code was issued to another client.");
            }
            if (!clock.instant().isBefore(grant.expiresAt())) {
                throw OAuthException.of(OAuthError.INVALID_GRANT, "The authorization code has expired.");
            }
            if (!command.redirectUri().map(grant.redirectUri()::equals).orElse(false)) {
                throw OAuthException.of(OAuthError.INVALID_GRANT, "redirect_uri does not match the authorization request.");
            }
            checkVerifier(grant, command.codeVerifier());
            User user = activeUser(grant.user(), OAuthError.INVALID_GRANT);
            return tokens.issue(user.id(), client, grant.scopes(), grant.nonce(), grant.authTime());
        });
    }

    private static void checkVerifier(AuthorizationGrant grant, Optional<String> verifier) {
        if (grant.codeChallenge().isEmpty()) {
            // a verifier for a request that had no challenge is a downgrade attempt (OAuth 2.0 Security BCP §4.8.2)
            if (verifier.isPresent()) throw OAuthException.of(OAuthError.INVALID_GRANT, "code_verifier was not expected.");
            return;
        }
        if (verifier.isEmpty()) throw OAuthException.of(OAuthError.INVALID_GRANT, "code_verifier is required.");
        if (!AuthorizationRules.verifierMeets(verifier.get(), grant.codeChallenge().get())) {
            throw OAuthException.of(OAuthError.INVALID_GRANT, "code_verifier does not match the code_challenge.");
        }
    }

    @Override
    public Tokens refresh(RefreshCommand command) {
        return recorded(AuditEventType.OAUTH_TOKENS_REFRESHED, Optional.empty(), command.context(), () -> {
            AppClient client = rules.authenticated(command.client());
            String token = command.refreshToken().filter(t -> !t.isBlank())
                    .orElseThrow(() -> OAuthException.of(OAuthError.INVALID_REQUEST, "refresh_token is required."));
            try {
                return tokens.refresh(token, client);
            } catch (UserPoolException e) {
                throw OAuthException.of(OAuthError.INVALID_GRANT, "Invalid Refresh Token");
            }
        });
    }

    @Override
    public ClientAccessToken clientCredentials(ClientCredentialsCommand command) {
        return recorded(AuditEventType.CLIENT_CREDENTIALS_GRANTED, Optional.empty(), command.context(), () -> {
            AppClient client = rules.authenticated(command.client());
            if (!client.confidential()) {
                throw OAuthException.of(OAuthError.UNAUTHORIZED_CLIENT, "The client_credentials grant needs a client with a secret.");
            }
            AuthorizationRules.requireFlow(client, CLIENT_CREDENTIALS_FLOW, false);
            return tokens.clientCredentials(client, AuthorizationRules.clientScopes(client, command.scope()));
        });
    }

    @Override
    public void revoke(RevokeCommand command) {
        recorded(AuditEventType.OAUTH_TOKEN_REVOKED, Optional.empty(), command.context(), () -> {
            AppClient client = rules.authenticated(command.client());
            String token = command.token().filter(t -> !t.isBlank())
                    .orElseThrow(() -> OAuthException.of(OAuthError.INVALID_REQUEST, "token is required."));
            try {
                // RFC 7009 §2.2: an unknown token is no error
                return tokens.revoke(token, client);
            } catch (UserPoolException e) {
                throw OAuthException.of(OAuthError.UNAUTHORIZED_CLIENT, "The token was issued to another client.");
            }
        });
    }

    @Override
    public UserInfo userInfo(String accessToken, RequestContext context) {
        AccessGrant grant;
        try {
            grant = tokens.inspect(accessToken == null ? "" : accessToken);
        } catch (UserPoolException e) {
            throw OAuthException.of(OAuthError.INVALID_TOKEN, "Access token is invalid.");
        }
        if (!grant.scopes().contains(OAuthScopes.OPENID)) {
            throw OAuthException.of(OAuthError.INVALID_TOKEN, "Access token does not have the openid scope.");
        }
        User user = activeUser(grant.user(), OAuthError.INVALID_TOKEN);
        Set<String> scopes = grant.scopes();
        // openid alone: every attribute; otherwise those of the scopes given (Cognito's userInfo)
        boolean all = scopes.stream().noneMatch(s -> s.equals(OAuthScopes.EMAIL) || s.equals(OAuthScopes.PHONE) || s.equals(OAuthScopes.PROFILE));
        boolean email = all || scopes.contains(OAuthScopes.EMAIL);
        Map<String, String> attributes = new TreeMap<>();
        user.attributes().values().forEach((name, value) -> {
            if (all || scopes.contains(OAuthScopes.PROFILE) && PROFILE_CLAIMS.contains(name)
                    || scopes.contains(OAuthScopes.PHONE) && PHONE_CLAIMS.contains(name)) {
                attributes.put(name, value);
            }
        });
        return new UserInfo(user.id(), email ? Optional.of(user.email()) : Optional.empty(),
                email ? Optional.of(user.emailVerified()) : Optional.empty(), UserAttributes.of(attributes));
    }

    @Override
    public LogoutTarget logout(LogoutCommand command) {
        AppClient client = rules.knownClient(command.clientId());
        if (command.logoutUri().isPresent()) {
            String uri = command.logoutUri().get();
            if (!client.logoutUrls().contains(uri)) {
                throw OAuthException.of(OAuthError.INVALID_REQUEST, "logout_uri is not one of the client's sign-out URLs.");
            }
            return new LogoutTarget.SignedOut(uri);
        }
        if (command.redirectUri().isPresent() && command.responseType().isPresent()) {
            AuthorizeCommand again = new AuthorizeCommand(command.responseType(), command.clientId(), command.redirectUri(),
                    command.scope(), command.state(), Optional.empty(), Optional.empty(), Optional.empty(), command.context());
            check(again);   // the same checks as an authorization request: a mismatch is refused here, never redirected
            return new LogoutTarget.SignInAgain(again);
        }
        throw OAuthException.of(OAuthError.INVALID_REQUEST, "logout_uri, or redirect_uri with response_type, is required.");
    }

    /** The account, while it exists and may sign in; otherwise the grant is refused with {@code error}. */
    private User activeUser(UserId id, OAuthError error) {
        return directory.findById(id).filter(User::canSignIn)
                .orElseThrow(() -> OAuthException.of(error, "The user cannot sign in."));
    }

    /** Runs a use case recording its one event: on success about its user, on a refusal with what the refusal was. */
    private <T> T recorded(AuditEventType type, Optional<UserId> user, RequestContext context, Supplier<T> action) {
        AuditTrail.Draft draft = audit.begin(type, "", context);
        user.ifPresent(draft::user);
        try {
            T result = action.get();
            draft.success();
            return result;
        } catch (OAuthException e) {
            draft.failure(e.auditCode());
            throw e;
        } catch (UserPoolException e) {
            draft.failure(e.code());
            throw e;
        } catch (RuntimeException e) {
            draft.failure(ErrorCode.SERVICE_UNAVAILABLE);
            throw e;
        }
    }
}
