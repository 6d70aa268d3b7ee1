package dev.userpool.dynamodb;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.EventFacts;
import dev.userpool.core.event.Outcome;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Events for the tests: a sign-in of a user at a given instant. */
final class AuditEvents {
    private AuditEvents() {}

    static AuditEvent signIn(String userId, Instant at) {
        return new AuditEvent(AuditEventType.SIGN_IN, new EventFacts(UUID.randomUUID(), at, Outcome.SUCCESS,
                Optional.empty(), Optional.of(new UserId(userId)), userId + "@example.com", Actor.user(),
                Optional.empty(), new RequestContext("req-" + UUID.randomUUID(), Optional.of("127.0.0.1"),
                        Optional.of("test-agent/1.0"))));
    }
}
