package dev.userpool.ses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The pacer on a shared schedule, on a clock its sleeper moves: it starts a call only in a start the
 * schedule reserved for it, gives up a start it woke too late for, and paces alone at its share while
 * the schedule cannot be reached, asking it again later.
 */
class SharedSendPacerTest {
    private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
    private final List<Instant> reserved = new ArrayList<>();
    private final List<Instant> starts = new ArrayList<>();
    private Instant next = clock.instant();
    private boolean reachable = true;

    /** The shared schedule as one process in memory: the next start moves on by the spacing asked. */
    private Optional<Instant> reserve(Duration spacing) {
        if (!reachable) return Optional.empty();
        Instant start = next.isAfter(clock.instant()) ? next : clock.instant();
        next = start.plus(spacing);
        reserved.add(start);
        return Optional.of(start);
    }

    private SendPacer pacer(SendPacer.Sleeper sleeper) {
        return new SendPacer(1, 10, clock, sleeper, Optional.of(this::reserve), 0.5);
    }

    private Instant started() {
        starts.add(clock.instant());
        return clock.instant();
    }

    @Test
    void callsStartInTheirReservedStartsSpacedByTheIntervalAndTheAllowanceForWakingLate() {
        try (SendPacer pacer = pacer(clock::advance)) {
            for (int i = 0; i < 4; i++) pacer.run(this::started);
            assertThat(pacer.mode()).isEqualTo(SendPacer.Mode.SHARED);
            assertThat(starts).isEqualTo(reserved);
            for (int i = 1; i < starts.size(); i++) {
                assertThat(Duration.between(starts.get(i - 1), starts.get(i))).isEqualTo(Duration.ofSeconds(1).plus(pacer.lateness()));
            }
        }
    }

    @Test
    void aStartWokenTooLateForIsGivenUpAndAnotherReserved() {
        AtomicBoolean oversleepOnce = new AtomicBoolean(true);
        // the first real wait oversleeps by half a second, as a starved machine might
        SendPacer.Sleeper sleeper = d -> clock.advance(oversleepOnce.getAndSet(false) ? d.plusMillis(500) : d);
        try (SendPacer pacer = pacer(sleeper)) {
            pacer.run(this::started);   // at once: no wait
            pacer.run(this::started);   // its start is 1.1 s later; woken 0.5 s after it, it reserves again
            assertThat(reserved).hasSize(3);
            assertThat(starts.get(1)).isEqualTo(reserved.get(2)).isNotEqualTo(reserved.get(1));
            assertThat(Duration.between(starts.get(0), starts.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void withoutTheScheduleItPacesAloneAtItsShareAndReturnsToItLater() {
        try (SendPacer pacer = pacer(clock::advance)) {
            pacer.run(this::started);
            reachable = false;
            pacer.run(this::started);
            pacer.run(this::started);
            assertThat(pacer.mode()).isEqualTo(SendPacer.Mode.FALLBACK);
            assertThat(pacer.ratePerSecond()).isEqualTo(0.5);
            assertThat(Duration.between(starts.get(1), starts.get(2))).as("half the rate: 2 s apart").isEqualTo(Duration.ofSeconds(2));

            reachable = true;
            clock.advance(SendPacer.RETRY_SHARED_AFTER);
            pacer.run(this::started);
            assertThat(pacer.mode()).isEqualTo(SendPacer.Mode.SHARED);
            assertThat(reserved).hasSize(2).last().isEqualTo(starts.get(3));
        }
    }
}
