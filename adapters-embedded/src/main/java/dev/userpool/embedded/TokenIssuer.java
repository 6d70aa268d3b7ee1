package dev.userpool.embedded;

import static dev.userpool.embedded.CognitoClaims.*;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.ClientAccessToken;
import dev.userpool.core.domain.OAuthScopes;
import dev.userpool.core.domain.GroupRank;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Signs ID and access tokens shaped like Cognito's (RS256, {@code kid} in the header, the same
 * claims), so code written against Cognito's tokens reads ours unchanged. Groups are the account's
 * groups at the time of issue, in precedence order ({@link GroupRank#claim}), and the admin group for
 * an address the configured {@link dev.userpool.core.domain.AdminPolicy} names (only once it is verified).
 */
final class TokenIssuer {
    private final SigningKeys keys;
    private final EmbeddedSettings settings;
    /** Every token's header is the same, the algorithm and the current key's id: encoded once. */
    private final String headerSegment;

    TokenIssuer(SigningKeys keys, EmbeddedSettings settings) {
        this.keys = keys;
        this.settings = settings;
        this.headerSegment = OwnTokenReader.headerSegment(keys.currentKeyId());
    }

    /**
     * New ID and access tokens of {@code session} for its app client {@code client} (the ID token's
     * {@code aud}, the access token's {@code client_id}, the client's validities), and the refresh token
     * when one was just made.
     */
    Tokens issue(User user, List<GroupRank> stored, Sessions.Session session, AppClient client, Instant now,
                 Optional<String> refreshToken) {
        List<String> groups = GroupRank.claim(stored, settings.adminPolicy().groupsOf(user));
        String sub = user.id().value();

        JWTClaimsSet.Builder id = common(sub, session, now, client.idTokenValidity())
                .audience(client.clientId())
                .claim(EMAIL, settings.attributePolicy().clientMayRead(EMAIL) ? user.email().value() : null)
                .claim(EMAIL_VERIFIED, settings.attributePolicy().clientMayRead(EMAIL_VERIFIED) ? user.emailVerified() : null)
                .claim(TOKEN_USE, ID_USE)
                .claim(COGNITO_USERNAME, sub);
        attributeClaims(user, id);
        JWTClaimsSet.Builder access = common(sub, session, now, client.accessTokenValidity())
                .claim(CLIENT_ID, client.clientId())
                .claim(USERNAME, sub)
                .claim(TOKEN_USE, ACCESS_USE)
                .claim(SCOPE, ADMIN_SCOPE);
        if (!groups.isEmpty()) {
            // Cognito puts the groups in both tokens, and only when there are some.
            id.claim(GROUPS, groups);
            access.claim(GROUPS, groups);
        }
        return new Tokens(sign(id.build()), sign(access.build()), refreshToken, client.accessTokenValidity());
    }

    /**
     * Tokens of the OAuth endpoints (issue 15): as {@link #issue}, but for {@code client} ({@code aud},
     * {@code client_id}, its token validities) with the scopes granted ({@code scope}), the authorization
     * request's {@code nonce}, and {@code at_hash} binding the ID token to its access token (OpenID Connect
     * Core §3.1.3.6: the left half of the access token's SHA-256, base64url).
     */
    Tokens issueForClient(User user, List<GroupRank> stored, Sessions.Session session, Instant now,
                          Optional<String> refreshToken, AppClient client, Set<String> scopes, Optional<String> nonce) {
        List<String> groups = GroupRank.claim(stored, settings.adminPolicy().groupsOf(user));
        String sub = user.id().value();
        JWTClaimsSet.Builder access = common(sub, session, now, client.accessTokenValidity())
                .claim(CLIENT_ID, client.clientId())
                .claim(USERNAME, sub)
                .claim(TOKEN_USE, ACCESS_USE)
                .claim(SCOPE, OAuthScopes.format(scopes));
        if (!groups.isEmpty()) access.claim(GROUPS, groups);
        String accessToken = sign(access.build());
        JWTClaimsSet.Builder id = common(sub, session, now, client.idTokenValidity())
                .audience(client.clientId())
                .claim(EMAIL, settings.attributePolicy().clientMayRead(EMAIL) ? user.email().value() : null)
                .claim(EMAIL_VERIFIED, settings.attributePolicy().clientMayRead(EMAIL_VERIFIED) ? user.emailVerified() : null)
                .claim(TOKEN_USE, ID_USE)
                .claim(COGNITO_USERNAME, sub)
                .claim(AT_HASH, leftHalfHash(accessToken))
                .claim(NONCE, nonce.orElse(null));
        attributeClaims(user, id);
        if (!groups.isEmpty()) id.claim(GROUPS, groups);
        return new Tokens(sign(id.build()), accessToken, refreshToken, client.accessTokenValidity());
    }

    /**
     * The client-credentials grant's access token (issue 15): the client is its own subject, as Cognito's
     * are; no user, no session, only the custom scopes granted.
     */
    ClientAccessToken issueClientCredentials(AppClient client, Set<String> scopes, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(client.clientId())
                .issuer(settings.issuerClaim())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(client.accessTokenValidity())))
                .jwtID(UUID.randomUUID().toString())
                .claim(TOKEN_USE, ACCESS_USE)
                .claim(CLIENT_ID, client.clientId())
                .claim(SCOPE, OAuthScopes.format(scopes))
                .claim(AUTH_TIME, now.getEpochSecond())
                .build();
        return new ClientAccessToken(sign(claims), client.accessTokenValidity());
    }

    private static String leftHalfHash(String token) {
        byte[] hash = OpaqueTokens.sha256(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, hash.length / 2));
    }

    /**
     * The account's attributes the app client may read, as Cognito's ID token carries them: each by its
     * name, {@code updated_at} as a number, {@code address} as OIDC's object with {@code formatted}.
     */
    private void attributeClaims(User user, JWTClaimsSet.Builder id) {
        settings.attributePolicy().readableByClient(user.attributes()).values().forEach((name, value) -> {
            switch (name) {
                case UPDATED_AT -> {
                    try {
                        id.claim(name, Long.parseLong(value));
                    } catch (NumberFormatException e) {
                        id.claim(name, value);
                    }
                }
                case ADDRESS -> id.claim(name, java.util.Map.of(ADDRESS_FORMATTED, value));
                default -> id.claim(name, value);
            }
        });
    }

    private JWTClaimsSet.Builder common(String sub, Sessions.Session session, Instant now, java.time.Duration ttl) {
        return new JWTClaimsSet.Builder()
                .subject(sub)
                .issuer(settings.issuerClaim())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim(AUTH_TIME, session.authTime().getEpochSecond())
                .claim(ORIGIN_JTI, session.id())
                .claim(EVENT_ID, session.eventId());
    }

    /** {@code header.payload.signature}, as Nimbus's {@code SignedJWT} serialises it, signed by {@link TokenSignatures}. */
    private String sign(JWTClaimsSet claims) {
        String signingInput = headerSegment + "." + claims.toPayload().toBase64URL();
        byte[] signature = keys.signatures().sign(signingInput.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return signingInput + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }
}
