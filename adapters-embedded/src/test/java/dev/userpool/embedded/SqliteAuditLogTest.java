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

    /**
     * Group commit: events that arrive while a commit is under way are written by the next writer in one
     * transaction, and no caller returns before its own event is committed. Made deterministic by holding
     * the database's lock: the first writer waits for it while five more callers queue behind.
     */
    @Test
    void eventsArrivingDuringACommitAreWrittenTogetherAndEachCallerReturnsOnlyOnceItsEventIsStored() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("audit.db"))) {
            SqliteAuditLog log = new SqliteAuditLog(db);
            java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(7);
            try {
                threads.submit(() -> db.transaction(c -> {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
                holding.await();
                long before = db.transactions();
                java.util.List<java.util.concurrent.Future<?>> callers = new java.util.ArrayList<>();
                java.util.List<AuditEvent> events = new java.util.ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    AuditEvent e = at(Instant.parse("2030-01-01T00:00:00Z").plusSeconds(i));
                    events.add(e);
                    callers.add(threads.submit(() -> log.record(e)));
                    if (i == 0) awaitTrue(() -> log.writing() && log.waitingForCommit() == 0);   // the first took its batch, waits for the lock
                }
                awaitTrue(() -> log.waitingForCommit() == 5);
                for (var caller : callers) assertThat(caller.isDone()).as("no caller returns before its commit").isFalse();

                release.countDown();
                for (var caller : callers) caller.get(10, java.util.concurrent.TimeUnit.SECONDS);

                // (the holder's began before `before`) the first event's transaction, then the five others' together
                assertThat(db.transactions() - before).isEqualTo(2);
                assertThat(log.bySubject("user-1", PageRequest.first(10)).items()).containsExactlyInAnyOrderElementsOf(events);
            } finally {
                release.countDown();
                threads.shutdownNow();
            }
        }
    }

    @Test
    void manyCallersAtOnceLoseNoEvent() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("audit.db"))) {
            SqliteAuditLog log = new SqliteAuditLog(db);
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                java.util.List<java.util.concurrent.Future<?>> callers = new java.util.ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    AuditEvent e = at(Instant.parse("2030-01-01T00:00:00Z").plusMillis(i));
                    callers.add(threads.submit(() -> log.record(e)));
                }
                for (var caller : callers) caller.get(30, java.util.concurrent.TimeUnit.SECONDS);
                int stored = db.read(c -> {
                    try (var count = c.createStatement().executeQuery("SELECT COUNT(*) FROM audit_events")) {
                        count.next();
                        return count.getInt(1);
                    }
                });
                assertThat(stored).isEqualTo(400);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) Thread.sleep(10);
        assertThat(condition.getAsBoolean()).as("condition reached within 5 s").isTrue();
    }
}
