package dev.userpool.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.port.out.Mailer;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Mailer} does: delivers each message once, to its recipient only, with its subject
 * and both bodies intact. How a delivered message is read back is the subclass's hook (an outbox
 * table, an SES emulator's store).
 */
public abstract class MailerContract {

    protected abstract Mailer mailer();

    /** What reached {@code to}, in any order. */
    protected abstract List<Delivered> deliveredTo(EmailAddress to);

    /** A delivered message as every mail backend can show it. */
    public record Delivered(String subject, String textBody, String htmlBody) {}

    protected EmailAddress newAddress() {
        return new EmailAddress("mail-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    private static EmailMessage notice(EmailAddress to, String subject) {
        return new EmailMessage(to, EmailMessage.Kind.PASSWORD_CHANGED, subject,
                "Your password was changed.\nIf this was not you, reset it now.\n",
                "<p>Your password was changed.</p><p>If this was <em>not</em> you, reset it now.</p>");
    }

    @Test
    void aMessageArrivesWithItsSubjectAndBothBodies() {
        EmailAddress to = newAddress();
        EmailMessage message = notice(to, "Your password was changed");

        mailer().deliver(message);

        assertThat(deliveredTo(to)).containsExactly(
                new Delivered(message.subject(), message.textBody(), message.htmlBody()));
    }

    @Test
    void aCodeMessageArrivesWithTheCodeInItsBody() {
        EmailAddress to = newAddress();
        mailer().deliver(new EmailMessage(to, EmailMessage.Kind.CONFIRMATION_CODE, "Your verification code",
                "Your verification code is 123456.", "<p>Your verification code is <b>123456</b>.</p>",
                Optional.of("123456")));

        assertThat(deliveredTo(to)).singleElement().satisfies(d -> {
            assertThat(d.textBody()).contains("123456");
            assertThat(d.htmlBody()).contains("123456");
        });
    }

    @Test
    void everyMessageArrivesOnce() {
        EmailAddress to = newAddress();
        for (int i = 1; i <= 3; i++) mailer().deliver(notice(to, "Notice " + i));

        assertThat(deliveredTo(to)).extracting(Delivered::subject)
                .containsExactlyInAnyOrder("Notice 1", "Notice 2", "Notice 3");
    }

    @Test
    void messagesReachOnlyTheirRecipient() {
        EmailAddress alice = newAddress();
        EmailAddress bob = newAddress();

        mailer().deliver(notice(alice, "For Alice"));

        assertThat(deliveredTo(bob)).isEmpty();
        assertThat(deliveredTo(alice)).extracting(Delivered::subject).containsExactly("For Alice");
    }

    @Test
    void textAndMarkupOutsideAsciiArriveUnchanged() {
        EmailAddress to = newAddress();
        EmailMessage message = new EmailMessage(to, EmailMessage.Kind.ACCOUNT_DELETED, "Ihr Konto wurde gelöscht ✓",
                "Grüße — 你好\n", "<p>Grüße &amp; <a href=\"https://example.com/?a=1&amp;b=2\">link</a></p>");

        mailer().deliver(message);

        assertThat(deliveredTo(to)).containsExactly(
                new Delivered(message.subject(), message.textBody(), message.htmlBody()));
    }
}
