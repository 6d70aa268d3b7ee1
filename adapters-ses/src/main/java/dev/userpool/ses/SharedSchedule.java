package dev.userpool.ses;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The start times of SES's rate-limited calls, shared by every process on one SES account (the app's
 * wiring keeps it in DynamoDB). A process asks for the next free start only when it is about to call;
 * the schedule hands each start to one process, {@code spacing} after the one before.
 */
@FunctionalInterface
public interface SharedSchedule {
    /**
     * Reserves the next start, at least {@code spacing} after the last one reserved and not before now.
     *
     * @return the reserved start; empty when the shared store cannot be reached (the caller then paces alone)
     */
    Optional<Instant> reserve(Duration spacing);
}
