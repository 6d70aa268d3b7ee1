package dev.userpool.embedded;

import dev.userpool.core.domain.BrowserSession;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.out.BrowserSessions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The managed login's browser sessions, by the SHA-256 digest of the cookie value (256 random bits).
 * Deleting an account deletes its sessions (cascade); expired ones are swept when new ones open.
 */
public final class SqliteBrowserSessions implements BrowserSessions {
    private final EmbeddedDatabase db;

    public SqliteBrowserSessions(EmbeddedDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public String open(BrowserSession session) {
        String cookie = OpaqueTokens.newToken();
        db.transaction(c -> {
            try (PreparedStatement sweep = c.prepareStatement("DELETE FROM browser_sessions WHERE expires_at <= ?")) {
                sweep.setLong(1, session.authTime().toEpochMilli());
                sweep.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO browser_sessions (cookie_digest, user_id, auth_time, expires_at) VALUES (?, ?, ?, ?)")) {
                p.setBytes(1, OpaqueTokens.digest(cookie));
                p.setString(2, session.user().value());
                p.setLong(3, session.authTime().getEpochSecond());
                p.setLong(4, session.expiresAt().toEpochMilli());
                p.executeUpdate();
            }
            return null;
        });
        return cookie;
    }

    @Override
    public Optional<BrowserSession> find(String cookie, Instant now) {
        if (cookie == null || cookie.isBlank()) return Optional.empty();
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT user_id, auth_time, expires_at FROM browser_sessions WHERE cookie_digest = ? AND expires_at > ?")) {
                p.setBytes(1, OpaqueTokens.digest(cookie.strip()));
                p.setLong(2, now.toEpochMilli());
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) return Optional.<BrowserSession>empty();
                    return Optional.of(new BrowserSession(new UserId(rs.getString(1)), Instant.ofEpochSecond(rs.getLong(2)),
                            Instant.ofEpochMilli(rs.getLong(3))));
                }
            }
        });
    }

    @Override
    public void end(String cookie) {
        if (cookie == null || cookie.isBlank()) return;
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM browser_sessions WHERE cookie_digest = ?")) {
                p.setBytes(1, OpaqueTokens.digest(cookie.strip()));
                p.executeUpdate();
            }
            return null;
        });
    }
}
