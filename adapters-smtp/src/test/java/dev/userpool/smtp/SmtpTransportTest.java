package dev.userpool.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.port.out.MailTransport;
import dev.userpool.smtp.testing.MailServer;
import dev.userpool.smtp.testing.StartTlsFront;
import dev.userpool.smtp.testing.TestCertificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The transport against GreenMail on loopback: plain, STARTTLS, implicit TLS, AUTH, and the server's refusals. */
class SmtpTransportTest {
    private static final EmailAddress FROM = new EmailAddress("no-reply@auth.example.com");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final String PASSWORD = "s3cret-Pa55word!";

    private static EmailMessage message(String to, String subject) {
        return new EmailMessage(new EmailAddress(to), EmailMessage.Kind.CONFIRMATION_CODE, subject,
                "Your code is 123456.\n", "<p>Your code is <b>123456</b>.</p>", Optional.of("123456"));
    }

    private static SmtpTransport plain(MailServer server, Optional<SmtpLogin> login) {
        return new SmtpTransport(new SmtpRelay("127.0.0.1", server.port(), SmtpRelay.Security.NONE, login,
                Duration.ofSeconds(5), Duration.ofSeconds(5)), FROM, CLOCK);
    }

    @Test
    void plainSmtpDeliversTextAndHtmlAsAlternativesFromTheConfiguredAddress() {
        try (MailServer server = MailServer.plain()) {
            MailTransport.Outcome outcome = plain(server, Optional.empty()).send(message("alice@example.com", "Your code"));

            assertThat(outcome).isInstanceOf(MailTransport.Accepted.class);
            assertThat(outcome.reply()).startsWith("250");
            assertThat(server.receivedBy("alice@example.com")).singleElement().satisfies(m -> {
                assertThat(m.from()).isEqualTo("no-reply@auth.example.com");
                assertThat(m.subject()).isEqualTo("Your code");
                assertThat(m.contentType()).startsWith("multipart/alternative");
                assertThat(m.text()).contains("Your code is 123456.");
                assertThat(m.html()).isEqualTo("<p>Your code is <b>123456</b>.</p>");
                assertThat(m.headerLines()).anySatisfy(h -> assertThat(h).startsWith("Date: Wed, 2 Jan 2030 03:04:05"));
                assertThat(m.headerLines()).anySatisfy(h -> assertThat(h).matches("Message-ID: <[0-9a-f-]{36}@auth\\.example\\.com>"));
            });
        }
    }

    @Test
    void authWithTheRightLoginIsAccepted() {
        try (MailServer server = MailServer.plainWithAccount("mailer", PASSWORD)) {
            MailTransport.Outcome outcome = plain(server, Optional.of(new SmtpLogin("mailer", PASSWORD)))
                    .send(message("alice@example.com", "Signed in"));

            assertThat(outcome).isInstanceOf(MailTransport.Accepted.class);
            assertThat(server.receivedBy("alice@example.com")).hasSize(1);
        }
    }

