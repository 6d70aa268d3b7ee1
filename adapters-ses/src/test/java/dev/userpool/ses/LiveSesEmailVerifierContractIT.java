package dev.userpool.ses;

import static org.junit.jupiter.api.Assumptions.abort;

import dev.userpool.core.contract.EmailVerifierContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.port.out.EmailVerifier;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The email-verifier contract against real SES ({@code mvn -pl adapters-ses verify -Plive-aws}), on a
 * template of its own that it deletes afterwards, sending to SES mailbox-simulator addresses and
 * forgetting every identity it made.
 *
 * <p>The three contract tests that open the link are skipped: on real SES only a person opening the
 * email can do that, and the mailbox simulator does not follow links ("Using the mailbox simulator",
 * Amazon SES Developer Guide). The contract is not weakened; those tests run on the stub.
 */
@Tag("live-aws")
@EnabledIfEnvironmentVariable(named = "USERPOOL_SES_LIVE_FROM", matches = ".+",
        disabledReason = "set USERPOOL_SES_LIVE_FROM (a from-address verified in SES), AWS_REGION and AWS credentials")
class LiveSesEmailVerifierContractIT extends EmailVerifierContract {
    private static final String TEMPLATE = "userpool-live-test";
    private static LiveSes live;
    private static SesEmailVerifier verifier;
    private final List<EmailAddress> used = new ArrayList<>();

    @BeforeAll
    static void open() {
        live = LiveSes.open();
        VerificationEmailTemplate template = new VerificationEmailTemplate(TEMPLATE, live.from,
                "userpool live test", "<p>userpool live test: no action needed.</p>",
                URI.create("https://example.com/verified.html"), URI.create("https://example.com/verified.html?failed=1"));
        verifier = new SesEmailVerifier(live.client, template, new SendPacer(1, 10, Clock.systemUTC(),
                SendPacer.Sleeper.threadSleep()));
        verifier.syncTemplate();
    }

    @AfterAll
    static void close() {
        if (live == null) return;
        verifier.close();
        live.client.deleteCustomVerificationEmailTemplate(b -> b.templateName(TEMPLATE));
        live.close();
    }

    @AfterEach
    void forgetWhatWasMade() {
        used.forEach(verifier::forget);
    }

    @Override
    protected EmailVerifier emailVerifier() {
        return verifier;
    }

    /** Labelled mailbox-simulator addresses: SES accepts them and nobody receives anything. */
    @Override
    protected EmailAddress newAddress() {
        EmailAddress address = new EmailAddress("success+userpool-" + UUID.randomUUID().toString().substring(0, 8)
                + "@simulator.amazonses.com");
        used.add(address);
        return address;
    }

    @Override
    protected void openLastLinkSentTo(EmailAddress email) {
        abort("Only a person opening the email can follow an SES verification link; see the class comment.");
    }
}
