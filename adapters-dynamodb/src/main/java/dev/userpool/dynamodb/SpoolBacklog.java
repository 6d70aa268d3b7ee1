package dev.userpool.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What waits in one process's spool for DynamoDB: the segments it wrote and those it took over.
 *
 * @param records        events waiting
 * @param bytes          their size on the disk
 * @param oldestWaiting  when the oldest waiting event happened; empty when none waits
 */
public record SpoolBacklog(long records, long bytes, Optional<Instant> oldestWaiting) {
    public SpoolBacklog {
        Objects.requireNonNull(oldestWaiting, "oldestWaiting");
    }

    /** How long the oldest waiting event has waited at {@code now}; zero when none waits. */
    public Duration oldestAge(Instant now) {
        return oldestWaiting.map(t -> Duration.between(t, now)).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
    }
}
