package dev.userpool.ses;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs calls one at a time and starts at most {@code ratePerSecond} of them per second, for the SES
 * operations that SES allows "no more than once per second" per account. A caller waits its turn in
 * a bounded queue and gets its own call's result or failure. When the queue is full the caller is
 * refused at once with {@code TooManyRequests}: back-pressure instead of a backlog that grows without
 * bound while SES can only take one a second. Closing refuses new calls and still runs every queued
 * one, so nobody who was told "wait" is dropped.
 *
 * <p>Alone ({@link Mode#LOCAL}) the pacer spaces its own calls. With a {@link SharedSchedule} the rate
 * is the account's ({@link Mode#SHARED}): each start is reserved in the schedule, which all processes
 * share. A reserved start leaves room for the worker to wake a little late ({@link #lateness}); one that
 * wakes later than that gives the start up and reserves another, so that two calls never start closer
 * than the interval, whoever makes them. While the schedule cannot be reached the pacer paces alone at
 * its share of the rate ({@link Mode#FALLBACK}), and asks the schedule again after a while.
 *
 * <p>Time is read from the injected clock and waited out with the injected {@link Sleeper}, so a test
 * can measure the pacing on a clock it moves instead of sleeping.
 */
public final class SendPacer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SendPacer.class);

    /** Waits a while. The real one sleeps; a test's one moves its clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        static Sleeper threadSleep() {
            return d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    }

    /** How the pacer paces now. */
    public enum Mode {
        /** This process alone, at the whole rate given. */
        LOCAL,
        /** Every process on the account, through the shared schedule. */
        SHARED,
        /** Alone at its share of the rate, because the shared schedule cannot be reached. */
        FALLBACK
    }

    /** How long the pacer keeps pacing alone before it asks an unreachable shared schedule again. */
    static final Duration RETRY_SHARED_AFTER = Duration.ofSeconds(15);
    private static final int MAX_LATE_WAKES = 50;

    private final Duration interval;
    private final Optional<SharedSchedule> shared;
    private final Duration fallbackInterval;
    private final Duration lateness;
    private volatile Mode mode;
    private Instant retrySharedAt = Instant.MIN;   // only the worker touches it
    private final int capacity;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ArrayDeque<Job<?>> queue = new ArrayDeque<>();
    private final Thread worker;
    private boolean closed;
    private Instant lastStart;   // only the worker touches it

    /**
     * @param ratePerSecond calls started per second at most, such as 1 (SES's limit) or 0.5 (two app
     *                      instances sharing one SES account)
     * @param capacity      calls that may wait for their turn before callers are refused
     */
    public SendPacer(double ratePerSecond, int capacity, Clock clock, Sleeper sleeper) {
        this(ratePerSecond, capacity, clock, sleeper, Optional.empty(), 1);
    }

    /**
     * @param ratePerSecond calls started per second at most by all processes sharing {@code shared}
     *                      (by this one alone when it is empty)
     * @param fallbackShare the part of the rate this process takes alone while the shared schedule cannot
     *                      be reached, such as 0.5 (above 0, at most 1)
     */
    public SendPacer(double ratePerSecond, int capacity, Clock clock, Sleeper sleeper, Optional<SharedSchedule> shared,
                     double fallbackShare) {
        if (!(ratePerSecond > 0) || ratePerSecond > 1000) {
            throw new IllegalArgumentException("ratePerSecond must be above 0 and at most 1000");
        }
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        if (!(fallbackShare > 0) || fallbackShare > 1) throw new IllegalArgumentException("fallbackShare must be above 0 and at most 1");
        // rounded up, so the rate is never exceeded
        this.interval = Duration.ofNanos((long) Math.ceil(1_000_000_000d / ratePerSecond));
        this.shared = Objects.requireNonNull(shared, "shared");
        this.fallbackInterval = Duration.ofNanos((long) Math.ceil(1_000_000_000d / (ratePerSecond * fallbackShare)));
        // room for a worker on a busy machine to wake late, at the cost of the rate: 1 s becomes 1.1 s
        this.lateness = interval.dividedBy(5).compareTo(Duration.ofMillis(100)) < 0 ? interval.dividedBy(5) : Duration.ofMillis(100);
        this.mode = shared.isPresent() ? Mode.SHARED : Mode.LOCAL;
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.worker = new Thread(this::work, "ses-send-pacer");
        worker.setDaemon(true);
        worker.start();
    }

    /** The least time between the starts of two calls. */
    public Duration interval() {
        return interval;
    }

    /** How it paces now: alone, shared, or alone because the shared schedule cannot be reached. */
    public Mode mode() {
        return mode;
    }

    /** The calls per second this process allows itself now (in {@link Mode#SHARED} all processes together). */
    public double ratePerSecond() {
        return 1_000_000_000d / (mode == Mode.FALLBACK ? fallbackInterval : interval).toNanos();
    }

    /** How late a worker may wake for a reserved start and still take it; reserved starts are this much further apart. */
    Duration lateness() {
        return lateness;
    }

    /** Calls waiting for their turn (not counting the one running). */
    public synchronized int waiting() {
        return queue.size();
    }

    /**
     * Runs {@code call} in its turn and returns its result, or throws what it threw.
     *
     * @throws UserPoolException {@code TooManyRequests} when the queue is full; {@code ServiceUnavailable} once closed
     */
    public <T> T run(Supplier<T> call) {
        Job<T> job = new Job<>(Objects.requireNonNull(call, "call"), new CompletableFuture<>());
        synchronized (this) {
            if (closed) {
                throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Email verification is shutting down; try again shortly.");
            }
            if (queue.size() >= capacity) {
                throw new UserPoolException(ErrorCode.TOO_MANY_REQUESTS,
                        "Too many verification emails are waiting to be sent; try again in a few seconds.");
            }
            queue.add(job);
            notifyAll();
        }
        return await(job);
    }

    /** Refuses new calls, runs the queued ones, then stops. */
    @Override
    public void close() {
        int left;
        synchronized (this) {
            closed = true;
            left = queue.size();
            notifyAll();
        }
        Duration bound = interval.multipliedBy(left + 1L).plusSeconds(30);
        try {
            worker.join(bound.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) LOG.warn("SES send queue did not drain within {}; {} calls left", bound, waiting());
    }

    private void work() {
        while (true) {
            Job<?> next;
            synchronized (this) {
                while (queue.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // only close() ends the worker, so that queued callers always get an answer
                    }
                }
                if (queue.isEmpty()) return;
                next = queue.poll();
            }
            awaitTurn();
            next.runNow();
        }
    }

    private void awaitTurn() {
        if (shared.isPresent() && !clock.instant().isBefore(retrySharedAt)) {
            // a worker that keeps waking too late (a machine starved for CPU) cannot keep to a shared schedule
            String why = "it cannot be reached";
            for (int tooLate = 0; tooLate < MAX_LATE_WAKES; tooLate++) {
                Optional<Instant> start = shared.get().reserve(interval.plus(lateness));
                if (start.isEmpty()) {
                    why = "it cannot be reached";
                    break;
                }
                why = "this process woke too late for " + MAX_LATE_WAKES + " reserved starts in a row";
                if (mode != Mode.SHARED) LOG.info("Pacing SES's rate-limited calls with the other processes again");
                mode = Mode.SHARED;
                sleepUntil(start.get());
                Instant now = clock.instant();
                if (!now.isAfter(start.get().plus(lateness))) {
                    lastStart = now;
                    return;
                }
                // woken too late: starting now could come too close to the next process's start
            }
            if (mode != Mode.FALLBACK) {
                LOG.warn("Not pacing SES with the other processes, as {}: pacing alone at {} calls per second for {}",
                        why, 1_000_000_000d / fallbackInterval.toNanos(), RETRY_SHARED_AFTER);
            }
            mode = Mode.FALLBACK;
            retrySharedAt = clock.instant().plus(RETRY_SHARED_AFTER);
        }
        if (lastStart != null) sleepUntil(lastStart.plus(shared.isPresent() ? fallbackInterval : interval));
        lastStart = clock.instant();
    }

    private void sleepUntil(Instant due) {
        for (Duration wait = Duration.between(clock.instant(), due); !wait.isNegative() && !wait.isZero();
             wait = Duration.between(clock.instant(), due)) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                // keep waiting: starting early would break SES's rate
            }
        }
    }

    private static <T> T await(Job<T> job) {
        try {
            return job.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while waiting to reach SES.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "SES call failed.", e.getCause());
        }
    }

    private record Job<T>(Supplier<T> call, CompletableFuture<T> result) {
        void runNow() {
            try {
                result.complete(call.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }
    }
}
