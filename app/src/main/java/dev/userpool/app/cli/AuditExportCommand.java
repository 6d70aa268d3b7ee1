package dev.userpool.app.cli;

import dev.userpool.app.config.Settings;
import dev.userpool.app.migration.AuditJsonLines;
import dev.userpool.app.wiring.AppComponent;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.port.out.AuditLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audit export}: the whole audit trail of the configured log, one JSON event a line, newest first. */
@Command(name = "export", description = "Write the whole audit trail as JSON lines, newest first.")
final class AuditExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--to", paramLabel = "FILE", description = "Write here (default: standard output)")
    Path to;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        int written;
        try (AppComponent app = AppComponent.create(Settings.fromEnvironment(), clock)) {
            // up to a second ahead, so an event of this very moment is in
            Instant until = clock.instant().plusSeconds(1);
            written = ExportFile.writeTo(Optional.ofNullable(to), spec.commandLine().getOut(),
                    out -> export(app.auditLog(), until, out));
        }
        spec.commandLine().getErr().printf("Exported %d audit event(s)%s%n", written, to == null ? "" : " to " + to);
        spec.commandLine().getErr().flush();
        return 0;
    }

    static int export(AuditLog log, Instant until, Writer out) {
        int written = 0;
        Optional<String> cursor = Optional.empty();
        try {
            do {
                Page<AuditEvent> page = log.between(Instant.EPOCH, until, new PageRequest(PageRequest.MAX_LIMIT, cursor));
                for (AuditEvent e : page.items()) {
                    out.write(AuditJsonLines.line(e));
                    out.write('\n');
                    written++;
                }
                cursor = page.nextCursor();
            } while (cursor.isPresent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }
}
