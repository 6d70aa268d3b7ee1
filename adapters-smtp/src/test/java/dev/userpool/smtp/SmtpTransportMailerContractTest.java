package dev.userpool.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.contract.MailerContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.port.out.MailTransport;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.smtp.testing.MailServer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The mailer contract over SMTP: "delivered" means accepted by GreenMail and read back from its
 * mailbox. SMTP carries lines ending in CRLF, so the bodies are read back with LF line ends.
 */
class SmtpTransportMailerContractTest extends MailerContract {
    private static MailServer server;
    private static SmtpTransport transport;

    @BeforeAll
    static void start() {
        server = MailServer.plain();
        transport = new SmtpTransport(SmtpRelay.of("127.0.0.1", server.port(), SmtpRelay.Security.NONE, Optional.empty()),
                new EmailAddress("no-reply@auth.example.com"), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected Mailer mailer() {
        return message -> assertThat(transport.send(message)).isInstanceOf(MailTransport.Accepted.class);
    }

    @Override
    protected List<Delivered> deliveredTo(EmailAddress to) {
        return server.receivedBy(to.value()).stream()
                .map(m -> new Delivered(m.subject(), m.text().replace("\r\n", "\n"), m.html().replace("\r\n", "\n")))
                .toList();
    }
}
