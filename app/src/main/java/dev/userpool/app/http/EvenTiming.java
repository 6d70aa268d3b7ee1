package dev.userpool.app.http;

import io.javalin.http.Handler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Answers that could tell an existing account from an unknown one (confirm, resend, forgot and reset
 * password, verification links) take at least {@link #FLOOR}, success or failure. For a known address
 * they do more work — a database write, a message queued — than for an unknown one, a difference of a
 * millisecond or two that many requests would reveal; under the floor both take the same time. A password
 * sign-in needs none: both paths spend one password hash, which dwarfs the rest; choice-based sign-in
 * ({@code USER_AUTH}), which may email a code instead, does.
 */
public final class EvenTiming {
    public static final Duration FLOOR = Duration.ofMillis(100);

    private EvenTiming() {}

    /** {@code handler}, taking at least {@link #FLOOR}. */
    public static Handler atLeastFloor(Handler handler) {
        return ctx -> {
            long started = System.nanoTime();
            try {
                handler.handle(ctx);
            } finally {
                waitOutFloor(started);
            }
        };
    }

    /**
     * {@code action}'s answer (or its exception), no sooner than {@link #FLOOR} after it began: for the
     * steps inside an API call that could tell accounts apart (the Cognito API's {@code USER_AUTH} first factors).
     */
    public static <T> T atLeastFloor(Supplier<T> action) {
        long started = System.nanoTime();
        try {
            return action.get();
        } finally {
            waitOutFloor(started);
        }
    }

    /** Sleeps until {@link #FLOOR} has passed since {@code startedNanos} (a {@link System#nanoTime} reading). */
    public static void waitOutFloor(long startedNanos) {
        long remaining = FLOOR.toNanos() - (System.nanoTime() - startedNanos);
        if (remaining <= 0) return;
        try {
            TimeUnit.NANOSECONDS.sleep(remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
