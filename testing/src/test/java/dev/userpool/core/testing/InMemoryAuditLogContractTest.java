package dev.userpool.core.testing;

import dev.userpool.core.contract.AuditLogContract;
import dev.userpool.core.port.out.AuditLog;

/** The audit-log contract on {@link InMemoryAuditLog}. */
class InMemoryAuditLogContractTest extends AuditLogContract {
    private final InMemoryAuditLog log = new InMemoryAuditLog();

    @Override
    protected AuditLog auditLog() {
        return log;
    }
}
