package dev.userpool.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.config.Settings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.embedded.OutboxQueue;
import dev.userpool.smtp.testing.MailServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code userpool mail status} and {@code mail retry} on a running app's outbox. */
class MailCommandTest {

    @Test
    void statusShowsTheFailedMessageWithItsReplyAndRetrySendsItAgain() {
        try (MailServer server = MailServer.plain();
             RunningApp app = RunningApp.start(Map.of("USERPOOL_EMAIL", "smtp", "USERPOOL_SMTP_HOST", "127.0.0.1",
                     "USERPOOL_SMTP_PORT", Integer.toString(server.port()), "USERPOOL_SMTP_TLS", "none",
                     "USERPOOL_SMTP_FROM", "no-reply@auth.example.com", "USERPOOL_SMTP_RETRY_FIRST", "200ms"))) {
            new ApiClient(app.baseUrl()).signUp("rejected-user@example.com");
            OutboxQueue queue = app.component().outboxQueue();
            awaitUntil(() -> queue.summary().failed() == 1);

            String status = run(out -> MailCommand.Status.printStatus(queue, Settings.EmailChoice.SMTP, 20, false, out));
            assertThat(status).contains("Email: smtp", "pending 0, sent 0, failed 1", "FAILED", "rejected-user@example.com",
                    "550 5.1.1");

            String retried = run(out -> MailCommand.Retry.retry(queue, List.of(), out));
            assertThat(retried).contains("1 message(s) due now");
            awaitUntil(() -> queue.list(java.util.EnumSet.of(OutboxQueue.State.FAILED), 1).stream().anyMatch(e -> e.attempts() == 2));
            assertThat(run(out -> MailCommand.Retry.retry(queue, List.of(999L), out))).contains("Message 999 is neither pending nor failed");
        }
    }

    private interface Printing {
        void print(PrintWriter out);
    }

    private static String run(Printing command) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            command.print(out);
        }
        return text.toString();
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) throw new AssertionError("timed out");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
