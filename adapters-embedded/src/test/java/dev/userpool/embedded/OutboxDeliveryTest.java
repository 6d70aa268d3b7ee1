package dev.userpool.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.port.out.MailTransport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox as a durable queue, driven by hand on a clock the test moves, with a scripted transport. */
class OutboxDeliveryTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2030-01-01T12:00:00Z");
    private final ScriptedTransport transport = new ScriptedTransport();
    private final OutboxDelivery.Options options = new OutboxDelivery.Options(Duration.ofSeconds(5), Duration.ofSeconds(60),
            Duration.ofMinutes(2), Duration.ofSeconds(1));
    private EmbeddedDatabase db;
    private OutboxQueue queue;
    private OutboxDelivery delivery;
    private OutboxMailer mailer;

    @BeforeEach
    void open() {
        db = EmbeddedDatabase.open(dir.resolve("outbox.db"));
        queue = new OutboxQueue(db, clock);
        delivery = new OutboxDelivery(queue, transport, clock, options);
        mailer = OutboxMailer.forDelivery(db, clock, false, delivery::wake);
    }

    @AfterEach
    void close() {
        delivery.close();
        db.close();
    }

    private static EmailMessage notice(String to, String subject) {
        return new EmailMessage(new EmailAddress(to), EmailMessage.Kind.PASSWORD_CHANGED, subject, "text", "<p>html</p>");
    }

    @Test
    void aQueuedMessageIsHandedOverOnceAndRecordedAsSent() {
        mailer.deliver(notice("alice@example.com", "Hello"));
        assertThat(queue.summary().pending()).isEqualTo(1);

        assertThat(delivery.deliverDue()).isEqualTo(1);
        assertThat(delivery.deliverDue()).isZero();

        assertThat(transport.subjects()).containsExactly("Hello");
        assertThat(queue.list(EnumSet.allOf(OutboxQueue.State.class), 10)).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(OutboxQueue.State.SENT);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.lastReply()).contains("250 OK");
            assertThat(e.lastAttemptAt()).contains(clock.instant());
        });
        assertThat(delivery.statistics()).isEqualTo(new OutboxDelivery.Statistics(1, 0, 0));
    }

    @Test
    void messagesGoOldestFirst() {
        for (int i = 1; i <= 3; i++) mailer.deliver(notice("alice@example.com", "Notice " + i));

        delivery.deliverDue();

        assertThat(transport.subjects()).containsExactly("Notice 1", "Notice 2", "Notice 3");
    }

    @Test
    void aDeferredMessageWaitsWithABackOffThatDoublesUpToTheCap() {
        mailer.deliver(notice("alice@example.com", "Hello"));
        transport.answer(m -> new MailTransport.Deferred("Connection refused"));

        List<Duration> waits = new ArrayList<>();
        Instant before = clock.instant();
        for (int attempt = 1; attempt <= 6; attempt++) {
            assertThat(delivery.deliverDue()).isEqualTo(1);
            Instant next = queue.summary().nextAttempt().orElseThrow();
            waits.add(Duration.between(clock.instant(), next));
            clock.advance(Duration.ofMillis(1));
            assertThat(delivery.deliverDue()).as("not due before its time").isZero();
            clock.set(next);
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(40), Duration.ofSeconds(60), Duration.ofSeconds(60));
        assertThat(clock.instant()).isAfter(before);
        OutboxQueue.Entry entry = queue.list(EnumSet.of(OutboxQueue.State.PENDING), 1).get(0);
        assertThat(entry.attempts()).isEqualTo(6);
        assertThat(entry.lastReply()).contains("Connection refused");

        transport.answer(m -> new MailTransport.Accepted("250 2.0.0 Ok: queued"));
        assertThat(delivery.deliverDue()).isEqualTo(1);
        assertThat(queue.summary()).satisfies(s -> {
            assertThat(s.pending()).isZero();
            assertThat(s.sent()).isEqualTo(1);
        });
        assertThat(transport.subjects()).hasSize(7);
    }

    @Test
    void afterADeferralTheSenderPausesInsteadOfTryingEveryQueuedMessage() {
        for (int i = 1; i <= 5; i++) mailer.deliver(notice("alice@example.com", "Notice " + i));
        transport.answer(m -> new MailTransport.Deferred("Connection refused"));

        assertThat(delivery.deliverDue()).isEqualTo(1);
        assertThat(delivery.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(5));
        transport.answer(m -> new MailTransport.Accepted("250 OK"));

        assertThat(delivery.deliverDue()).isEqualTo(5);
        assertThat(transport.subjects()).containsExactly("Notice 1", "Notice 2", "Notice 3", "Notice 4", "Notice 5", "Notice 1");
        assertThat(queue.summary().sent()).isEqualTo(5);
    }

    @Test
    void aRejectionIsRecordedAsFailedWithTheReplyAndNotRetried() {
        mailer.deliver(notice("nobody@example.com", "Hello"));
        transport.answer(m -> new MailTransport.Rejected("550 5.1.1 <nobody@example.com>: mailbox unavailable"));

        delivery.deliverDue();
        clock.advance(Duration.ofHours(1));
        delivery.deliverDue();

        assertThat(transport.subjects()).hasSize(1);
        assertThat(queue.list(EnumSet.of(OutboxQueue.State.FAILED), 10)).singleElement().satisfies(e -> {
            assertThat(e.lastReply()).contains("550 5.1.1 <nobody@example.com>: mailbox unavailable");
            assertThat(e.nextAttemptAt()).isEmpty();
        });
        assertThat(delivery.statistics()).isEqualTo(new OutboxDelivery.Statistics(0, 1, 0));

        // the operator fixed the address book: "mail retry"
        transport.answer(m -> new MailTransport.Accepted("250 OK"));
        assertThat(queue.retryAll()).isEqualTo(1);
        delivery.deliverDue();
        assertThat(queue.summary().sent()).isEqualTo(1);
        assertThat(queue.summary().failed()).isZero();
    }

    @Test
    void retryMakesAWaitingMessageDueNow() {
        mailer.deliver(notice("alice@example.com", "Hello"));
        transport.answer(m -> new MailTransport.Deferred("421 try later"));
        delivery.deliverDue();
        clock.advance(Duration.ofSeconds(6));
        delivery.deliverDue();   // second failure: next attempt in 10 s
        long id = queue.list(EnumSet.of(OutboxQueue.State.PENDING), 1).get(0).id();

        assertThat(queue.retry(id)).isTrue();
        assertThat(queue.retry(id + 100)).isFalse();
        assertThat(queue.summary().nextAttempt()).contains(clock.instant());
    }

    @Test
    void aTransportThatThrowsIsTreatedAsADeferral() {
        mailer.deliver(notice("alice@example.com", "Hello"));
        transport.answer(m -> {
            throw new IllegalStateException("bug");
        });

        delivery.deliverDue();

        assertThat(queue.summary().pending()).isEqualTo(1);
        assertThat(queue.list(EnumSet.of(OutboxQueue.State.PENDING), 1).get(0).lastReply())
                .contains("the mail transport failed: IllegalStateException");
    }

    @Test
    void aClaimedMessageIsLeftAloneByOtherSendersUntilItsLeaseRunsOut() {
        mailer.deliver(notice("alice@example.com", "Hello"));

        assertThat(queue.claimNextDue(Duration.ofMinutes(2))).isPresent();   // another process died while sending it
        assertThat(delivery.deliverDue()).isZero();
        clock.advance(Duration.ofMinutes(2));

        assertThat(delivery.deliverDue()).isEqualTo(1);
        assertThat(queue.summary().sent()).isEqualTo(1);
    }

    @Test
    void aRestartResumesWhatWasQueued() {
        mailer.deliver(notice("alice@example.com", "One"));
        mailer.deliver(notice("bob@example.com", "Two"));
        delivery.close();
        db.close();

        db = EmbeddedDatabase.open(dir.resolve("outbox.db"));
        queue = new OutboxQueue(db, clock);
        delivery = new OutboxDelivery(queue, transport, clock, options);

        assertThat(delivery.deliverDue()).isEqualTo(2);
        assertThat(transport.subjects()).containsExactly("One", "Two");
    }

    @Test
    void keptMessagesAreNeverDelivered() {
        new OutboxMailer(db, clock, false).deliver(notice("alice@example.com", "Development only"));

        assertThat(delivery.deliverDue()).isZero();
        assertThat(queue.summary().kept()).isEqualTo(1);
        assertThat(queue.retryAll()).isZero();
    }

    @Test
    void theBackgroundThreadDeliversAsSoonAsAMessageIsQueued() throws Exception {
        CountDownLatch handed = new CountDownLatch(1);
        transport.answer(m -> {
            handed.countDown();
            return new MailTransport.Accepted("250 OK");
        });
        delivery = new OutboxDelivery(queue, transport, java.time.Clock.systemUTC(),
                new OutboxDelivery.Options(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(2), Duration.ofMinutes(1)));
        OutboxMailer woken = OutboxMailer.forDelivery(db, java.time.Clock.systemUTC(), false, delivery::wake);
        delivery.start();
        Thread.sleep(100);   // the thread is waiting for a minute-long poll now

        woken.deliver(notice("alice@example.com", "Now"));

        assertThat(handed.await(5, TimeUnit.SECONDS)).isTrue();
        delivery.close();
    }

    @Test
    void rowsFromBeforeTheMigrationAreKeptNotSent() throws Exception {
        Path file = dir.resolve("v3.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY)");
            for (int v = 1; v <= 3; v++) {
                for (String sql : Schema.MIGRATIONS.get(v - 1)) s.execute(sql);
                s.execute("INSERT INTO schema_version (version) VALUES (" + v + ")");
            }
            s.execute("INSERT INTO outbox (recipient, kind, subject, text_body, html_body, sent_at)"
                    + " VALUES ('old@example.com', 'CONFIRMATION_CODE', 'Your code', 'code 111111', '<p>111111</p>', 1)");
        }
        try (EmbeddedDatabase old = EmbeddedDatabase.open(file)) {
            assertThat(old.schemaVersion()).isEqualTo(Schema.latestVersion());
            OutboxQueue oldQueue = new OutboxQueue(old, clock);
            OutboxDelivery oldDelivery = new OutboxDelivery(oldQueue, transport, clock, options);
            OutboxMailer.forDelivery(old, clock, false, () -> {}).deliver(notice("new@example.com", "New"));

            oldDelivery.deliverDue();

            assertThat(transport.subjects()).containsExactly("New");
            assertThat(oldQueue.summary()).satisfies(s -> {
                assertThat(s.kept()).isEqualTo(1);
                assertThat(s.sent()).isEqualTo(1);
            });
            assertThat(new OutboxMailer(old, clock, false).messagesTo(new EmailAddress("old@example.com"))).hasSize(1);
        }
    }

    /** Answers what the test says, and remembers what it was handed. */
    static final class ScriptedTransport implements MailTransport {
        private final List<EmailMessage> handed = Collections.synchronizedList(new ArrayList<>());
        private volatile Function<EmailMessage, Outcome> answer = m -> new Accepted("250 OK");

        void answer(Function<EmailMessage, Outcome> answer) {
            this.answer = answer;
        }

        List<String> subjects() {
            synchronized (handed) {
                return handed.stream().map(EmailMessage::subject).toList();
            }
        }

        @Override
        public Outcome send(EmailMessage message) {
            handed.add(message);
            return answer.apply(message);
        }
    }
}
