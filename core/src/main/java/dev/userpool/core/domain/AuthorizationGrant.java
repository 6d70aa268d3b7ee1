package dev.userpool.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an authorization code stands for: the user who signed in, the client and the exact redirect URI
 * it was issued to, the scopes granted, the {@code nonce} the ID token must repeat, the PKCE S256
 * challenge the verifier must meet, when the user authenticated, and until when the code may be
 * exchanged (RFC 6749 §4.1.2: short-lived, used once). The code itself is not here: it is a secret
 * the {@link dev.userpool.core.port.out.AuthorizationCodes} store keeps only as a digest.
 */
public record AuthorizationGrant(UserId user, String clientId, String redirectUri, Set<String> scopes,
                                 Optional<String> nonce, Optional<String> codeChallenge, Instant authTime,
                                 Instant expiresAt) {
    public AuthorizationGrant {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        scopes = dev.userpool.core.domain.OAuthScopes.ordered(scopes);
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
