package dev.userpool.embedded;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outbox as a delivery queue: what waits, what was sent, what a server refused, and the operator's
 * "try again". Several processes may share the file (the service and a CLI command): a message is
 * claimed in one transaction before it is handed over, so only one of them sends it.
 */
public final class OutboxQueue {
    /** Longest server reply kept with a row. */
    static final int MAX_REPLY = 1000;

    /** Where a row of the outbox stands. */
    public enum State {
        /** Only for the development mailbox: {@code USERPOOL_EMAIL=embedded} never sends. */
        KEPT,
        /** Waits until a mail server accepts it. */
        PENDING,
        /** A mail server accepted it. */
        SENT,
        /** A mail server refused it for good; stays until an operator retries it. */
        FAILED
    }

    /** How many rows are in each state, and since when the oldest pending one waits. */
    public record Summary(long kept, long pending, long sent, long failed, Optional<Instant> oldestPending,
                          Optional<Instant> nextAttempt) {
        public Summary {
            Objects.requireNonNull(oldestPending, "oldestPending");
            Objects.requireNonNull(nextAttempt, "nextAttempt");
        }
    }

    /** One row as an operator sees it: no bodies (they may hold a code). */
    public record Entry(long id, EmailAddress to, EmailMessage.Kind kind, String subject, State state, int attempts,
                        Instant queuedAt, Optional<Instant> lastAttemptAt, Optional<Instant> nextAttemptAt,
                        Optional<String> lastReply) {
        public Entry {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(queuedAt, "queuedAt");
            Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
            Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
            Objects.requireNonNull(lastReply, "lastReply");
        }

        @Override
        public String toString() {
            return "Entry[id=" + id + ", to=" + to.masked() + ", kind=" + kind + ", state=" + state + ", attempts="
                    + attempts + "]";
        }
    }

    /** A pending message this process has claimed, to hand over now. */
    record Claimed(long id, int attempts, EmailMessage message) {}

    private final EmbeddedDatabase db;
    private final Clock clock;

    public OutboxQueue(EmbeddedDatabase db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Summary summary() {
        return db.read(c -> {
            long[] counts = new long[State.values().length];
            try (PreparedStatement p = c.prepareStatement("SELECT state, COUNT(*) FROM outbox GROUP BY state");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) counts[State.valueOf(rs.getString(1)).ordinal()] = rs.getLong(2);
            }
            Optional<Instant> oldest = instant(c, "SELECT MIN(sent_at) FROM outbox WHERE state = 'PENDING'");
            Optional<Instant> next = instant(c, "SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'PENDING'");
            return new Summary(counts[State.KEPT.ordinal()], counts[State.PENDING.ordinal()],
                    counts[State.SENT.ordinal()], counts[State.FAILED.ordinal()], oldest, next);
        });
    }

    /** Pending messages (cheap: for a gauge). */
    public long pending() {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE state = 'PENDING'");
                 ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** The latest rows in any of {@code states}, newest first. */
    public List<Entry> list(Collection<State> states, int limit) {
        if (states.isEmpty()) return List.of();
        if (limit < 1) throw new IllegalArgumentException("limit must be positive");
        String in = states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id, recipient, kind, subject, state, attempts, sent_at,"
                    + " last_attempt_at, next_attempt_at, last_reply FROM outbox WHERE state IN (" + in + ")"
                    + " ORDER BY id DESC LIMIT ?")) {
                p.setInt(1, Math.min(limit, OutboxMailer.MAX_LISTED));
                List<Entry> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong("id"), new EmailAddress(rs.getString("recipient")),
                                EmailMessage.Kind.valueOf(rs.getString("kind")), rs.getString("subject"),
                                State.valueOf(rs.getString("state")), rs.getInt("attempts"),
                                Instant.ofEpochMilli(rs.getLong("sent_at")), optionalInstant(rs, "last_attempt_at"),
                                optionalInstant(rs, "next_attempt_at"), Optional.ofNullable(rs.getString("last_reply"))));
                    }
                }
                return out;
            }
        });
    }

    /**
     * The operator's "try again": every failed message goes back to pending, and every pending one is
     * due now (the sender's back-off is skipped). Answers how many messages are due now.
     */
    public int retryAll() {
        long now = clock.millis();
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE outbox SET state = 'PENDING', next_attempt_at = ?"
                    + " WHERE state IN ('PENDING', 'FAILED')")) {
                p.setLong(1, now);
                return p.executeUpdate();
            }
        });
    }

    /** {@link #retryAll()} for one message; false when there is no such failed or pending message. */
    public boolean retry(long id) {
        long now = clock.millis();
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE outbox SET state = 'PENDING', next_attempt_at = ?"
                    + " WHERE id = ? AND state IN ('PENDING', 'FAILED')")) {
                p.setLong(1, now);
                p.setLong(2, id);
                return p.executeUpdate() == 1;
            }
        });
    }

    /** When the next pending message is due (maybe already). */
    Optional<Instant> nextDue() {
        return db.read(c -> instant(c, "SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'PENDING'"));
    }

    /**
     * Takes the pending message that has been due longest, moving its next attempt {@code lease} ahead
     * in the same transaction: no other sender (thread or process) takes it meanwhile, and if this
     * process dies while handing it over it is due again once the lease has passed.
     */
    Optional<Claimed> claimNextDue(Duration lease) {
        long now = clock.millis();
        return db.transaction(c -> {
            Optional<Claimed> due;
            try (PreparedStatement p = c.prepareStatement("SELECT id, recipient, kind, subject, text_body, html_body,"
                    + " attempts FROM outbox WHERE state = 'PENDING' AND next_attempt_at <= ?"
                    + " ORDER BY next_attempt_at, id LIMIT 1")) {
                p.setLong(1, now);
                try (ResultSet rs = p.executeQuery()) {
                    due = rs.next()
                            ? Optional.of(new Claimed(rs.getLong("id"), rs.getInt("attempts"), new EmailMessage(
                                    new EmailAddress(rs.getString("recipient")), EmailMessage.Kind.valueOf(rs.getString("kind")),
                                    rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"))))
                            : Optional.empty();
                }
            }
            if (due.isPresent()) {
                try (PreparedStatement p = c.prepareStatement("UPDATE outbox SET next_attempt_at = ? WHERE id = ?")) {
                    p.setLong(1, now + lease.toMillis());
                    p.setLong(2, due.get().id());
                    p.executeUpdate();
                }
            }
            return due;
        });
    }

    void recordAccepted(long id, String reply) {
        record(id, State.SENT, reply, Optional.empty());
    }

    void recordDeferred(long id, String reply, Instant nextAttempt) {
        record(id, State.PENDING, reply, Optional.of(nextAttempt));
    }

    void recordRejected(long id, String reply) {
        record(id, State.FAILED, reply, Optional.empty());
    }

    private void record(long id, State state, String reply, Optional<Instant> next) {
        long now = clock.millis();
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE outbox SET state = ?, attempts = attempts + 1,"
                    + " last_attempt_at = ?, last_reply = ?, next_attempt_at = ? WHERE id = ?")) {
                p.setString(1, state.name());
                p.setLong(2, now);
                p.setString(3, reply.length() > MAX_REPLY ? reply.substring(0, MAX_REPLY) : reply);
                if (next.isPresent()) p.setLong(4, next.get().toEpochMilli());
                else p.setNull(4, java.sql.Types.INTEGER);
                p.setLong(5, id);
                return p.executeUpdate();
            }
        });
    }

    private static Optional<Instant> instant(Connection c, String sql) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            if (!rs.next()) return Optional.empty();
            long v = rs.getLong(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
        }
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }
}
