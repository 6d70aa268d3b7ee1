package dev.userpool.embedded;

import dev.userpool.core.domain.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the lockout hold under concurrent requests. The lockout's count is written only once a
 * password check has failed, and a check takes milliseconds: without a gate, a hundred guesses sent
 * at once would all be checked before the first failure is counted. So a check is admitted only when
 * the failures already counted plus the checks still running cannot pass the free failures
 * ({@link SignInLockout#FREE_FAILURES}); past them, one check at a time, each of which may lock the
 * account. Everything else is refused as locked, without testing the password.
 *
 * <p>The running checks are counted in memory (a crash forgets them, and with them nothing of value);
 * the decision and the count change together under a lock per account, so two requests cannot both
 * take the last free check.
 */
final class PasswordCheckAdmission {
    private static final int STRIPES = 64;

    private final EmbeddedDatabase db;
    private final Map<UserId, Integer> running = new ConcurrentHashMap<>();
    private final Object[] stripes = new Object[STRIPES];

    PasswordCheckAdmission(EmbeddedDatabase db) {
        this.db = db;
        for (int i = 0; i < STRIPES; i++) stripes[i] = new Object();
    }

    /** A check the caller must {@link Ticket#close} once its outcome (success or counted failure) is written. */
    interface Ticket extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * A ticket to test one password of {@code user}, or empty when the account is locked, or when the
     * checks already running could lock it.
     */
    Optional<Ticket> admit(UserId user, Instant now) {
        synchronized (stripe(user)) {
            SignInLockout.State state = db.read(c -> SignInLockout.state(c, user, now));
            // A refused attempt while locked keeps the count from lapsing (see SignInLockout).
            if (state.locked()) db.transaction(c -> SignInLockout.refusesAttempt(c, user, now));
            int inFlight = running.getOrDefault(user, 0);
            boolean free = state.consecutiveFailures() + inFlight < SignInLockout.FREE_FAILURES;
            if (state.locked() || !(free || inFlight == 0)) return Optional.empty();
            running.merge(user, 1, Integer::sum);
        }
        return Optional.of(() -> release(user));
    }

    private void release(UserId user) {
        synchronized (stripe(user)) {
            running.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
        }
    }

    private Object stripe(UserId user) {
        return stripes[Math.floorMod(user.hashCode(), STRIPES)];
    }
}
