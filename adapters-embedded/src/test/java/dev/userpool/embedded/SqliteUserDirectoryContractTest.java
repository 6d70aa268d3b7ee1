package dev.userpool.embedded;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.port.out.UserDirectory;
import dev.userpool.core.contract.UserDirectoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The user-directory contract on {@link SqliteUserDirectory}. */
class SqliteUserDirectoryContractTest extends UserDirectoryContract {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Override
    protected UserDirectory directory() {
        return bed.directory;
    }

    @Override
    protected String lastCodeSentTo(EmailAddress email) {
        return bed.mailer.lastCode(email, EmailMessage.Kind.CONFIRMATION_CODE);
    }
}
