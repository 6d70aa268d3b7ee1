package dev.userpool.app.cli;

import dev.userpool.app.config.Settings;
import dev.userpool.app.migration.AuditJsonLines;
import dev.userpool.app.migration.MigrationFileException;
import dev.userpool.app.migration.Progress;
import dev.userpool.app.wiring.AppComponent;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.port.out.AuditLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code audit import}: the events of an {@code audit export} into the configured audit log (embedded
 * or DynamoDB). The file is checked whole first; a log keeps one copy of an event id, so importing
 * the same file again, or after an interruption, adds nothing twice.
 */
@Command(name = "import", description = "Record the events of an `audit export` in the configured audit log; "
        + "importing again adds nothing twice.")
final class AuditImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "FILE", required = true, description = "The JSON lines of `audit export`")
    Path from;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<AuditEvent> events;
        try {
            events = read(from);
        } catch (MigrationFileException e) {
            err.println("userpool: " + from + ", " + e.getMessage() + ". Nothing was imported.");
            return 2;
        }
        try (AppComponent app = AppComponent.create(Settings.fromEnvironment(), Clock.systemUTC())) {
            record(app.auditLog(), events, new Progress(err, System.console() != null, events.size()));
        }
        spec.commandLine().getOut().printf("Recorded %d audit event(s) (an event already in the log is kept once)%n", events.size());
        spec.commandLine().getOut().flush();
        return 0;
    }

    static List<AuditEvent> read(Path file) {
        List<AuditEvent> events = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int line = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (!text.isBlank()) events.add(AuditJsonLines.parse(text, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return events;
    }

    static void record(AuditLog log, List<AuditEvent> events, Progress progress) {
        // oldest first, as they happened: a log that orders by arrival keeps their order too
        for (int i = events.size() - 1, done = 0; i >= 0; i--, done++) {
            progress.at(done, "");
            log.record(events.get(i));
        }
        progress.at(events.size(), "");
        progress.finish();
    }
}
