package dev.userpool.embedded;

import dev.userpool.core.contract.PasskeyCredentialsContract;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.out.PasskeyCredentials;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The passkey store's contract on {@link SqlitePasskeyCredentials}. */
class SqlitePasskeyCredentialsContractTest extends PasskeyCredentialsContract {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private SqlitePasskeyCredentials store;

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
        store = new SqlitePasskeyCredentials(bed.db, bed.clock);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Override
    protected PasskeyCredentials store() {
        return store;
    }

    @Override
    protected UserId newAccount() {
        return bed.confirmedUser(EmbeddedTestbed.newAddress()).id();
    }
}
