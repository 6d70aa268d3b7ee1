package dev.userpool.app.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.EventFacts;
import dev.userpool.core.event.Outcome;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditJsonLinesTest {

    @Test
    void everyFactOfAnEventSurvivesTheLine() {
        AuditEvent full = new AuditEvent(AuditEventType.SIGN_IN, new EventFacts(UUID.randomUUID(),
                Instant.parse("2026-03-01T10:15:30.123456Z"), Outcome.FAILURE, Optional.of(ErrorCode.NOT_AUTHORIZED),
                Optional.of(new UserId("0b8f5f4e-6a0e-4c38-9d55-3b0f3c3e0d11")), "alice@example.com",
                Actor.admin(new UserId("admin-id")), Optional.of(ConfirmationMethod.CODE),
                new RequestContext("req-1", Optional.of("192.0.2.7"), Optional.of("curl/8 \"quoted\"")), Optional.of(true)));
        AuditEvent bare = new AuditEvent(AuditEventType.SIGN_UP, new EventFacts(UUID.randomUUID(), Instant.EPOCH,
                Outcome.SUCCESS, Optional.empty(), Optional.empty(), "bob@example.com", Actor.system(), Optional.empty(),
                RequestContext.internal("cli-1")));

        for (AuditEvent e : new AuditEvent[] {full, bare}) {
            String line = AuditJsonLines.line(e);
            assertThat(line).doesNotContain("\n");
            assertThat(AuditJsonLines.parse(line, 1)).isEqualTo(e);
        }
    }

    @Test
    void aLineThatIsNoEventIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> AuditJsonLines.parse("{\"eventId\":", 7)).isInstanceOf(MigrationFileException.class)
                .hasMessageStartingWith("line 7: not JSON");
        assertThatThrownBy(() -> AuditJsonLines.parse("[1]", 3)).hasMessage("line 3: not a JSON object");
        String good = AuditJsonLines.line(new AuditEvent(AuditEventType.SIGN_UP, new EventFacts(UUID.randomUUID(),
                Instant.EPOCH, Outcome.SUCCESS, Optional.empty(), Optional.empty(), "bob@example.com", Actor.system(),
                Optional.empty(), RequestContext.internal("cli-1"))));
        assertThatThrownBy(() -> AuditJsonLines.parse(good.replace("\"SIGN_UP\"", "\"NO_SUCH_TYPE\""), 4))
                .hasMessageStartingWith("line 4: not an audit event");
        assertThatThrownBy(() -> AuditJsonLines.parse(good.replace("\"SUCCESS\"", "\"FAILURE\""), 5))
                .hasMessage("line 5: not an audit event: a failure has an error code, a success has none");
        assertThatThrownBy(() -> AuditJsonLines.parse(good.replaceAll("\"eventId\":\"[^\"]+\",", ""), 6))
                .hasMessage("line 6: no 'eventId'");
    }
}
