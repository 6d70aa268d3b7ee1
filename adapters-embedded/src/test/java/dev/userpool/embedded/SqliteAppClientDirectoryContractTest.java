package dev.userpool.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.contract.AppClientDirectoryContract;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.port.out.AppClientDirectory;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app-client contract on {@link SqliteAppClientDirectory}, and what the database adds: clients outlive a restart. */
class SqliteAppClientDirectoryContractTest extends AppClientDirectoryContract {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private SqliteAppClientDirectory clients;

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
        clients = new SqliteAppClientDirectory(bed.db, SqliteAppClientDirectory.defaultClientOf(bed.settings));
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Override
    protected AppClientDirectory clients() {
        return clients;
    }

    @Test
    void theDefaultClientIsThereBeforeAnyRowAndStoredOnItsFirstChange() {
        String id = bed.settings.clientId();
        AppClient defaults = clients.find(id).orElseThrow();
        assertThat(clients.list()).contains(defaults);
        AppClient withSecret = defaults.withSecret(Optional.of("the-secret"));
        clients.replace(withSecret);
        SqliteAppClientDirectory reopened = new SqliteAppClientDirectory(bed.db, defaults);
        assertThat(reopened.find(id)).contains(withSecret);
    }

    @Test
    void aClientIsReadBackByAnotherDirectoryOnTheSameDatabase() {
        AppClient client = newClient(Optional.of("s3cret"));
        clients.create(client);
        SqliteAppClientDirectory other = new SqliteAppClientDirectory(bed.db, SqliteAppClientDirectory.defaultClientOf(bed.settings));
        assertThat(other.find(client.clientId())).contains(client);
    }
}
