package dev.userpool.examples.embedded;

import dev.userpool.core.contract.UserDirectoryContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.port.out.UserDirectory;
import dev.userpool.core.testing.RecordingMailer;
import dev.userpool.embedded.Argon2Parameters;
import dev.userpool.embedded.EmbeddedAdapters;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a team with a directory of its own writes to hold it to userpool's contract (docs/embedding.md):
 * here the directory is the embedded one, built through {@link EmbeddedAdapters} with a mailer that records.
 */
class MyDirectoryContractTest extends UserDirectoryContract {
    @TempDir
    Path dir;
    private final RecordingMailer mailer = new RecordingMailer();
    private EmbeddedAdapters adapters;

    @BeforeEach
    void open() {
        adapters = EmbeddedAdapters.builder(dir.resolve("users.db"), URI.create("http://localhost/local_Contract1"))
                .mailer(mailer)
                .argon2(new Argon2Parameters(1024, 1, 1), 2)
                .build();
    }

    @AfterEach
    void close() {
        adapters.close();
    }

    @Override
    protected UserDirectory directory() {
        return adapters.directory();
    }

    @Override
    protected String lastCodeSentTo(EmailAddress email) {
        EmailMessage message = mailer.lastTo(email).orElseThrow(() -> new AssertionError("nothing was sent to " + email));
        return message.oneTimeCode().orElseThrow(() -> new AssertionError("no code in " + message));
    }
}
