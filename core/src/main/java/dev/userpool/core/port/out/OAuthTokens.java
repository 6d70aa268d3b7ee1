package dev.userpool.core.port.out;

import dev.userpool.core.domain.AccessGrant;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.ClientAccessToken;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The tokens of the OAuth 2.0 / OpenID Connect endpoints, for one app client and the scopes granted to
 * it: the access token names the client ({@code client_id}) and the scopes ({@code scope}), the ID token
 * is for the client ({@code aud}) and repeats the {@code nonce} with the access token's {@code at_hash}.
 * The core decided the client, user and scopes are right. Failures are {@link UserPoolException}s:
 * {@code NotAuthorized} for a refresh token that is unknown, expired or another client's, and for an
 * access token that does not verify.
 */
public interface OAuthTokens {

    /** Opens a session of {@code user} for {@code client} with {@code scopes}: ID, access and refresh tokens. */
    Tokens issue(UserId user, AppClient client, Set<String> scopes, Optional<String> nonce, Instant authTime);

    /** New ID and access tokens of the session of {@code refreshToken}, which must be {@code client}'s. */
    Tokens refresh(String refreshToken, AppClient client);

    /**
     * Ends the session of {@code refreshToken} when it is {@code client}'s, and the tokens it issued;
     * answers its user. Empty for a token that is unknown or expired; {@code NotAuthorized} for another
     * client's (RFC 7009 §2.1: a client revokes only its own tokens).
     */
    Optional<UserId> revoke(String refreshToken, AppClient client);

    /** An access token of {@code client} itself, with {@code scopes}: no user, no ID token, no refresh token. */
    ClientAccessToken clientCredentials(AppClient client, Set<String> scopes);

    /** What a valid, unrevoked access token of a user grants; {@code NotAuthorized} otherwise. */
    AccessGrant inspect(String accessToken);
}
