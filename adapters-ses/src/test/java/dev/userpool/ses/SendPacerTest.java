package dev.userpool.ses;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pacing queue on its own. Time is a {@link MutableClock} that the pacer's sleeper moves, so the
 * pacing is measured on that clock: the assertions never wait for real seconds.
 */
class SendPacerTest {
    private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
    private final List<Instant> starts = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<SendPacer> pacers = new ArrayList<>();

    @AfterEach
    void stop() {
        pacers.forEach(SendPacer::close);
        callers.shutdownNow();
    }

    private SendPacer pacer(double rate, int capacity) {
        SendPacer pacer = new SendPacer(rate, capacity, clock, clock::advance);
        pacers.add(pacer);
        return pacer;
    }

    private String started(String name) {
        starts.add(clock.instant());
        return name;
    }

    @Test
    void nCallsAtOnePerSecondTakeAtLeastNMinusOneSeconds() {
        SendPacer pacer = pacer(1, 10);

        for (int i = 0; i < 6; i++) {
            int n = i;
            assertThat(pacer.run(() -> started("call " + n))).isEqualTo("call " + n);
        }

        assertThat(Duration.between(starts.get(0), starts.get(5))).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertGapsAtLeast(Duration.ofSeconds(1));
    }

    @Test
    void aHigherRateShortensTheGapButNeverBelowIt() {
        SendPacer pacer = pacer(4, 10);

        for (int i = 0; i < 5; i++) pacer.run(() -> started("x"));

        assertGapsAtLeast(Duration.ofMillis(250));
        assertThat(Duration.between(starts.get(0), starts.get(4))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRateBelowOneSpacesCallsFurther() {
        SendPacer pacer = pacer(0.5, 10);

        for (int i = 0; i < 3; i++) pacer.run(() -> started("x"));

        assertGapsAtLeast(Duration.ofSeconds(2));
    }

    @Test
    void callersAtTheSameTimeAreStillSpacedOut() throws Exception {
        SendPacer pacer = pacer(1, 20);
        List<Future<String>> results = new ArrayList<>();

        for (int i = 0; i < 8; i++) results.add(callers.submit(() -> pacer.run(() -> started("x"))));
        for (Future<String> f : results) f.get(10, TimeUnit.SECONDS);

        assertThat(starts).hasSize(8);
        assertGapsAtLeast(Duration.ofSeconds(1));
    }

    @Test
    void theMeasurementWouldSeeCallsThatAreNotPaced() {
        SendPacer fast = pacer(1000, 10);

        for (int i = 0; i < 3; i++) fast.run(() -> started("x"));

        assertThat(Duration.between(starts.get(0), starts.get(2))).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aTimeWithoutCallsNeedsNoWaiting() {
        SendPacer pacer = pacer(1, 10);
        pacer.run(() -> started("first"));
        clock.advance(Duration.ofSeconds(5));
        Instant before = clock.instant();

        pacer.run(() -> started("second"));

        assertThat(starts.get(1)).isEqualTo(before);
    }

    @Test
    void aFullQueueRefusesAtOnceWithTooManyRequests() throws Exception {
        SendPacer pacer = pacer(1, 2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Future<String> first = callers.submit(() -> pacer.run(() -> {
            running.countDown();
            await(release);
            return started("first");
        }));
        running.await(5, TimeUnit.SECONDS);
        Future<String> second = callers.submit(() -> pacer.run(() -> started("second")));
        Future<String> third = callers.submit(() -> pacer.run(() -> started("third")));
        awaitWaiting(pacer, 2);

        UserPoolException refused = assertRefused(() -> pacer.run(() -> started("fourth")), ErrorCode.TOO_MANY_REQUESTS);

        assertThat(refused.getMessage()).contains("try again");
        release.countDown();
        assertThat(List.of(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS), third.get(5, TimeUnit.SECONDS)))
                .containsExactly("first", "second", "third");
        assertThat(starts).hasSize(3);
    }

    @Test
    void closingRunsEveryQueuedCallThenRefusesNewOnes() throws Exception {
        SendPacer pacer = pacer(1, 5);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        List<Future<String>> queued = new ArrayList<>();
        queued.add(callers.submit(() -> pacer.run(() -> {
            running.countDown();
            await(release);
            return started("first");
        })));
        running.await(5, TimeUnit.SECONDS);
        for (int i = 0; i < 3; i++) queued.add(callers.submit(() -> pacer.run(() -> started("queued"))));
        awaitWaiting(pacer, 3);

        Future<?> closing = callers.submit(pacer::close);
        release.countDown();
        closing.get(10, TimeUnit.SECONDS);

        for (Future<String> f : queued) assertThat(f.get(1, TimeUnit.SECONDS)).isIn("first", "queued");
        assertThat(starts).hasSize(4);
        assertGapsAtLeast(Duration.ofSeconds(1));
        assertRefused(() -> pacer.run(() -> started("late")), ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(starts).hasSize(4);
    }

    @Test
    void aCallersOwnFailureComesBackToThatCaller() {
        SendPacer pacer = pacer(1, 5);

        assertRefused(() -> pacer.run(() -> {
            throw new UserPoolException(ErrorCode.LIMIT_EXCEEDED, "no room");
        }), ErrorCode.LIMIT_EXCEEDED);
        assertThat(pacer.run(() -> "next one runs")).isEqualTo("next one runs");
    }

    private void assertGapsAtLeast(Duration gap) {
        List<Instant> seen = List.copyOf(starts);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(Duration.between(seen.get(i - 1), seen.get(i))).as("gap before call %d", i).isGreaterThanOrEqualTo(gap);
        }
    }

    private static void awaitWaiting(SendPacer pacer, int n) throws InterruptedException {
        for (int i = 0; i < 500 && pacer.waiting() < n; i++) Thread.sleep(10);
        assertThat(pacer.waiting()).isEqualTo(n);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
