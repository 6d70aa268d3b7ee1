package dev.userpool.embedded;

import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in sessions. Each holds the digest of its refresh token, and its id is the {@code origin_jti}
 * of every ID and access token it issues. Ending a session deletes its row: the refresh token stops
 * working and the verifier, which learns of the end from the log a trigger writes ({@link ActiveSessions}),
 * rejects every token whose {@code origin_jti} it is.
 * That is exact where a "tokens valid after" time would be only as fine as JWT's one-second {@code iat}.
 */
final class Sessions {
    private Sessions() {}

    /**
     * One session: what every token it issues repeats ({@code origin_jti}, {@code event_id}, {@code auth_time}),
     * and the app client it signed in with (empty: the default client, for sessions older than app clients).
     */
    record Session(String id, UserId userId, String eventId, Instant authTime, Optional<String> clientId) {}

    /** Starts a session whose refresh token is {@code refreshToken} (only its digest is stored). */
    static Session open(Connection c, UserId user, String refreshToken, Instant now, Duration refreshTtl, String clientId)
            throws SQLException {
        Session session = new Session(UUID.randomUUID().toString(), user, UUID.randomUUID().toString(),
                Instant.ofEpochSecond(now.getEpochSecond()), Optional.of(clientId));
        try (PreparedStatement p = c.prepareStatement("INSERT INTO sessions"
                + " (id, user_id, refresh_digest, event_id, auth_time, refresh_expires_at, client_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, session.id());
            p.setString(2, user.value());
            p.setBytes(3, OpaqueTokens.digest(refreshToken));
            p.setString(4, session.eventId());
            p.setLong(5, session.authTime().getEpochSecond());
            p.setLong(6, now.plus(refreshTtl).toEpochMilli());
            p.setString(7, clientId);
            p.executeUpdate();
        }
        return session;
    }

    /** A session and its account as they are now: what a refresh issues tokens from. */
    /** A session that may be refreshed, its account, and the account's groups as its tokens rank them. */
    record Refreshable(Session session, User user, java.util.List<dev.userpool.core.domain.GroupRank> groups) {}

    /**
     * The session of a refresh token that is still valid at {@code now}, with its account, in one
     * statement: a refresh needs nothing else from the database.
     */
    static Optional<Refreshable> refreshable(Connection c, String refreshToken, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT s.id AS session_id, s.event_id, s.auth_time, s.client_id AS session_client,"
                + " u.id, u.email, u.status, u.email_verified, u.enabled, u.created_at, "   // what UserRows.read reads
                + UserAttributeRows.column("u") + ","
                + " " + GroupRows.tokenGroupsColumn("u.id") + " AS token_groups"   // in the same query: no second read
                + " FROM sessions s JOIN users u ON u.id = s.user_id"
                + " WHERE s.refresh_digest = ? AND s.refresh_expires_at > ?")) {
            p.setBytes(1, OpaqueTokens.digest(refreshToken));
            p.setLong(2, now.toEpochMilli());
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                User user = UserRows.read(rs);
                Session session = new Session(rs.getString("session_id"), user.id(), rs.getString("event_id"),
                        Instant.ofEpochSecond(rs.getLong("auth_time")), Optional.ofNullable(rs.getString("session_client")));
                return Optional.of(new Refreshable(session, user, GroupRows.parseTokenGroups(rs.getString("token_groups"))));
            }
        }
    }

    /** The session of a refresh token that is still valid at {@code now}. */
    static Optional<Session> byRefreshToken(Connection c, String refreshToken, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id, user_id, event_id, auth_time, client_id FROM sessions"
                + " WHERE refresh_digest = ? AND refresh_expires_at > ?")) {
            p.setBytes(1, OpaqueTokens.digest(refreshToken));
            p.setLong(2, now.toEpochMilli());
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Session(rs.getString(1), new UserId(rs.getString(2)), rs.getString(3),
                        Instant.ofEpochSecond(rs.getLong(4)), Optional.ofNullable(rs.getString(5))));
            }
        }
    }

    static void end(Connection c, String id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM sessions WHERE id = ?")) {
            p.setString(1, id);
            p.executeUpdate();
        }
    }

    static void endAll(Connection c, UserId user) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM sessions WHERE user_id = ?")) {
            p.setString(1, user.value());
            p.executeUpdate();
        }
    }

    static void endAllExcept(Connection c, UserId user, String keptSessionId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM sessions WHERE user_id = ? AND id <> ?")) {
            p.setString(1, user.value());
            p.setString(2, keptSessionId);
            p.executeUpdate();
        }
    }

    /** Forgets sessions that can issue nothing more and whose last tokens have expired. */
    static void purgeExpired(Connection c, UserId user, Instant now, Duration longestTokenTtl) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "DELETE FROM sessions WHERE user_id = ? AND refresh_expires_at <= ?")) {
            p.setString(1, user.value());
            p.setLong(2, now.minus(longestTokenTtl).toEpochMilli());
            p.executeUpdate();
        }
    }
}
