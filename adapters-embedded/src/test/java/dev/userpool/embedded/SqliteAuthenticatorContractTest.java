package dev.userpool.embedded;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import dev.userpool.core.contract.AuthenticatorContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The authenticator contract on {@link SqliteAuthenticator}, with the embedded directory and verifier. */
class SqliteAuthenticatorContractTest extends AuthenticatorContract {
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
    protected Authenticator authenticator() {
        return bed.authenticator;
    }

    @Override
    protected UserDirectory directory() {
        return bed.directory;
    }

    @Override
    protected TokenVerifier tokenVerifier() {
        return bed.verifier;
    }

    @Override
    protected String lastCodeSentTo(EmailAddress email) {
        return bed.mailer.lastCode(email);
    }
}
