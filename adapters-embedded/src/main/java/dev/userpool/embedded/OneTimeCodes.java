package dev.userpool.embedded;

import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Cognito's 6-digit codes: one live code per user and purpose (a new one replaces the old), used at
 * most once, kept only as a salted SHA-256 digest. A fast hash suffices because a code lives hours
 * and guessing is capped by {@link AttemptLimits}.
 */
final class OneTimeCodes {
    static final String INVALID_CODE = "Invalid verification code provided, please try again.";
    static final String EXPIRED_CODE = "Invalid code provided, please request a code again.";

    private OneTimeCodes() {}

    enum Purpose {
        SIGN_UP(Duration.ofHours(24)),
        PASSWORD_RESET(Duration.ofHours(1)),
        /** A code that proves an address: a new one pending, or the account's own (Cognito's attribute verification). */
        VERIFY_EMAIL(Duration.ofHours(24));

        final Duration validFor;

        Purpose(Duration validFor) {
            this.validFor = validFor;
        }
    }

    enum Check {
        MATCH, MISMATCH, EXPIRED;

        /** Cognito's error for a code that did not match, or nothing for a match. */
        void throwIfRefused() {
            switch (this) {
                case MATCH -> { }
                case MISMATCH -> throw new UserPoolException(ErrorCode.CODE_MISMATCH, INVALID_CODE);
                case EXPIRED -> throw new UserPoolException(ErrorCode.EXPIRED_CODE, EXPIRED_CODE);
            }
        }
    }

    /** Makes a new code for {@code purpose}, replacing any earlier one, and returns it (to be emailed). */
    static String issue(Connection c, UserId user, Purpose purpose, Instant now) throws SQLException {
        String code = String.format("%06d", OpaqueTokens.random().nextInt(1_000_000));
        byte[] salt = new byte[16];
        OpaqueTokens.random().nextBytes(salt);
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO one_time_codes"
                + " (user_id, purpose, salt, digest, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            p.setString(1, user.value());
            p.setString(2, purpose.name());
            p.setBytes(3, salt);
            p.setBytes(4, digest(salt, code));
            p.setLong(5, now.plus(purpose.validFor).toEpochMilli());
            p.executeUpdate();
        }
        return code;
    }

    /**
     * Checks {@code code}; a match uses it up. No live code (never sent, or used) is a mismatch; the
     * right code after its time is expired.
     */
    static Check consume(Connection c, UserId user, Purpose purpose, ConfirmationCode code, Instant now)
            throws SQLException {
        byte[] salt;
        byte[] expected;
        long expiresAt;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT salt, digest, expires_at FROM one_time_codes WHERE user_id = ? AND purpose = ?")) {
            p.setString(1, user.value());
            p.setString(2, purpose.name());
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return Check.MISMATCH;
                salt = rs.getBytes(1);
                expected = rs.getBytes(2);
                expiresAt = rs.getLong(3);
            }
        }
        if (!MessageDigest.isEqual(expected, digest(salt, code.reveal()))) return Check.MISMATCH;
        if (now.toEpochMilli() >= expiresAt) return Check.EXPIRED;
        discard(c, user, purpose);
        return Check.MATCH;
    }

    static void discard(Connection c, UserId user, Purpose purpose) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM one_time_codes WHERE user_id = ? AND purpose = ?")) {
            p.setString(1, user.value());
            p.setString(2, purpose.name());
            p.executeUpdate();
        }
    }

    private static byte[] digest(byte[] salt, String code) {
        return OpaqueTokens.sha256(salt, code.getBytes(StandardCharsets.UTF_8));
    }
}
