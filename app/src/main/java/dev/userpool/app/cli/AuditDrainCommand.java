package dev.userpool.app.cli;

import dev.userpool.app.config.Settings;
import dev.userpool.app.wiring.AppComponent;
import dev.userpool.dynamodb.SpoolDrain;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code audit drain --spool DIR}: delivers the audit spool of a replica that will not come back into
 * the DynamoDB table of {@code USERPOOL_DYNAMODB_TABLE}. Safe beside running replicas and other drains:
 * a segment a living process holds is left alone, and an event the table has already is not written
 * again. Exits 1 when an event is not in the table afterwards.
 */
@Command(name = "drain", description = {"Deliver an audit spool left by another process (a replica that will not come back)"
        + " into the DynamoDB table (USERPOOL_DYNAMODB_TABLE, USERPOOL_DYNAMODB_ENDPOINT, AWS_REGION).",
        "Segments a running process holds are left alone; running it again, or beside another drain, writes nothing twice."})
final class AuditDrainCommand implements Callable<Integer> {
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    @Spec
    CommandSpec spec;

    @Option(names = "--spool", required = true, paramLabel = "DIR", description = "The spool directory to drain")
    Path spool;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = Settings.fromEnvironment();
        try (AppComponent app = AppComponent.create(settings, Clock.systemUTC())) {
            SpoolDrain drain = app.spoolDrain();
            Path dir = spool.toAbsolutePath().normalize();
            out.println("Draining the audit spool " + dir + " into DynamoDB");
            out.flush();
            SpoolDrain.Report report = drain.drain(dir, new Progress(out));
            print(report, out);
            return report.failed() == 0 && report.stoppedBecause().isEmpty() ? 0 : 1;
        }
    }

    private static void print(SpoolDrain.Report r, PrintWriter out) {
        out.printf("Done: %d delivered, %d already present, %d failed; %d segment(s) drained%n", r.delivered(),
                r.alreadyPresent(), r.failed(), r.segmentsDrained());
        if (r.refused() > 0) out.printf("  %d event(s) refused by DynamoDB as invalid%n", r.refused());
        r.stoppedBecause().ifPresent(why -> out.printf("  Stopped: %s. %d event(s) of the segment in hand%s stay in the"
                + " spool; run the drain again.%n", why, r.leftInSpool(),
                r.segmentsNotTried() == 0 ? "" : " and " + r.segmentsNotTried() + " more segment(s)"));
        if (r.segmentsHeldElsewhere() > 0) {
            out.printf("  %d segment(s) held by a running process (a replica's own spool, or another drain) were left"
                    + " alone%n", r.segmentsHeldElsewhere());
        }
        for (Path kept : r.keptAside()) out.println("  Kept aside for inspection: " + kept);
        out.flush();
    }

    /** A line per segment, and the running count at most once a second. */
    private static final class Progress implements SpoolDrain.Progress {
        private final PrintWriter out;
        private long lastPrinted = System.nanoTime();

        Progress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void claimed(Path segment, long records) {
            out.printf("  %s: %d event(s)%n", segment.getFileName(), records);
            out.flush();
        }

        @Override
        public void settled(SpoolDrain.Report soFar) {
            long now = System.nanoTime();
            if (now - lastPrinted < PROGRESS_EVERY_NANOS) return;
            lastPrinted = now;
            out.printf("  … %d delivered, %d already present so far%n", soFar.delivered(), soFar.alreadyPresent());
            out.flush();
        }
    }
}
