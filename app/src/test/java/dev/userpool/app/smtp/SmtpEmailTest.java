package dev.userpool.app.smtp;

import static dev.userpool.app.testing.ApiClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.embedded.OutboxQueue;
import dev.userpool.smtp.testing.MailServer;
import dev.userpool.smtp.testing.MailServer.Received;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * USERPOOL_EMAIL=smtp end to end: the app queues every message in its outbox and a background sender
 * hands it to GreenMail, from whose mailboxes the tests read the codes and links (not from the outbox).
 */
class SmtpEmailTest {
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private static Map<String, String> smtp(MailServer server, String... more) {
        Map<String, String> env = new HashMap<>(Map.of("USERPOOL_EMAIL", "smtp",
                "USERPOOL_SMTP_HOST", "127.0.0.1",
                "USERPOOL_SMTP_PORT", Integer.toString(server.port()),
                "USERPOOL_SMTP_TLS", "none",
                "USERPOOL_SMTP_FROM", "no-reply@auth.example.com",
                "USERPOOL_SMTP_RETRY_FIRST", "200ms",
                "USERPOOL_SMTP_RETRY_MAX", "1s"));
        for (int i = 0; i < more.length; i += 2) env.put(more[i], more[i + 1]);
        return env;
    }

    private static String code(Received message) {
        Matcher m = CODE.matcher(message.text());
        assertThat(m.find()).as("a 6-digit code in " + message.subject()).isTrue();
        return m.group(1);
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant end = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) throw new AssertionError("timed out waiting until " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void theSignUpCodeArrivesOverSmtpAndConfirmsTheAccount() {
        try (MailServer server = MailServer.plain(); RunningApp app = RunningApp.start(smtp(server))) {
            ApiClient api = new ApiClient(app.baseUrl());
            String email = "coder@example.com";

            assertThat(api.signUp(email).status()).isEqualTo(201);
            List<Received> inbox = server.awaitMessages(email, 1, WAIT);
            assertThat(inbox).singleElement().satisfies(m -> {
                assertThat(m.from()).isEqualTo("no-reply@auth.example.com");
                assertThat(m.contentType()).startsWith("multipart/alternative");
                assertThat(m.html()).containsPattern(CODE);
            });

            Response confirmed = api.post("/api/confirm", Map.of("email", email, "code", code(inbox.get(0))));
            assertThat(confirmed.json().path("status").asText()).isEqualTo("CONFIRMED");
            assertThat(confirmed.json().path("emailVerified").asBoolean()).isTrue();

            String token = api.accessToken(email);
            assertThat(api.post("/api/change-password", Map.of("oldPassword", PASSWORD, "newPassword", "Another-Horse-7"), token)
                    .status()).isEqualTo(204);
            assertThat(server.awaitMessages(email, 2, WAIT)).extracting(Received::subject).contains("Your password was changed");

            // the development mailbox is off: codes really leave now
            assertThat(api.get("/api/dev/mailbox?to=" + email).status()).isEqualTo(404);
            await("the sent messages are recorded", () -> app.component().outboxQueue().summary().sent() == 2);
            String metrics = api.get("/metrics").text();
            assertThat(metrics).contains("userpool_mail_sent_total 2.0", "userpool_mail_queued 0.0", "userpool_mail_failed_total 0.0");
        }
    }

    @Test
    void theVerificationLinkArrivesOverSmtpAndConfirmsTheAccount() {
        try (MailServer server = MailServer.plain();
             RunningApp app = RunningApp.start(smtp(server, "USERPOOL_VERIFICATION", "link"))) {
            ApiClient api = new ApiClient(app.baseUrl());
            String email = "linked@example.com";

            assertThat(api.signUp(email).json().path("confirmWith").asText()).isEqualTo("LINK");
            Received message = server.awaitMessages(email, 1, WAIT).get(0);
            Matcher link = Pattern.compile("/api/verify-link/callback\\?token=[A-Za-z0-9_-]+").matcher(message.text());
            assertThat(link.find()).isTrue();
            assertThat(message.html()).contains(link.group());

            assertThat(api.get(link.group()).raw().headers().firstValue("Location").orElse(""))
                    .isEqualTo("/verified.html?email=linked%40example.com");
            Response done = api.post("/api/verify-link/complete", Map.of("email", email));
            assertThat(done.json().path("status").asText()).isEqualTo("CONFIRMED");
            assertThat(done.json().path("emailVerified").asBoolean()).isTrue();
        }
    }

    @Test
    void whileTheServerIsDownMessagesWaitThenAllArriveExactlyOnce() {
        MailServer server = MailServer.plain();
        server.stop();
        try (RunningApp app = RunningApp.start(smtp(server))) {
            ApiClient api = new ApiClient(app.baseUrl());
            List<String> people = List.of("ann@example.com", "ben@example.com", "cem@example.com");
            for (String email : people) assertThat(api.signUp(email).status()).isEqualTo(201);

            OutboxQueue queue = app.component().outboxQueue();
            await("every message was tried and deferred", () -> queue.list(EnumSet.of(OutboxQueue.State.PENDING), 10).stream()
                    .allMatch(e -> e.attempts() >= 1));
            assertThat(queue.summary().pending()).isEqualTo(3);
            assertThat(queue.list(EnumSet.of(OutboxQueue.State.PENDING), 10))
                    .allSatisfy(e -> assertThat(e.lastReply().orElse("")).containsIgnoringCase("connect"));

            server.start();
            await("every message was accepted", () -> queue.summary().sent() == 3);
            sleep(Duration.ofSeconds(1));

            for (String email : people) {
                assertThat(server.receivedBy(email)).as(email).hasSize(1);
                Response confirmed = api.post("/api/confirm", Map.of("email", email, "code", code(server.receivedBy(email).get(0))));
                assertThat(confirmed.status()).isEqualTo(200);
            }
            assertThat(server.received()).hasSize(3);
            assertThat(queue.summary().pending()).isZero();
        } finally {
            server.close();
        }
    }

    @Test
    void aRejectedMessageIsRecordedAsFailedWithTheReplyAndOthersStillGo() {
        try (MailServer server = MailServer.plain(); RunningApp app = RunningApp.start(smtp(server))) {
            ApiClient api = new ApiClient(app.baseUrl());
            OutboxQueue queue = app.component().outboxQueue();

            assertThat(api.signUp("rejected-user@example.com").status()).isEqualTo(201);
            await("the rejection is recorded", () -> queue.summary().failed() == 1);
            assertThat(api.signUp("fine@example.com").status()).isEqualTo(201);
            assertThat(server.awaitMessages("fine@example.com", 1, WAIT)).hasSize(1);

            assertThat(queue.list(EnumSet.of(OutboxQueue.State.FAILED), 10)).singleElement().satisfies(e -> {
                assertThat(e.to().value()).isEqualTo("rejected-user@example.com");
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.lastReply().orElseThrow()).startsWith("550 5.1.1").contains("User unknown");
            });
            sleep(Duration.ofMillis(1500));   // longer than the back-off: a rejection is not retried
            assertThat(queue.list(EnumSet.of(OutboxQueue.State.FAILED), 10).get(0).attempts()).isEqualTo(1);
            assertThat(server.receivedBy("rejected-user@example.com")).isEmpty();
            assertThat(api.get("/metrics").text()).contains("userpool_mail_failed_total 1.0");
        }
    }

