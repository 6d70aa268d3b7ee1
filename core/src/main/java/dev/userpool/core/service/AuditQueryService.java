package dev.userpool.core.service;

import dev.userpool.core.domain.AuditEventType;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Reads the audit trail: an account's events are kept under its id, an address's without account under the address. */
public final class AuditQueryService implements AuditQueries {
    /** How many reads of the log one page of {@link #forAccount} may take before it answers short, with a cursor. */
    static final int MAX_READS_PER_PAGE = 20;

    private final AuditLog auditLog;
    private final UserDirectory directory;
    private final AccountNames names;

    public AuditQueryService(AuditLog auditLog, UserDirectory directory) {
        this.auditLog = auditLog;
        this.directory = directory;
        this.names = new AccountNames(directory);
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

    /**
     * Reads the account's events page by page, each read asking for no more than the page still lacks,
     * so that the log's own cursor after the last read is exactly where the next page starts: no event is
     * skipped or shown twice, whatever the log's cursors are.
     */
    @Override
    public Page<AuditEvent> forAccount(String name, Set<AuditEventType> types, PageRequest page) {
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(page, "page");
        User account = directory.find(names.addressOf(name)).orElseThrow(UserPoolException::userNotFound);
        List<AuditEvent> found = new ArrayList<>();
        Optional<String> cursor = page.cursor();
        for (int reads = 0; reads < MAX_READS_PER_PAGE; reads++) {
            Page<AuditEvent> read = auditLog.bySubject(account.id().value(), new PageRequest(page.limit() - found.size(), cursor));
            read.items().stream().filter(e -> types.contains(e.type())).forEach(found::add);
            cursor = read.nextCursor();
            if (cursor.isEmpty() || found.size() == page.limit()) break;
        }
        return new Page<>(found, cursor);
    }
}
