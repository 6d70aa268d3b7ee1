package dev.userpool.ses;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.Test;

/**
 * SendEmail through real SES ({@code -Plive-aws}). MailerContract needs to read the delivered message
 * back, which real SES cannot do for a test (only the recipient's inbox has it), so this checks that
 * SES accepts every kind of message the core sends; the contract itself runs on aws-ses-v2-local.
 */
@Tag("live-aws")
@EnabledIfEnvironmentVariable(named = "USERPOOL_SES_LIVE_FROM", matches = ".+",
        disabledReason = "set USERPOOL_SES_LIVE_FROM (a from-address verified in SES), AWS_REGION and AWS credentials")
class LiveSesMailerIT {
    private static LiveSes live;

    @BeforeAll
    static void open() {
        live = LiveSes.open();
    }

    @AfterAll
    static void close() {
        if (live != null) live.close();
    }

    @Test
    void sesAcceptsEachKindOfMessage() {
        SesMailer mailer = new SesMailer(live.client, live.from);
        EmailAddress to = new EmailAddress(live.to);
        for (EmailMessage.Kind kind : EmailMessage.Kind.values()) {
            mailer.deliver(new EmailMessage(to, kind, "userpool live test: " + kind, "Grüße — " + kind + "\n",
                    "<p>Grüße &amp; " + kind + "</p>"));
        }
    }
}
