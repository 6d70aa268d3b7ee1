package dev.userpool.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(25), Duration.ofSeconds(1));

    @Test
    void eachWaitIsBetweenHalfAndAllOfADoublingCeiling() {
        Random random = new Random(1);
        for (int attempt = 1; attempt <= 10; attempt++) {
            long ceiling = Math.min(25L << (attempt - 1), 1_000) * 1_000_000;
            for (int i = 0; i < 100; i++) {
                long d = backoff.delay(attempt, random).toNanos();
                assertThat(d).as("attempt %d", attempt).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void theWaitReallyGrowsUntilTheCap() {
        Random random = new Random(2);
        assertThat(backoff.delay(4, random)).isGreaterThan(backoff.delay(2, random).multipliedBy(2).minusNanos(1));
        assertThat(backoff.delay(60, random)).isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceilingNanos(1_000)).isEqualTo(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void writersThatFailedTogetherDoNotRetryTogether() {
        Random random = new Random(3);
        Set<Duration> waits = new HashSet<>();
        for (int i = 0; i < 20; i++) waits.add(backoff.delay(5, random));
        assertThat(waits).hasSizeGreaterThan(15);
    }
}
