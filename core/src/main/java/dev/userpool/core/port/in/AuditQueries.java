package dev.userpool.core.port.in;

import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import java.time.Instant;

/** Reading the audit trail, newest first. */
public interface AuditQueries {

    /** Events of the account with this address (or of the address alone, when it has no account). */
    Page<AuditEvent> forEmail(String email, PageRequest page);

    Page<AuditEvent> between(Instant from, Instant to, PageRequest page);
}
