package dev.userpool.app.migration;

import java.io.PrintWriter;
import java.util.List;

/**
 * What an import did. {@code alreadyDone} are accounts an earlier run of the same import moved (its
 * state file says so); {@code existing} those the target already held; {@code notTried} those left
 * when the run stopped early because the target could not be reached.
 */
public record ImportReport(int total, int created, int existing, int alreadyDone, List<Failure> failures, int notTried) {
    public ImportReport {
        failures = List.copyOf(failures);
    }

    /** An account that was not moved, and why (the target's words, without secrets). */
    public record Failure(int line, String email, String reason) {}

    public boolean complete() {
        return failures.isEmpty() && notTried == 0;
    }

    public void print(PrintWriter out) {
        out.printf("Created %d, skipped as existing %d, done by an earlier run %d, failed %d%s (of %d)%n", created,
                existing, alreadyDone, failures.size(), notTried > 0 ? ", not tried " + notTried : "", total);
        for (Failure f : failures) out.printf("  failed: line %d, %s: %s%n", f.line(), f.email(), f.reason());
        if (notTried > 0) out.println("Stopped early: the target could not be reached. Run the same command again to resume.");
        else if (!failures.isEmpty()) out.println("Run the same command again to retry the failed accounts.");
        out.flush();
    }
}
