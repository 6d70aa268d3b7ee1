package dev.userpool.app.migration;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.AccountImport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Moves groups and memberships into a target after the accounts, one step at a time (create a group,
 * then put each member in it), skipping the steps the state says are done and recording each before
 * the next, as {@link UserImport} does for accounts. A group that cannot be created is reported and its
 * members are not tried; a member that cannot be added (an account the import failed to create) is
 * reported and the run goes on; a target that stays unreachable stops the run.
 */
public final class GroupImport {
    private final AccountImport target;
    private final ImportState state;

    public GroupImport(AccountImport target, ImportState state) {
        this.target = Objects.requireNonNull(target, "target");
        this.state = Objects.requireNonNull(state, "state");
    }

    /** How many steps a run of {@code groups} takes: one per group and one per member. */
    public static int steps(List<MovedGroup> groups) {
        return groups.stream().mapToInt(g -> 1 + g.members().size()).sum();
    }

    public GroupImportReport run(List<MovedGroup> groups, Progress progress) {
        int created = 0;
        int existing = 0;
        int added = 0;
        int alreadyDone = 0;
        int unreachable = 0;
        int step = 0;
        List<GroupImportReport.Failure> failures = new ArrayList<>();
        for (MovedGroup group : groups) {
            if (unreachable >= UserImport.UNREACHABLE_IN_A_ROW) break;
            progress.at(step++, group.name().value());
            if (state.isDone(group.name())) {
                alreadyDone++;
            } else {
                try {
                    switch (target.createGroup(group.name(), group.description(), group.precedence(), group.roleArn())) {
                        case CREATED -> created++;
                        case ALREADY_EXISTS -> existing++;
                    }
                    state.markDone(group.name());
                    unreachable = 0;
                } catch (UserPoolException e) {
                    failures.add(new GroupImportReport.Failure(group.name().value(), "", reason(e)));
                    unreachable = e.code() == ErrorCode.SERVICE_UNAVAILABLE ? unreachable + 1 : 0;
                    step += group.members().size();
                    continue;
                }
            }
            for (EmailAddress member : group.members()) {
                if (unreachable >= UserImport.UNREACHABLE_IN_A_ROW) break;
                progress.at(step++, group.name().value() + " " + member.value());
                if (state.isDone(group.name(), member)) {
                    alreadyDone++;
                    continue;
                }
                try {
                    target.addToGroup(group.name(), member);
                    state.markDone(group.name(), member);
                    added++;
                    unreachable = 0;
                } catch (UserPoolException e) {
                    failures.add(new GroupImportReport.Failure(group.name().value(), member.value(), reason(e)));
                    unreachable = e.code() == ErrorCode.SERVICE_UNAVAILABLE ? unreachable + 1 : 0;
                }
            }
        }
        int total = steps(groups);
        progress.at(step, "");
        progress.finish();
        return new GroupImportReport(groups.size(), created, existing, added, alreadyDone, failures, total - step);
    }

    private static String reason(UserPoolException e) {
        return e.code().code() + ": " + e.getMessage();
    }
}
