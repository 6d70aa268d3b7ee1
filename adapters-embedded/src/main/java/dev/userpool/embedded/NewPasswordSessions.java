package dev.userpool.embedded;

import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * The sessions of {@code NEW_PASSWORD_REQUIRED} challenges, in the {@code new_password_challenges} table:
 * 256 random bits handed to the client, only their digest stored; each lives {@link #LIFETIME} (Cognito's
 * default authentication session), is bound to its account and is taken once, whatever the answer.
 */
final class NewPasswordSessions {
    static final Duration LIFETIME = Duration.ofMinutes(3);
    /** At most this many open challenges per account: a new one past it replaces the oldest. */
    static final int PER_ACCOUNT = 16;
    static final String INVALID = "Invalid session for the user.";
    static final String EXPIRED = "Invalid session for the user, session is expired.";

    private NewPasswordSessions() {}

    /** Opens a challenge for {@code user}; returns its session (the secret the client hands back). */
    static String open(Connection c, UserId user, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM new_password_challenges WHERE user_id = ? AND"
                + " (expires_at <= ? OR session_digest NOT IN (SELECT session_digest FROM new_password_challenges"
                + " WHERE user_id = ? ORDER BY expires_at DESC LIMIT ?))")) {
            p.setString(1, user.value());
            p.setLong(2, now.toEpochMilli());
            p.setString(3, user.value());
            p.setInt(4, PER_ACCOUNT - 1);
            p.executeUpdate();
        }
        String session = OpaqueTokens.newToken();
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO new_password_challenges (session_digest, user_id, expires_at) VALUES (?, ?, ?)")) {
            p.setBytes(1, OpaqueTokens.digest(session));
            p.setString(2, user.value());
            p.setLong(3, now.plus(LIFETIME).toEpochMilli());
            p.executeUpdate();
        }
        return session;
    }

    /** What taking a session found; a refusal is thrown once the transaction that used the session up committed. */
    enum Check {
        MATCH, INVALID, EXPIRED;

        void throwIfRefused() {
            if (this == INVALID) throw invalid(NewPasswordSessions.INVALID);
            if (this == EXPIRED) throw invalid(NewPasswordSessions.EXPIRED);
        }
    }

    /**
     * Takes the challenge of {@code session} for {@code user}: removed whatever the outcome, so it is
     * never answered twice; {@link Check#INVALID} when there is none or it is another account's,
     * {@link Check#EXPIRED} when its time is up.
     */
    static Check take(Connection c, String session, UserId user, Instant now) throws SQLException {
        byte[] digest = OpaqueTokens.digest(session);
        String owner;
        long expiresAt;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT user_id, expires_at FROM new_password_challenges WHERE session_digest = ?")) {
            p.setBytes(1, digest);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return Check.INVALID;
                owner = rs.getString(1);
                expiresAt = rs.getLong(2);
            }
        }
        try (PreparedStatement p = c.prepareStatement("DELETE FROM new_password_challenges WHERE session_digest = ?")) {
            p.setBytes(1, digest);
            p.executeUpdate();
        }
        if (!owner.equals(user.value())) return Check.INVALID;
        if (now.toEpochMilli() >= expiresAt) return Check.EXPIRED;
        return Check.MATCH;
    }

    /** Every open challenge of the account ends (its password changed another way). */
    static void endAll(Connection c, UserId user) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM new_password_challenges WHERE user_id = ?")) {
            p.setString(1, user.value());
            p.executeUpdate();
        }
    }

    private static UserPoolException invalid(String message) {
        return UserPoolException.notAuthorized(message).passwordChecked(false);
    }
}
