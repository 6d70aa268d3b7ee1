package dev.userpool.core.port.out;

import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import java.time.Instant;

/**
 * The audit trail. {@link #record} returns once the event is durable; recording the same event id
 * twice keeps one copy. Queries answer newest first.
 */
public interface AuditLog {

    void record(AuditEvent event);

    /** Events whose {@link AuditEvent#subjectKey()} is {@code subjectKey}. */
    Page<AuditEvent> bySubject(String subjectKey, PageRequest page);

    /** Events with {@code from <= occurredAt < to}, across all users. */
    Page<AuditEvent> between(Instant from, Instant to, PageRequest page);
}
