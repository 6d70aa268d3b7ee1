package dev.userpool.embedded;

import dev.userpool.core.contract.ResourceServerDirectoryContract;
import dev.userpool.core.port.out.ResourceServerDirectory;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The resource-server contract on {@link SqliteResourceServerDirectory}. */
class SqliteResourceServerDirectoryContractTest extends ResourceServerDirectoryContract {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private SqliteResourceServerDirectory servers;

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
        servers = new SqliteResourceServerDirectory(bed.db);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Override
    protected ResourceServerDirectory servers() {
        return servers;
    }
}
