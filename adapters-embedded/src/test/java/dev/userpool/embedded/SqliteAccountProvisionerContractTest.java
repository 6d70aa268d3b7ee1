package dev.userpool.embedded;

import dev.userpool.core.contract.AccountProvisionerContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.port.out.AccountProvisioner;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The provisioner contract on {@link SqliteAccountProvisioner}, with the embedded directory, authenticator (SRP on) and verifier. */
class SqliteAccountProvisionerContractTest extends AccountProvisionerContract {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private SqliteAccountProvisioner provisioner;

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
        provisioner = new SqliteAccountProvisioner(bed.db, bed.hasher, bed.mailer, bed.clock, bed.srp);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Override
    protected AccountProvisioner provisioner() {
        return provisioner;
    }

    @Override
    protected UserDirectory directory() {
        return bed.directory;
    }

    @Override
    protected Authenticator authenticator() {
        return bed.authenticator;
    }

    @Override
    protected TokenVerifier tokenVerifier() {
        return bed.verifier;
    }

    @Override
    protected String lastCodeSentTo(EmailAddress email) {
        return bed.mailer.lastCode(email);
    }

    @Override
    protected Instant now() {
        return bed.clock.instant();
    }

    @Override
    protected void advanceClock(Duration by) {
        bed.clock.advance(by);
    }
}
