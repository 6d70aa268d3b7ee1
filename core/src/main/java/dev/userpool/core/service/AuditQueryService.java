package dev.userpool.core.service;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.port.in.AuditQueries;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.UserDirectory;
import java.time.Instant;

/** Reads the audit trail: an account's events are kept under its id, an address's without account under the address. */
public final class AuditQueryService implements AuditQueries {
    private final AuditLog auditLog;
    private final UserDirectory directory;

    public AuditQueryService(AuditLog auditLog, UserDirectory directory) {
        this.auditLog = auditLog;
        this.directory = directory;
    }

    @Override
    public Page<AuditEvent> forEmail(String email, PageRequest page) {
        EmailAddress address = EmailAddress.parse(email);
        String key = directory.find(address).map(User::id).map(UserId::value).orElse(address.value());
        return auditLog.bySubject(key, page);
    }

    @Override
    public Page<AuditEvent> between(Instant from, Instant to, PageRequest page) {
        if (from == null || to == null) throw UserPoolException.invalidParameter("from/to", "are required");
        if (!from.isBefore(to)) throw UserPoolException.invalidParameter("from", "must be before to");
        return auditLog.between(from, to, page);
    }
}
