package dev.userpool.core.port.in;

import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import java.time.Instant;
import java.util.Set;

/** Reading the audit trail, newest first. */
public interface AuditQueries {

    /** Events of the account with this address (or of the address alone, when it has no account). */
    Page<AuditEvent> forEmail(String email, PageRequest page);

    Page<AuditEvent> between(Instant from, Instant to, PageRequest page);

    /**
     * The history of the account {@code name} names (its address or its id, the {@code sub}): its events of
     * {@code types} only, newest first — what Cognito's AdminListUserAuthEvents shows. {@code UserNotFound}
     * when there is no such account. Skipping the other types costs reads, so a page may hold fewer than
     * {@code page.limit()} events while its cursor says more may follow (even none, when only other types
     * were left); a page without cursor is the last.
     */
    Page<AuditEvent> forAccount(String name, Set<AuditEventType> types, PageRequest page);
}
