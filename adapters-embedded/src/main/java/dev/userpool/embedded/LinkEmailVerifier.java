package dev.userpool.embedded;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailVerificationStatus;
import dev.userpool.core.port.out.EmailVerifier;
import dev.userpool.core.port.out.Mailer;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The link method without SES: the email holds a link to the app's callback with a random
 * single-use token; opening it marks the address verified, as clicking SES's link would. Only the
 * token's digest is stored. A new link replaces the previous one.
 */
public final class LinkEmailVerifier implements EmailVerifier {
    public static final String CALLBACK_PATH = "/api/verify-link/callback";
    static final Duration VALID_FOR = Duration.ofHours(24);

    private final EmbeddedDatabase db;
    private final Mailer mailer;
    private final String base;
    private final Clock clock;

    public LinkEmailVerifier(EmbeddedDatabase db, Mailer mailer, URI baseUrl, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        String url = Objects.requireNonNull(baseUrl, "baseUrl").toString();
        while (url.endsWith("/")) url = url.substring(0, url.length() - 1);
        this.base = url;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new link; an address already verified stays verified. */
    @Override
    public void sendVerification(EmailAddress email) {
        Objects.requireNonNull(email, "email");
        String token = OpaqueTokens.newToken();
        Instant expiresAt = clock.instant().plus(VALID_FOR);
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO verification_links"
                    + " (email, token_digest, expires_at, verified_at) VALUES (?, ?, ?, NULL)"
                    + " ON CONFLICT (email) DO UPDATE SET token_digest = excluded.token_digest,"
                    + " expires_at = excluded.expires_at")) {
                p.setString(1, email.value());
                p.setBytes(2, OpaqueTokens.digest(token));
                p.setLong(3, expiresAt.toEpochMilli());
                return p.executeUpdate();
            }
        });
        mailer.deliver(EmailTemplates.verificationLink(email, base + CALLBACK_PATH + "?token=" + token));
    }

    /** FAILED when the last link expired unused, as SES reports an identity whose verification lapsed. */
    @Override
    public EmailVerificationStatus status(EmailAddress email) {
        Objects.requireNonNull(email, "email");
        Instant now = clock.instant();
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT expires_at, verified_at FROM verification_links WHERE email = ?")) {
                p.setString(1, email.value());
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) return EmailVerificationStatus.NOT_STARTED;
                    long expiresAt = rs.getLong(1);
                    rs.getLong(2);
                    if (!rs.wasNull()) return EmailVerificationStatus.VERIFIED;
                    return now.toEpochMilli() < expiresAt ? EmailVerificationStatus.PENDING : EmailVerificationStatus.FAILED;
                }
            }
        });
    }

    @Override
    public void forget(EmailAddress email) {
        Objects.requireNonNull(email, "email");
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM verification_links WHERE email = ?")) {
                p.setString(1, email.value());
                return p.executeUpdate();
            }
        });
    }

    /**
     * The app's callback: marks the address of a live, unused token verified and returns it. An
     * unknown, used, replaced or expired token gives nothing (the caller shows one neutral page).
     */
    public Optional<EmailAddress> completeCallback(String token) {
        if (token == null || token.isBlank() || token.length() > 256) return Optional.empty();
        byte[] digest = OpaqueTokens.digest(token.strip());
        Instant now = clock.instant();
        return db.transaction(c -> {
            String email;
            try (PreparedStatement p = c.prepareStatement("SELECT email FROM verification_links"
                    + " WHERE token_digest = ? AND verified_at IS NULL AND expires_at > ?")) {
                p.setBytes(1, digest);
                p.setLong(2, now.toEpochMilli());
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    email = rs.getString(1);
                }
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE verification_links SET verified_at = ? WHERE email = ?")) {
                p.setLong(1, now.toEpochMilli());
                p.setString(2, email);
                p.executeUpdate();
            }
            return Optional.of(new EmailAddress(email));
        });
    }
}
