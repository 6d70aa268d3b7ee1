package dev.userpool.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.EventFacts;
import dev.userpool.core.event.Outcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Beyond the contract: durability across reopening and cursors that do not shift. */
class SqliteAuditLogTest {
    @TempDir
    Path dir;
    private final UserId user = new UserId("user-1");

    private AuditEvent at(Instant when) {
        return new AuditEvent(AuditEventType.SIGN_IN, new EventFacts(UUID.randomUUID(), when, Outcome.SUCCESS,
                Optional.empty(), Optional.of(user), "a@example.com", Actor.user(), Optional.empty(),
                RequestContext.internal("r")));
    }

    @Test
    void eventsSurviveReopeningTheDatabase() {
        Path file = dir.resolve("audit.db");
        AuditEvent e = at(Instant.parse("2030-01-01T00:00:00.123456789Z"));
        try (EmbeddedDatabase db = EmbeddedDatabase.open(file)) {
            new SqliteAuditLog(db).record(e);
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.open(file)) {
            assertThat(new SqliteAuditLog(db).bySubject("user-1", PageRequest.first(5)).items()).containsExactly(e);
        }
    }

    /**
     * A row as the log wrote it when every event type was a record class of its own (the type by its
     * name): a database written by that version must read. The row is written here with plain SQL.
     */
    @Test
    void aRowWrittenBeforeEventsWereOneRecordReads() {
        AuditEvent expected = new AuditEvent(AuditEventType.USER_DISABLED, new EventFacts(
                UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"), Instant.parse("2030-05-06T07:08:09.123456789Z"),
                Outcome.FAILURE, Optional.of(ErrorCode.USER_NOT_FOUND), Optional.of(user), "alice@example.com",
                Actor.admin(new UserId("admin-1")), Optional.empty(),
                new RequestContext("req-1", Optional.of("203.0.113.9"), Optional.of("curl/8.5")), Optional.of(true)));
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("audit.db"))) {
            db.transaction(c -> {
                try (var s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO audit_events (event_id, type, occurred_second, occurred_nano,"
                            + " outcome, error_code, user_id, email, subject_key, actor_kind, actor_id, method, request_id,"
                            + " source_ip, user_agent, password_checked) VALUES ('0f8fad5b-d9cb-469f-a165-70867728950e',"
                            + " 'USER_DISABLED', 1904281689, 123456789, 'FAILURE', 'UserNotFound', 'user-1',"
                            + " 'alice@example.com', 'user-1', 'ADMIN', 'admin-1', NULL, 'req-1', '203.0.113.9', 'curl/8.5', 1)");
                }
            });

            assertThat(new SqliteAuditLog(db).bySubject("user-1", PageRequest.first(5)).items()).containsExactly(expected);
        }
    }

    @Test
    void aNewerEventRecordedBetweenPagesDoesNotShiftTheNextPage() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("audit.db"))) {
            SqliteAuditLog log = new SqliteAuditLog(db);
            Instant t = Instant.parse("2030-01-01T00:00:00Z");
            AuditEvent a = at(t);
            AuditEvent b = at(t.plusNanos(1));
            AuditEvent c = at(t.plusNanos(2));
            log.record(a);
            log.record(b);
            log.record(c);

            Page<AuditEvent> first = log.bySubject("user-1", PageRequest.first(2));
            log.record(at(t.plusSeconds(60)));
            Page<AuditEvent> second = log.bySubject("user-1", new PageRequest(2, first.nextCursor()));

            assertThat(first.items()).containsExactly(c, b);
            assertThat(second.items()).containsExactly(a);
            assertThat(first.nextCursor().orElseThrow()).doesNotContain("user-1").matches("[A-Za-z0-9_-]+");
        }
    }
}