    @Test
    void aRestartDeliversWhatWasQueuedBefore() throws Exception {
        MailServer server = MailServer.plain();
        server.stop();
        Path data = Files.createDirectories(dataDir.resolve("data"));
        Map<String, String> env = smtp(server, "USERPOOL_DATA_DIR", data.toString(),
                "USERPOOL_SMTP_RETRY_FIRST", "2s", "USERPOOL_SMTP_RETRY_MAX", "60s");
        try (RunningApp app = RunningApp.start(env)) {
            ApiClient api = new ApiClient(app.baseUrl());
            assertThat(api.signUp("dora@example.com").status()).isEqualTo(201);
            assertThat(api.signUp("emil@example.com").status()).isEqualTo(201);
            await("both are queued", () -> app.component().outboxQueue().summary().pending() == 2);
        }
        try {
            server.start();
            try (RunningApp app = RunningApp.start(smtp(server, "USERPOOL_DATA_DIR", data.toString()))) {
                assertThat(server.awaitMessages("dora@example.com", 1, WAIT)).hasSize(1);
                assertThat(server.awaitMessages("emil@example.com", 1, WAIT)).hasSize(1);
                await("both are recorded as sent", () -> app.component().outboxQueue().summary().sent() == 2);
            }
            assertThat(server.received()).hasSize(2);
        } finally {
            server.close();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