    @Test
    void aRefusedLoginIsDeferredAndTheReplyNeverHoldsThePassword() {
        try (MailServer server = MailServer.plainWithAccount("mailer", PASSWORD)) {
            String wrong = "Wrong-Pa55word!";
            MailTransport.Outcome outcome = plain(server, Optional.of(new SmtpLogin("mailer", wrong)))
                    .send(message("alice@example.com", "Not signed in"));

            assertThat(outcome).isInstanceOf(MailTransport.Deferred.class);
            assertThat(outcome.reply()).contains("535").doesNotContain(wrong).doesNotContain(PASSWORD);
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void startTlsUpgradesBeforeAuthAndChecksTheServersCertificate() {
        try (MailServer server = MailServer.plainWithAccount("mailer", PASSWORD); StartTlsFront front = StartTlsFront.before(server)) {
            SmtpRelay relay = new SmtpRelay("localhost", front.port(), SmtpRelay.Security.STARTTLS,
                    Optional.of(new SmtpLogin("mailer", PASSWORD)), Duration.ofSeconds(5), Duration.ofSeconds(5));

            MailTransport.Outcome trusted = new SmtpTransport(relay, FROM, CLOCK, Optional.of(TestCertificate.clientTrust()))
                    .send(message("alice@example.com", "Over STARTTLS"));
            MailTransport.Outcome untrusted = new SmtpTransport(relay, FROM, CLOCK)   // the JDK's CAs: a self-signed certificate fails
                    .send(message("bob@example.com", "Not over an untrusted certificate"));

            assertThat(trusted).isInstanceOf(MailTransport.Accepted.class);
            assertThat(front.handshakes()).isEqualTo(1);
            assertThat(server.receivedBy("alice@example.com")).extracting(MailServer.Received::subject).containsExactly("Over STARTTLS");
            assertThat(untrusted).isInstanceOf(MailTransport.Deferred.class);
            assertThat(server.receivedBy("bob@example.com")).isEmpty();
        }
    }

    @Test
    void startTlsNeverFallsBackToPlainText() {
        try (MailServer server = MailServer.plain()) {   // offers no STARTTLS
            SmtpRelay relay = new SmtpRelay("127.0.0.1", server.port(), SmtpRelay.Security.STARTTLS, Optional.empty(),
                    Duration.ofSeconds(5), Duration.ofSeconds(5));

            MailTransport.Outcome outcome = new SmtpTransport(relay, FROM, CLOCK, Optional.of(TestCertificate.clientTrust()))
                    .send(message("alice@example.com", "Must not go in clear"));

            assertThat(outcome).isInstanceOf(MailTransport.Deferred.class);
            assertThat(outcome.reply()).containsIgnoringCase("STARTTLS");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void implicitTlsWithAuthIsAccepted() {
        try (MailServer server = MailServer.tlsWithAccount("mailer", PASSWORD)) {
            SmtpRelay relay = new SmtpRelay("localhost", server.port(), SmtpRelay.Security.TLS,
                    Optional.of(new SmtpLogin("mailer", PASSWORD)), Duration.ofSeconds(5), Duration.ofSeconds(5));

            MailTransport.Outcome outcome = new SmtpTransport(relay, FROM, CLOCK, Optional.of(TestCertificate.clientTrust()))
                    .send(message("alice@example.com", "Over TLS"));

            assertThat(outcome).isInstanceOf(MailTransport.Accepted.class);
            assertThat(server.receivedBy("alice@example.com")).hasSize(1);
        }
    }

    @Test
    void a5xxReplyIsARejectionWithTheServersReply() {
        try (MailServer server = MailServer.plain()) {
            MailTransport.Outcome outcome = plain(server, Optional.empty()).send(message("rejected-user@example.com", "Hello"));

            assertThat(outcome).isInstanceOf(MailTransport.Rejected.class);
            assertThat(outcome.reply()).startsWith("550 5.1.1").contains("User unknown");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void a4xxReplyIsADeferral() {
        try (MailServer server = MailServer.plain()) {
            MailTransport.Outcome outcome = plain(server, Optional.empty()).send(message("busy-user@example.com", "Hello"));

            assertThat(outcome).isInstanceOf(MailTransport.Deferred.class);
            assertThat(outcome.reply()).startsWith("451 4.3.0");
        }
    }

    @Test
    void noServerIsADeferralAndTheSameMessageGoesThroughOnceItIsBack() {
        MailServer server = MailServer.plain();
        server.stop();
        SmtpTransport transport = plain(server, Optional.empty());

        MailTransport.Outcome down = transport.send(message("alice@example.com", "Patience"));
        server.start();
        MailTransport.Outcome up = transport.send(message("alice@example.com", "Patience"));

        assertThat(down).isInstanceOf(MailTransport.Deferred.class);
        assertThat(down.reply()).containsIgnoringCase("connect");
        assertThat(up).isInstanceOf(MailTransport.Accepted.class);
        assertThat(server.receivedBy("alice@example.com")).hasSize(1);
        server.close();
    }

    @Test
    void crAndLfInTheSubjectCannotAddAHeaderOrARecipient() {
        try (MailServer server = MailServer.plain()) {
            String subject = "Hello\r\nBcc: evil@example.com\r\nX-Injected: yes\nContent-Type: text/plain\r\n\r\nbody";

            plain(server, Optional.empty()).send(message("alice@example.com", subject));

            assertThat(server.received()).hasSize(1);
            assertThat(server.receivedBy("evil@example.com")).isEmpty();
            assertThat(server.receivedBy("alice@example.com")).singleElement().satisfies(m -> {
                assertThat(m.subject()).isEqualTo("Hello  Bcc: evil@example.com  X-Injected: yes Content-Type: text/plain    body");
                assertThat(m.headerLines()).noneMatch(h -> h.startsWith("Bcc") || h.startsWith("X-Injected"));
                assertThat(m.contentType()).startsWith("multipart/alternative");
            });
        }
    }

    @Test
    void aSubjectOutsideAsciiIsEncodedAndArrivesUnchanged() {
        try (MailServer server = MailServer.plain()) {
            plain(server, Optional.empty()).send(message("alice@example.com", "Ihr Code — 你好 ✓"));

            assertThat(server.receivedBy("alice@example.com")).singleElement().satisfies(m -> {
                assertThat(m.subject()).isEqualTo("Ihr Code — 你好 ✓");
                assertThat(m.headerLines()).anySatisfy(h -> assertThat(h).startsWith("Subject: =?UTF-8?"));
            });
        }
    }

    @Test
    void plainTextIsRefusedForAServerElsewhere() {
        assertThatThrownBy(() -> SmtpRelay.of("mail.example.com", 25, SmtpRelay.Security.NONE, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only to this machine");
        for (String loopback : new String[] {"localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"}) {
            assertThat(SmtpRelay.of(loopback, 25, SmtpRelay.Security.NONE, Optional.empty()).security())
                    .isEqualTo(SmtpRelay.Security.NONE);
        }
        assertThat(SmtpRelay.isLoopback("127.example.com")).isFalse();
        assertThat(SmtpRelay.isLoopback("localhost.example.com")).isFalse();
    }

    @Test
    void thePasswordIsNeverPrinted() {
        SmtpRelay relay = SmtpRelay.of("smtp.example.com", 587, SmtpRelay.Security.STARTTLS,
                Optional.of(new SmtpLogin("mailer", PASSWORD)));
        SmtpTransport transport = new SmtpTransport(relay, FROM, CLOCK);

        assertThat(relay.toString()).contains("smtp.example.com:587", "mailer").doesNotContain(PASSWORD);
        assertThat(relay.login().orElseThrow().toString()).doesNotContain(PASSWORD);
        assertThat(transport.toString()).doesNotContain(PASSWORD);
    }
}
