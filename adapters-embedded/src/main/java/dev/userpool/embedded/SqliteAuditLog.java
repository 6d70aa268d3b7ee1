package dev.userpool.embedded;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.EventFacts;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.out.AuditLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The audit trail in the {@code audit_events} table. The event id is the key, so recording an event
 * twice keeps one copy. Listings are newest first, ties broken by event id, and page by keyset: the
 * cursor is the position of the last event shown, so inserts between pages never shift a page.
 */
public final class SqliteAuditLog implements AuditLog {
    private static final String COLUMNS = "event_id, type, occurred_second, occurred_nano, outcome, error_code,"
            + " user_id, email, subject_key, actor_kind, actor_id, method, request_id, source_ip, user_agent, password_checked";
    /** After the cursor's position, in newest-first order. */
    private static final String AFTER_CURSOR = " AND (occurred_second < ? OR (occurred_second = ? AND"
            + " (occurred_nano < ? OR (occurred_nano = ? AND event_id < ?))))";
    private static final String NEWEST_FIRST = " ORDER BY occurred_second DESC, occurred_nano DESC, event_id DESC LIMIT ?";

    private final EmbeddedDatabase db;
    /** At most this many events in one transaction: a bounded transaction under load. */
    static final int MAX_BATCH = 256;
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    public SqliteAuditLog(EmbeddedDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Records {@code event} and returns once it is committed. Callers that arrive while another's commit is
     * under way are written together by the next one of them, in one transaction ("group commit"): each
     * commit waits for the disk, and under load one wait then serves many events instead of one each.
     * Nothing is answered before its own event is on disk, so nothing is lost in a crash that a commit per
     * event would have kept.
     */
    @Override
    public void record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        if (db.heldByCurrentThread()) {
            // inside a transaction of this thread's: waiting for another writer could wait for ourselves
            db.transaction(c -> insert(c, List.of(event)));
            return;
        }
        Pending mine = new Pending(event);
        waiting.add(mine);
        writer.lock();
        try {
            while (!mine.done) writeBatch();
        } finally {
            writer.unlock();
        }
        if (mine.failure != null) throw mine.failure;
    }

    /** An event waiting for its commit, and how it went (written under {@link #writer}, read after taking it). */
    private static final class Pending {
        final AuditEvent event;
        volatile boolean done;
        volatile RuntimeException failure;

        Pending(AuditEvent event) {
            this.event = event;
        }
    }

    /** Commits the oldest waiting events together; if that fails, each alone, so one bad event sinks no other. */
    private void writeBatch() {
        List<Pending> batch = new ArrayList<>();
        for (Pending next; batch.size() < MAX_BATCH && (next = waiting.poll()) != null; ) batch.add(next);
        if (batch.isEmpty()) return;
        try {
            db.transaction(c -> insert(c, batch.stream().map(p -> p.event).toList()));
            batch.forEach(p -> p.done = true);
        } catch (RuntimeException together) {
            for (Pending p : batch) {
                try {
                    if (batch.size() > 1) db.transaction(c -> insert(c, List.of(p.event)));
                    else throw together;
                } catch (RuntimeException alone) {
                    p.failure = alone;
                }
                p.done = true;
            }
        } finally {
            // an Error on the way: its owners must not wait for events no batch will write any more
            for (Pending p : batch) {
                if (!p.done) {
                    p.failure = new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The audit event could not be recorded.");
                    p.done = true;
                }
            }
        }
    }

    /** Whether a caller is writing a batch now (tests watch a batch form). */
    boolean writing() {
        return writer.isLocked();
    }

    /** Events waiting for a commit now (tests watch a batch form). */
    int waitingForCommit() {
        return waiting.size();
    }

