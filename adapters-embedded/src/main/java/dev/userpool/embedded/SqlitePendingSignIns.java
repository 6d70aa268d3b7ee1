package dev.userpool.embedded;

import dev.userpool.core.domain.PendingSignIn;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.out.PendingSignIns;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The pending choice-based sign-ins in the {@code pending_sign_ins} table: any process of the pool finds
 * them, and a {@code DELETE} that removed the row is the one answer that took it.
 */
public final class SqlitePendingSignIns implements PendingSignIns {
    private final EmbeddedDatabase db;

    public SqlitePendingSignIns(EmbeddedDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void save(PendingSignIn p, Instant now) {
        db.transaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM pending_sign_ins WHERE expires_at <= ?")) {
                d.setLong(1, now.toEpochMilli());
                d.executeUpdate();
            }
            try (PreparedStatement i = c.prepareStatement("INSERT INTO pending_sign_ins"
                    + " (session_digest, username, user_id, code_digest, expires_at, wrong_answers) VALUES (?, ?, ?, ?, ?, ?)")) {
                i.setString(1, p.sessionDigest());
                i.setString(2, p.username());
                i.setString(3, p.account().map(UserId::value).orElse(null));
                i.setString(4, p.codeDigest().orElse(null));
                i.setLong(5, p.expiresAt().toEpochMilli());
                i.setInt(6, p.wrongAnswers());
                i.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<PendingSignIn> find(String sessionDigest) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT username, user_id, code_digest, expires_at, wrong_answers"
                    + " FROM pending_sign_ins WHERE session_digest = ?")) {
                p.setString(1, sessionDigest);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new PendingSignIn(sessionDigest, rs.getString(1),
                            Optional.ofNullable(rs.getString(2)).map(UserId::new), Optional.ofNullable(rs.getString(3)),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.getInt(5)));
                }
            }
        });
    }

    @Override
    public boolean take(String sessionDigest) {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM pending_sign_ins WHERE session_digest = ?")) {
                p.setString(1, sessionDigest);
                return p.executeUpdate() > 0;
            }
        });
    }

    @Override
    public int countWrongAnswer(String sessionDigest) {
        return db.transaction(c -> {
            try (PreparedStatement u = c.prepareStatement(
                    "UPDATE pending_sign_ins SET wrong_answers = wrong_answers + 1 WHERE session_digest = ?")) {
                u.setString(1, sessionDigest);
                if (u.executeUpdate() == 0) return 0;
            }
            try (PreparedStatement p = c.prepareStatement("SELECT wrong_answers FROM pending_sign_ins WHERE session_digest = ?")) {
                p.setString(1, sessionDigest);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }
}
