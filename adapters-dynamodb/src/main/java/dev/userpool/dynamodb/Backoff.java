package dev.userpool.dynamodb;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th wait is between half and all of {@code base · 2^(n-1)},
 * capped at {@code cap}. The random half keeps many writers that failed together from retrying
 * together; the fixed half makes the wait really grow.
 */
record Backoff(Duration base, Duration cap) {
    Backoff {
        if (base.isNegative() || base.isZero()) throw new IllegalArgumentException("base must be positive");
        if (cap.compareTo(base) < 0) throw new IllegalArgumentException("cap must be at least base");
    }

    /** The wait before retry number {@code attempt} (1 for the first retry). */
    Duration delay(int attempt, RandomGenerator random) {
        long ceiling = ceilingNanos(attempt);
        long half = ceiling / 2;
        return Duration.ofNanos(half + random.nextLong(ceiling - half + 1));
    }

    /** The longest the wait before retry {@code attempt} can be. */
    long ceilingNanos(int attempt) {
        int doublings = Math.min(Math.max(attempt, 1) - 1, 40);
        long grown = base.toNanos() << doublings;
        if (grown <= 0 || grown > cap.toNanos() || (grown >> doublings) != base.toNanos()) return cap.toNanos();
        return grown;
    }
}
