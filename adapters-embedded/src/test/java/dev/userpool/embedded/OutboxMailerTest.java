package dev.userpool.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class OutboxMailerTest {
    @TempDir
    Path dir;
    private EmbeddedDatabase db;
    private final MutableClock clock = MutableClock.at("2030-01-01T12:00:00Z");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(OutboxMailer.class);
    private final EmailAddress alice = new EmailAddress("alice@example.com");

    @BeforeEach
    void open() {
        db = EmbeddedDatabase.open(dir.resolve("outbox.db"));
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void close() {
        logger.detachAppender(log);
        db.close();
    }

    private static EmailMessage code(EmailAddress to, String code) {
        return new EmailMessage(to, EmailMessage.Kind.CONFIRMATION_CODE, "Your verification code",
                "Your code is " + code, "<p>Your code is " + code + "</p>", Optional.of(code));
    }

    @Test
    void keepsEveryFieldWithTheTimeOfTheClock() {
        OutboxMailer outbox = new OutboxMailer(db, clock, false);

        outbox.deliver(code(alice, "123456"));

        assertThat(outbox.messagesTo(alice)).singleElement().satisfies(m -> {
            assertThat(m.id()).isPositive();
            assertThat(m.to()).isEqualTo(alice);
            assertThat(m.kind()).isEqualTo(EmailMessage.Kind.CONFIRMATION_CODE);
            assertThat(m.subject()).isEqualTo("Your verification code");
            assertThat(m.textBody()).isEqualTo("Your code is 123456");
            assertThat(m.htmlBody()).isEqualTo("<p>Your code is 123456</p>");
            assertThat(m.sentAt()).isEqualTo(clock.instant());
            assertThat(m.toString()).doesNotContain("123456");
        });
    }

    @Test
    void listsNewestFirst() {
        OutboxMailer outbox = new OutboxMailer(db, clock, false);
        outbox.deliver(code(alice, "111111"));
        clock.advance(Duration.ofMinutes(1));
        outbox.deliver(code(alice, "222222"));
        outbox.deliver(code(alice, "333333"));   // same instant: the later one still comes first
        outbox.deliver(code(new EmailAddress("bob@example.com"), "444444"));

        assertThat(outbox.messagesTo(alice)).extracting(StoredEmail::textBody)
                .containsExactly("Your code is 333333", "Your code is 222222", "Your code is 111111");
        assertThat(outbox.latest(2)).extracting(StoredEmail::textBody)
                .containsExactly("Your code is 444444", "Your code is 333333");
    }

    @Test
    void logsOneLineWithTheMaskedAddressAndWhereToReadIt() {
        new OutboxMailer(db, clock, false).deliver(code(alice, "123456"));

        assertThat(log.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.INFO);
            assertThat(e.getFormattedMessage()).isEqualTo("Verification code for a***@e***.com: see /mailbox.html");
        });
    }

    @Test
    void neverLogsAnInvitationsTemporaryPasswordEvenWithCodesLogged() {
        new OutboxMailer(db, clock, true).deliver(new EmailMessage(alice, EmailMessage.Kind.INVITATION,
                "Your temporary password", "Use Temp-Pass-1234", "<p>Use Temp-Pass-1234</p>", Optional.of("Temp-Pass-1234")));

        assertThat(log.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                .isEqualTo("Invitation for a***@e***.com: see /mailbox.html").doesNotContain("Temp-Pass-1234"));
    }

    @Test
    void logsTheCodeOnlyWhenAskedTo() {
        new OutboxMailer(db, clock, true).deliver(code(alice, "123456"));

        assertThat(log.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                .isEqualTo("Verification code for a***@e***.com: 123456 (also in /mailbox.html)")
                .doesNotContain("alice@example.com"));
    }

    @Test
    void neverLogsBodiesOrTheFullAddress() {
        OutboxMailer outbox = new OutboxMailer(db, clock, true);
        outbox.deliver(new EmailMessage(alice, EmailMessage.Kind.PASSWORD_CHANGED, "Your password was changed",
                "secret body text", "<p>secret body html</p>"));

        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).containsExactly("Password-changed notice for a***@e***.com: see /mailbox.html");
    }
}
