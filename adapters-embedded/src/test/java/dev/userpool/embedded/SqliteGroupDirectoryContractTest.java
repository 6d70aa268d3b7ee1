package dev.userpool.embedded;

import dev.userpool.core.contract.GroupDirectoryContract;
import dev.userpool.core.port.out.GroupDirectory;
import dev.userpool.core.port.out.UserDirectory;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The group-directory contract on {@link SqliteGroupDirectory}. */
class SqliteGroupDirectoryContractTest extends GroupDirectoryContract {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private SqliteGroupDirectory groups;

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
        groups = new SqliteGroupDirectory(bed.db);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Override
    protected GroupDirectory groups() {
        return groups;
    }

    @Override
    protected UserDirectory users() {
        return bed.directory;
    }
}
