package dev.userpool.embedded;

import static dev.userpool.core.testing.DirectoryTransitions.confirmByAdmin;

import dev.userpool.core.contract.EmailChangesContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.port.out.EmailChanges;
import dev.userpool.core.port.out.UserDirectory;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The address-change contract on {@link SqliteEmailChanges}. */
class SqliteEmailChangesContractTest extends EmailChangesContract {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private SqliteEmailChanges changes;

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
        changes = new SqliteEmailChanges(bed.db, bed.mailer, bed.clock);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Override
    protected EmailChanges changes() {
        return changes;
    }

    @Override
    protected UserDirectory directory() {
        return bed.directory;
    }

    @Override
    protected Holder signedIn(EmailAddress email, boolean emailVerified) {
        if (emailVerified) {
            bed.confirmedUser(email);
        } else {
            bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, false);
            confirmByAdmin(bed.directory, email);
        }
        String token = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens().accessToken();
        return new Holder(bed.directory.find(email).orElseThrow(), token);
    }

    @Override
    protected String lastCodeSentTo(EmailAddress email) {
        return bed.mailer.lastCode(email, EmailMessage.Kind.EMAIL_CHANGE_CODE);
    }
}
