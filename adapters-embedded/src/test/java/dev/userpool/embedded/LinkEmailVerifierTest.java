package dev.userpool.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.EmailVerificationStatus;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkEmailVerifierTest {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private final EmailAddress email = new EmailAddress("click@example.com");

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private String lastToken() {
        return LinkEmailVerifierContractTest.tokenOf(bed.mailer.lastCode(email, EmailMessage.Kind.VERIFICATION_LINK));
    }

    @Test
    void theEmailLinksToTheAppsCallbackWithARandomToken() {
        bed.links.sendVerification(email);

        EmailMessage sent = bed.mailer.lastTo(email, EmailMessage.Kind.VERIFICATION_LINK).orElseThrow();
        String link = sent.oneTimeCode().orElseThrow();
        assertThat(link).matches("http://localhost:8080/api/verify-link/callback\\?token=[A-Za-z0-9_-]{43}");
        assertThat(sent.subject()).isEqualTo("Verify your email address");
        assertThat(sent.textBody()).contains(link);
        assertThat(sent.htmlBody()).contains("href=\"" + link + "\"");
        assertThat(bed.outbox.messagesTo(email)).hasSize(1);
    }

    @Test
    void theTokenIsStoredOnlyAsADigest() {
        bed.links.sendVerification(email);
        String token = lastToken();

        List<String> stored = bed.db.read(c -> {
            List<String> values = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM verification_links")) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) values.add(String.valueOf(rs.getObject(i)));
                }
            }
            return values;
        });
        assertThat(stored).isNotEmpty().noneMatch(v -> v.contains(token));
    }

    @Test
    void aLinkWorksOnce() {
        bed.links.sendVerification(email);
        String token = lastToken();

        assertThat(bed.links.completeCallback(token)).contains(email);
        assertThat(bed.links.completeCallback(token)).isEmpty();
        assertThat(bed.links.status(email)).isEqualTo(EmailVerificationStatus.VERIFIED);
    }

    @Test
    void aLinkWorksForTwentyFourHoursThenTheAddressHasFailed() {
        bed.links.sendVerification(email);
        String token = lastToken();

        bed.clock.advance(Duration.ofHours(24));

        assertThat(bed.links.status(email)).isEqualTo(EmailVerificationStatus.FAILED);
        assertThat(bed.links.completeCallback(token)).isEmpty();
        assertThat(bed.links.status(email)).isEqualTo(EmailVerificationStatus.FAILED);
    }

    @Test
    void aLinkJustInsideItsDayWorks() {
        bed.links.sendVerification(email);
        bed.clock.advance(Duration.ofHours(24).minusSeconds(1));

        assertThat(bed.links.completeCallback(lastToken())).contains(email);
    }

    @Test
    void aNewLinkReplacesTheOldOne() {
        bed.links.sendVerification(email);
        String old = lastToken();
        bed.clock.advance(Duration.ofHours(30));
        bed.links.sendVerification(email);

        assertThat(bed.links.status(email)).isEqualTo(EmailVerificationStatus.PENDING);
        assertThat(bed.links.completeCallback(old)).isEmpty();
        assertThat(bed.links.completeCallback(lastToken())).contains(email);
    }

    @Test
    void aVerifiedAddressStaysVerifiedWhenSentAnotherLink() {
        bed.links.sendVerification(email);
        bed.links.completeCallback(lastToken());

        bed.links.sendVerification(email);

        assertThat(bed.links.status(email)).isEqualTo(EmailVerificationStatus.VERIFIED);
    }

    @Test
    void anythingButALiveTokenGivesNothing() {
        bed.links.sendVerification(email);

        assertThat(bed.links.completeCallback(null)).isEmpty();
        assertThat(bed.links.completeCallback("")).isEmpty();
        assertThat(bed.links.completeCallback("not-a-token")).isEmpty();
        assertThat(bed.links.completeCallback("x".repeat(10_000))).isEmpty();
        assertThat(bed.links.status(email)).isEqualTo(EmailVerificationStatus.PENDING);
    }

    @Test
    void forgettingDropsTheTokenToo() {
        bed.links.sendVerification(email);
        String token = lastToken();

        bed.links.forget(email);

        assertThat(bed.links.completeCallback(token)).isEmpty();
        assertThat(bed.links.status(email)).isEqualTo(EmailVerificationStatus.NOT_STARTED);
    }
}
