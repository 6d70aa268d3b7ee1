package dev.userpool.embedded;

import dev.userpool.core.contract.PendingSignInsContract;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.out.PendingSignIns;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The pending sign-ins contract on {@link SqlitePendingSignIns}. */
class SqlitePendingSignInsContractTest extends PendingSignInsContract {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private SqlitePendingSignIns pending;

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
        pending = new SqlitePendingSignIns(bed.db);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Override
    protected PendingSignIns pending() {
        return pending;
    }

    @Override
    protected UserId anAccount() {
        return bed.confirmedUser(EmbeddedTestbed.newAddress()).id();
    }
}
