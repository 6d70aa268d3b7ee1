package dev.userpool.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
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
