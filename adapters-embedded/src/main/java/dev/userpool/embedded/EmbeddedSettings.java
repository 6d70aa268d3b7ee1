package dev.userpool.embedded;

import dev.userpool.core.domain.AdminPolicy;
import dev.userpool.core.domain.AttributePolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What the embedded token issuer needs to know: who it is ({@code issuer}, the public base URL), the
 * app client its tokens are for, how long tokens live, who is in the {@code admins} group, and
 * whether the outbox may print codes in the log (development only), and which attributes the app
 * client may read (only those reach the ID token).
 */
public record EmbeddedSettings(URI issuer, String clientId, Duration idTokenTtl, Duration accessTokenTtl,
                               Duration refreshTokenTtl, AdminPolicy adminPolicy, boolean logCodes,
                               AttributePolicy attributePolicy) {
    public static final String DEFAULT_CLIENT_ID = "userpool-local";

    public EmbeddedSettings {
        Objects.requireNonNull(issuer, "issuer");
        if (!issuer.isAbsolute()) throw new IllegalArgumentException("issuer must be an absolute URL");
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.isBlank()) throw new IllegalArgumentException("clientId must not be blank");
        requirePositive(idTokenTtl, "idTokenTtl");
        requirePositive(accessTokenTtl, "accessTokenTtl");
        requirePositive(refreshTokenTtl, "refreshTokenTtl");
        Objects.requireNonNull(adminPolicy, "adminPolicy");
        Objects.requireNonNull(attributePolicy, "attributePolicy");
    }

    /** With Cognito's default app client, which reads every attribute (so every one reaches the ID token). */
    public EmbeddedSettings(URI issuer, String clientId, Duration idTokenTtl, Duration accessTokenTtl,
                            Duration refreshTokenTtl, AdminPolicy adminPolicy, boolean logCodes) {
        this(issuer, clientId, idTokenTtl, accessTokenTtl, refreshTokenTtl, adminPolicy, logCodes,
                AttributePolicy.cognitoDefault());
    }

    /** Cognito's defaults: ID and access tokens for an hour, refresh tokens for 30 days, no admins. */
    public static EmbeddedSettings defaults(URI issuer) {
        return new EmbeddedSettings(issuer, DEFAULT_CLIENT_ID, Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofDays(30), AdminPolicy.none(), false);
    }

    /** The {@code iss} claim: the issuer URL without a trailing slash, as Cognito writes it. */
    public String issuerClaim() {
        String s = issuer.toString();
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }

    /** The longest an ID or access token lives, so session rows outlast every token they issued. */
    Duration longestTokenTtl() {
        return idTokenTtl.compareTo(accessTokenTtl) >= 0 ? idTokenTtl : accessTokenTtl;
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
    }
}
