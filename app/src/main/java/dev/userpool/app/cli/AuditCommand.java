package dev.userpool.app.cli;

import dev.userpool.app.config.Settings;
import dev.userpool.app.wiring.AppComponent;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The audit trail: its latest events, its export and import, and the spools replicas left for DynamoDB. */
@Command(name = "audit", description = "Read, export and import the audit trail; drain a replica's spool into DynamoDB.",
        subcommands = {AuditCommand.Tail.class, AuditExportCommand.class, AuditImportCommand.class, AuditDrainCommand.class})
public final class AuditCommand {

    /** The latest audit events, oldest of them first, like the tail of a log. */
    @Command(name = "tail", description = "Show the latest audit events.")
    static final class Tail implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--email", description = "Only the events of this address")
        String email;

        @Option(names = {"-n", "--limit"}, defaultValue = "20", description = "How many events (1-60, default ${DEFAULT-VALUE})")
        int limit;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            Clock clock = Clock.systemUTC();
            try (AppComponent app = AppComponent.create(Settings.fromEnvironment(), clock)) {
                PageRequest page = PageRequest.first(limit);
                List<AuditEvent> events = new ArrayList<>(email == null
                        ? app.auditQueries().between(Instant.EPOCH, clock.instant().plusSeconds(1), page).items()
                        : app.auditQueries().forEmail(email, page).items());
                Collections.reverse(events);
                for (AuditEvent e : events) {
                    out.printf("%s %-24s %-7s %-22s %-40s %s%n", e.occurredAt(), e.type(), e.outcome(),
                            e.errorCode().map(c -> c.code()).orElse("-"), e.email(),
                            e.actor().kind() + e.actor().id().map(id -> ":" + id).orElse(""));
                }
            }
            out.flush();
        }
    }
}
