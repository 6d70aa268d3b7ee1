package dev.userpool.app.migration;

import java.io.PrintWriter;
import java.util.List;

/**
 * What the groups' part of an import did: groups created or found existing, memberships added, steps
 * an earlier run of the same import did (its state file says so), failures, and the steps not tried
 * when the run stopped early because the target could not be reached.
 */
public record GroupImportReport(int groups, int created, int existing, int membershipsAdded, int alreadyDone,
                                List<Failure> failures, int notTried) {
    public GroupImportReport {
        failures = List.copyOf(failures);
    }

    /** A group not created ({@code member} empty) or a member not added, and why (the target's words). */
    public record Failure(String group, String member, String reason) {}

    public boolean complete() {
        return failures.isEmpty() && notTried == 0;
    }

    public void print(PrintWriter out) {
        out.printf("Groups: created %d, skipped as existing %d, memberships added %d, done by an earlier run %d, "
                + "failed %d%s (of %d groups)%n", created, existing, membershipsAdded, alreadyDone, failures.size(),
                notTried > 0 ? ", not tried " + notTried : "", groups);
        for (Failure f : failures) {
            if (f.member().isEmpty()) out.printf("  failed: group %s: %s%n", f.group(), f.reason());
            else out.printf("  failed: %s into group %s: %s%n", f.member(), f.group(), f.reason());
        }
        out.flush();
    }
}
