package dev.userpool.embedded;

import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.contract.AuditLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The audit-log contract on {@link SqliteAuditLog}. */
class SqliteAuditLogContractTest extends AuditLogContract {
    @TempDir
    Path dir;
    private EmbeddedDatabase db;

    @BeforeEach
    void open() {
        db = EmbeddedDatabase.open(dir.resolve("audit.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    protected AuditLog auditLog() {
        return new SqliteAuditLog(db);
    }
}
