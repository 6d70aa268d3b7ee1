package dev.userpool.app.migration;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.AccountImport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Moves accounts into a target one at a time, skipping those its state says are done and recording
 * each one done before the next. A refusal of one account is reported and the run goes on; a target
 * that stays unreachable ({@value #UNREACHABLE_IN_A_ROW} failures in a row as ServiceUnavailable)
 * stops the run, since every further call would wait out the same timeouts. Anything else thrown (the
 * process being stopped) leaves the state as it is, for the next run to resume from.
 */
public final class UserImport {
    static final int UNREACHABLE_IN_A_ROW = 5;

    private final AccountImport target;
    private final ImportState state;

    public UserImport(AccountImport target, ImportState state) {
        this.target = Objects.requireNonNull(target, "target");
        this.state = Objects.requireNonNull(state, "state");
    }

    public ImportReport run(List<MovedUser> users, Progress progress) {
        int created = 0;
        int existing = 0;
        int alreadyDone = 0;
        int unreachable = 0;
        List<ImportReport.Failure> failures = new ArrayList<>();
        int i = 0;
        for (; i < users.size() && unreachable < UNREACHABLE_IN_A_ROW; i++) {
            MovedUser user = users.get(i);
            progress.at(i, user.email().value());
            if (state.isDone(user.email())) {
                alreadyDone++;
                continue;
            }
            try {
                switch (target.create(user.email(), user.emailVerified(), user.attributes())) {
                    case CREATED -> created++;
                    case ALREADY_EXISTS -> existing++;
                }
                state.markDone(user.email());
                unreachable = 0;
            } catch (UserPoolException e) {
                failures.add(new ImportReport.Failure(user.line(), user.email().value(), e.code().code() + ": " + e.getMessage()));
                unreachable = e.code() == ErrorCode.SERVICE_UNAVAILABLE ? unreachable + 1 : 0;
            }
        }
        progress.at(i, "");
        progress.finish();
        return new ImportReport(users.size(), created, existing, alreadyDone, failures, users.size() - i);
    }
}
