package dev.userpool.embedded;

import dev.userpool.core.domain.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Whether a token's session is still active, answered from memory: the verifier asks on every request,
 * and a read of the {@code sessions} table each time would queue every request behind the database.
 *
 * <p>What it knows: sessions it has seen active (read once from {@code sessions}), and sessions it
 * has seen end (a session id is a random UUID and an ended session never comes back, so that stays
 * true). It learns of ends, this process's and another's on the same file alike, from the
 * {@code session_ends} log a trigger writes for every deleted session row. SQLite's
 * {@code PRAGMA data_version} changes only when another connection has committed: while it stays the
 * same nothing can have ended, and a check reads no table at all; when it moved, the log is read from
 * where this reader last stopped. Commits on the database's main connection count as another
 * connection's, so this process's own ends are seen by the next check.
 *
 * <p>Order matters for "seen active": the log is caught up first, then {@code sessions} is read, both
 * on the same connection under its lock. An end committed after that read has a log entry past where
 * this reader stopped, so the next check finds it. If entries it has not read were pruned from the
 * log, it forgets every active session it knew and reads them again.
 *
 * <p>Every method runs under {@link EmbeddedDatabase#watch}'s lock, which guards the state here.
 */
final class ActiveSessions {
    /** Past this many, a set is forgotten and filled again by reads: memory stays bounded. */
    static final int REMEMBERED = 100_000;

    private final EmbeddedDatabase db;
    private final Map<String, UserId> active = new HashMap<>();
    private final Set<String> ended = new HashSet<>();
    private long seenDataVersion = -1;
    private long seenSeq = -1;
    private long tableReads;

    // Prepared once on the watch connection and reused: every check runs the first.
    private PreparedStatement dataVersion;
    private PreparedStatement endsSince;
    private PreparedStatement lastEnd;
    private PreparedStatement session;

    ActiveSessions(EmbeddedDatabase db) {
        this.db = db;
    }

    /** Whether session {@code id} of {@code user} has not been ended. */
    boolean isActive(String id, UserId user) {
        return db.watch(c -> {
            catchUp(c);
            UserId known = active.get(id);
            if (known != null) return known.equals(user);
            if (ended.contains(id)) return false;
            return readSession(c, id, user);
        });
    }

    /** How many times this reader read a table ({@code sessions} or the log) rather than answer from memory. */
    long tableReads() {
        return db.watch(c -> tableReads);
    }

    private void catchUp(Connection c) throws SQLException {
        long version = dataVersion(c);
        if (version == seenDataVersion) return;
        if (seenSeq < 0) {
            // Nothing is known yet, so nothing logged before now can make anything known untrue.
            seenSeq = lastEnd(c);
        } else {
            readEndsSince(c);
        }
        seenDataVersion = version;
    }

    private long dataVersion(Connection c) throws SQLException {
        if (dataVersion == null) dataVersion = c.prepareStatement("PRAGMA data_version");
        try (ResultSet rs = dataVersion.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long lastEnd(Connection c) throws SQLException {
        if (lastEnd == null) lastEnd = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM session_ends");
        tableReads++;
        try (ResultSet rs = lastEnd.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void readEndsSince(Connection c) throws SQLException {
        if (endsSince == null) endsSince = c.prepareStatement("SELECT seq, session_id FROM session_ends WHERE seq > ? ORDER BY seq");
        tableReads++;
        endsSince.setLong(1, seenSeq);
        try (ResultSet rs = endsSince.executeQuery()) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                // Entries between were pruned unread: any session known active may have ended since.
                if (seq != seenSeq + 1) active.clear();
                String id = rs.getString(2);
                active.remove(id);
                remember(ended, id);
                seenSeq = seq;
            }
        }
    }

    private static void remember(Set<String> set, String id) {
        if (set.size() >= REMEMBERED) set.clear();
        set.add(id);
    }

    private boolean readSession(Connection c, String id, UserId user) throws SQLException {
        if (session == null) session = c.prepareStatement("SELECT user_id FROM sessions WHERE id = ?");
        tableReads++;
        session.setString(1, id);
        String owner;
        try (ResultSet rs = session.executeQuery()) {
            owner = rs.next() ? rs.getString(1) : null;
        }
        if (owner == null) {
            // Gone for good (tokens are signed only after their session is committed): not read again.
            remember(ended, id);
            return false;
        }
        if (active.size() >= REMEMBERED) active.clear();
        UserId ownerId = new UserId(owner);
        active.put(id, ownerId);
        return ownerId.equals(user);
    }
}
