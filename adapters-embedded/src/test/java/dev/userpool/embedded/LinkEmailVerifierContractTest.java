package dev.userpool.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.port.out.EmailVerifier;
import dev.userpool.core.contract.EmailVerifierContract;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The email-verifier contract on {@link LinkEmailVerifier}: opening the link is calling its callback. */
class LinkEmailVerifierContractTest extends EmailVerifierContract {
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
    protected EmailVerifier emailVerifier() {
        return bed.links;
    }

    @Override
    protected void openLastLinkSentTo(EmailAddress email) {
        String link = bed.mailer.lastCode(email, EmailMessage.Kind.VERIFICATION_LINK);
        assertThat(bed.links.completeCallback(tokenOf(link))).contains(email);
    }

    static String tokenOf(String link) {
        String query = URI.create(link).getRawQuery();
        assertThat(query).startsWith("token=");
        return query.substring("token=".length());
    }
}