    private static Void insert(Connection c, List<AuditEvent> events) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO audit_events (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEvent event : events) {
                EventFacts f = event.facts();
                p.setString(1, f.eventId().toString());
                p.setString(2, event.type().name());
                p.setLong(3, f.occurredAt().getEpochSecond());
                p.setInt(4, f.occurredAt().getNano());
                p.setString(5, f.outcome().name());
                p.setString(6, f.errorCode().map(ErrorCode::code).orElse(null));
                p.setString(7, f.userId().map(UserId::value).orElse(null));
                p.setString(8, f.email());
                p.setString(9, event.subjectKey());
                p.setString(10, f.actor().kind().name());
                p.setString(11, f.actor().id().map(UserId::value).orElse(null));
                p.setString(12, f.method().map(Enum::name).orElse(null));
                p.setString(13, f.context().requestId());
                p.setString(14, f.context().sourceIp().orElse(null));
                p.setString(15, f.context().userAgent().orElse(null));
                p.setObject(16, f.passwordChecked().map(checked -> checked ? 1 : 0).orElse(null));
                p.executeUpdate();
            }
        }
        return null;
    }

    @Override
    public Page<AuditEvent> bySubject(String subjectKey, PageRequest page) {
        Objects.requireNonNull(subjectKey, "subjectKey");
        return query(" WHERE subject_key = ?", List.of(subjectKey), page);
    }

    /** {@code from <= occurredAt < to}. */
    @Override
    public Page<AuditEvent> between(Instant from, Instant to, PageRequest page) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return query(" WHERE (occurred_second > ? OR (occurred_second = ? AND occurred_nano >= ?))"
                        + " AND (occurred_second < ? OR (occurred_second = ? AND occurred_nano < ?))",
                List.of(from.getEpochSecond(), from.getEpochSecond(), from.getNano(),
                        to.getEpochSecond(), to.getEpochSecond(), to.getNano()), page);
    }

    private Page<AuditEvent> query(String where, List<Object> whereArgs, PageRequest page) {
        Objects.requireNonNull(page, "page");
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_events" + where);
        List<Object> args = new ArrayList<>(whereArgs);
        page.cursor().ifPresent(cursor -> {
            Position after = Position.decode(cursor);
            sql.append(AFTER_CURSOR);
            args.addAll(List.of(after.second(), after.second(), after.nano(), after.nano(), after.eventId()));
        });
        sql.append(NEWEST_FIRST);
        args.add(page.limit() + 1);
        List<AuditEvent> events = db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) p.setObject(i + 1, args.get(i));
                List<AuditEvent> found = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) found.add(read(rs));
                }
                return found;
            }
        });
        if (events.size() <= page.limit()) return new Page<>(events, Optional.empty());
        List<AuditEvent> shown = events.subList(0, page.limit());
        return new Page<>(shown, Optional.of(Position.of(shown.get(shown.size() - 1)).encode()));
    }

    private static AuditEvent read(ResultSet rs) throws SQLException {
        Optional<UserId> actorId = Optional.ofNullable(rs.getString("actor_id")).map(UserId::new);
        Actor actor = new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), actorId);
        EventFacts facts = new EventFacts(
                UUID.fromString(rs.getString("event_id")),
                Instant.ofEpochSecond(rs.getLong("occurred_second"), rs.getInt("occurred_nano")),
                Outcome.valueOf(rs.getString("outcome")),
                Optional.ofNullable(rs.getString("error_code")).flatMap(ErrorCode::fromCode),
                Optional.ofNullable(rs.getString("user_id")).map(UserId::new),
                rs.getString("email"),
                actor,
                Optional.ofNullable(rs.getString("method")).map(ConfirmationMethod::valueOf),
                new RequestContext(rs.getString("request_id"), Optional.ofNullable(rs.getString("source_ip")),
                        Optional.ofNullable(rs.getString("user_agent"))),
                passwordChecked(rs));
        return new AuditEvent(AuditEventType.valueOf(rs.getString("type")), facts);
    }

    private static Optional<Boolean> passwordChecked(ResultSet rs) throws SQLException {
        int value = rs.getInt("password_checked");
        return rs.wasNull() ? Optional.empty() : Optional.of(value != 0);
    }

    /** Where a listing stopped: the sort key of the last event shown. */
    private record Position(long second, int nano, String eventId) {
        static Position of(AuditEvent e) {
            return new Position(e.occurredAt().getEpochSecond(), e.occurredAt().getNano(), e.eventId().toString());
        }

        String encode() {
            return PageCursor.encode(Long.toString(second), Integer.toString(nano), eventId);
        }

        static Position decode(String cursor) {
            List<String> fields = PageCursor.decode(cursor, 3);
            try {
                return new Position(Long.parseLong(fields.get(0)), Integer.parseInt(fields.get(1)),
                        UUID.fromString(fields.get(2)).toString());
            } catch (IllegalArgumentException e) {
                throw dev.userpool.core.domain.UserPoolException.invalidParameter("cursor", "is not a cursor of this listing");
            }
        }
    }
}
