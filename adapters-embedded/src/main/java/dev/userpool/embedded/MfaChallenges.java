package dev.userpool.embedded;

import dev.userpool.core.domain.MfaRequired;
import dev.userpool.core.domain.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The sign-ins waiting for their second factor, in {@code mfa_challenges}: 256 random bits handed to the
 * client, only their digest stored; each lives {@link #LIFETIME} (Cognito's authentication session), is
 * bound to its account and its kind, and is taken once, whatever the answer.
 */
final class MfaChallenges {
    static final Duration LIFETIME = Duration.ofMinutes(3);
    /** At most this many open challenges per account: a new one past it replaces the oldest. */
    static final int PER_ACCOUNT = 16;

    private MfaChallenges() {}

    static String open(Connection c, UserId user, MfaRequired.Kind kind, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM mfa_challenges WHERE user_id = ? AND"
                + " (expires_at <= ? OR session_digest NOT IN (SELECT session_digest FROM mfa_challenges"
                + " WHERE user_id = ? ORDER BY expires_at DESC LIMIT ?))")) {
            p.setString(1, user.value());
            p.setLong(2, now.toEpochMilli());
            p.setString(3, user.value());
            p.setInt(4, PER_ACCOUNT - 1);
            p.executeUpdate();
        }
        String session = OpaqueTokens.newToken();
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO mfa_challenges (session_digest, user_id, kind, expires_at) VALUES (?, ?, ?, ?)")) {
            p.setBytes(1, OpaqueTokens.digest(session));
            p.setString(2, user.value());
            p.setString(3, kind.name());
            p.setLong(4, now.plus(LIFETIME).toEpochMilli());
            p.executeUpdate();
        }
        return session;
    }

    /** What taking a session found. */
    enum Check { MATCH, INVALID, EXPIRED }

    /**
     * Takes the challenge of {@code session}: removed whatever the outcome, so it is never answered twice;
     * {@link Check#INVALID} when there is none, it is another account's or of another kind,
     * {@link Check#EXPIRED} when its time is up.
     */
    static Check take(Connection c, String session, UserId user, MfaRequired.Kind kind, Instant now) throws SQLException {
        byte[] digest = OpaqueTokens.digest(session);
        Optional<Pending> pending = find(c, digest);
        if (pending.isEmpty()) return Check.INVALID;
        try (PreparedStatement p = c.prepareStatement("DELETE FROM mfa_challenges WHERE session_digest = ?")) {
            p.setBytes(1, digest);
            p.executeUpdate();
        }
        if (!pending.get().owner().equals(user.value()) || !pending.get().kind().equals(kind.name())) return Check.INVALID;
        if (now.toEpochMilli() >= pending.get().expiresAt()) return Check.EXPIRED;
        return Check.MATCH;
    }

    /** The account of a pending, unexpired challenge of {@code kind}, without taking it. */
    static Optional<UserId> accountOf(Connection c, String session, MfaRequired.Kind kind, Instant now) throws SQLException {
        return find(c, OpaqueTokens.digest(session))
                .filter(p -> p.kind().equals(kind.name()) && now.toEpochMilli() < p.expiresAt())
                .map(p -> new UserId(p.owner()));
    }

    private record Pending(String owner, String kind, long expiresAt) {}

    private static Optional<Pending> find(Connection c, byte[] digest) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT user_id, kind, expires_at FROM mfa_challenges WHERE session_digest = ?")) {
            p.setBytes(1, digest);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Pending(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
        }
    }
}
