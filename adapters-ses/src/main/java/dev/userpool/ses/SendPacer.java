package dev.userpool.ses;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
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

    private final Duration interval;
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
        if (!(ratePerSecond > 0) || ratePerSecond > 1000) {
            throw new IllegalArgumentException("ratePerSecond must be above 0 and at most 1000");
        }
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        // rounded up, so the rate is never exceeded
        this.interval = Duration.ofNanos((long) Math.ceil(1_000_000_000d / ratePerSecond));
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
        if (lastStart != null) {
            Instant due = lastStart.plus(interval);
            for (Duration wait = Duration.between(clock.instant(), due); !wait.isNegative() && !wait.isZero();
                 wait = Duration.between(clock.instant(), due)) {
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    // keep waiting: starting early would break SES's rate
                }
            }
        }
        lastStart = clock.instant();
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
