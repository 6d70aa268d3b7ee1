package dev.userpool.app.cli;

import dev.userpool.app.config.Settings;
import dev.userpool.app.wiring.AppComponent;
import dev.userpool.embedded.OutboxQueue;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The outbox's delivery (USERPOOL_EMAIL=smtp), on the same data directory as the service: what waits,
 * what a server refused and why, and "try again now". The running service does the sending.
 */
@Command(name = "mail", description = "Delivery of email over SMTP from the outbox.",
        subcommands = {MailCommand.Status.class, MailCommand.Retry.class})
public final class MailCommand {

    @Command(name = "status", description = "How many messages wait, were sent, or failed; the latest that wait or failed.")
    static final class Status implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = {"-n", "--limit"}, defaultValue = "20", description = "How many messages to list (1-200, default ${DEFAULT-VALUE})")
        int limit;

        @Option(names = "--all", description = "List sent messages too")
        boolean all;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            Settings settings = Settings.fromEnvironment();
            Clock clock = Clock.systemUTC();
            try (AppComponent app = AppComponent.create(settings, clock)) {
                printStatus(app.outboxQueue(), settings.email(), limit, all, out);
            }
            out.flush();
        }

        static void printStatus(OutboxQueue queue, Settings.EmailChoice email, int limit, boolean all, PrintWriter out) {
            OutboxQueue.Summary s = queue.summary();
            out.println("Email: " + describe(email));
            out.printf("pending %d, sent %d, failed %d, kept for the development mailbox %d%n", s.pending(), s.sent(),
                    s.failed(), s.kept());
            s.oldestPending().ifPresent(t -> out.printf("oldest pending since %s; next attempt %s%n", t,
                    s.nextAttempt().map(Instant::toString).orElse("-")));
            EnumSet<OutboxQueue.State> states = all ? EnumSet.of(OutboxQueue.State.PENDING, OutboxQueue.State.FAILED,
                    OutboxQueue.State.SENT) : EnumSet.of(OutboxQueue.State.PENDING, OutboxQueue.State.FAILED);
            List<OutboxQueue.Entry> entries = queue.list(states, Math.max(1, Math.min(limit, 200)));
            if (!entries.isEmpty()) {
                out.printf("%-6s %-8s %-8s %-24s %-40s %-24s %s%n", "ID", "STATE", "ATTEMPTS", "QUEUED", "TO", "KIND", "LAST REPLY");
                for (OutboxQueue.Entry e : entries) {
                    out.printf("%-6d %-8s %-8d %-24s %-40s %-24s %s%n", e.id(), e.state(), e.attempts(), e.queuedAt(),
                            e.to(), e.kind(), e.lastReply().orElse("-"));
                }
            }
        }

        private static String describe(Settings.EmailChoice email) {
            return switch (email) {
                case SMTP -> "smtp (the running service delivers the outbox)";
                case EMBEDDED -> "embedded (messages are kept for the development mailbox, never sent)";
                case SES -> "ses (sent directly through Amazon SES; the outbox is not used)";
            };
        }
    }

    @Command(name = "retry", description = "Send failed messages again, and waiting ones now (all, or the IDs given).")
    static final class Retry implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", arity = "0..*", description = "Message IDs from 'mail status'")
        List<Long> ids;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            try (AppComponent app = AppComponent.create(Settings.fromEnvironment(), Clock.systemUTC())) {
                retry(app.outboxQueue(), ids == null ? List.of() : ids, out);
            }
            out.flush();
        }

        static void retry(OutboxQueue queue, List<Long> ids, PrintWriter out) {
            if (ids.isEmpty()) {
                out.printf("%d message(s) due now; the running service sends them within a second or so.%n", queue.retryAll());
                return;
            }
            for (long id : ids) {
                out.println(queue.retry(id) ? "Message " + id + " is due now."
                        : "Message " + id + " is neither pending nor failed: nothing to retry.");
            }
        }
    }

    private MailCommand() {}

}
