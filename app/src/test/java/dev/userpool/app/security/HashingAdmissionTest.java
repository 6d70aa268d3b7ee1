package dev.userpool.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A flood of 500 concurrent sign-ins meets a fixed pool of hashing threads with a bounded queue: what
 * does not fit is refused at once with 429 {@code TooManyRequests} and {@code Retry-After}, nothing
 * answers 5xx, and {@code /health} keeps answering quickly throughout.
 *
 * <p>Before the fix (commit 6e938da) every request thread waited for a hashing slot without bound: no
 * sign-in was refused (0 answers 429) and {@code /health} waited behind the flood for seconds.
 */
class HashingAdmissionTest {
    private static final Logger LOG = LoggerFactory.getLogger(HashingAdmissionTest.class);
    private static final int FLOOD = 500;

    @Test
    void aFloodIsShedAndHealthStaysQuick() throws Exception {
        try (RunningApp app = RunningApp.start(Map.of("USERPOOL_HASH_CONCURRENCY", "2", "USERPOOL_HASH_QUEUE", "64"))) {
            ApiClient api = new ApiClient(app.baseUrl());
            String email = SecurityFixture.confirmedUser(api, "flood");
            HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest health = HttpRequest.newBuilder(app.url("/health")).timeout(Duration.ofSeconds(30)).build();
            probe.send(health, HttpResponse.BodyHandlers.discarding());   // a warm connection, as a monitor has

            ExecutorService pool = Executors.newFixedThreadPool(FLOOD);
            List<Long> healthMillis = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean flooding = new AtomicBoolean(true);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<ApiClient.Response>> answers = new ArrayList<>();
                for (int i = 0; i < FLOOD; i++) {
                    // Unknown and wrong passwords alike: every one costs a hash, none locks the account for good.
                    String who = i % 2 == 0 ? email : SecurityFixture.address("nobody");
                    answers.add(pool.submit(() -> {
                        go.await();
                        return api.post("/api/signin", Map.of("email", who, "password", "Wrong-Horse-9!"));
                    }));
                }
                Thread prober = new Thread(() -> {
                    while (flooding.get()) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<Void> r = probe.send(health, HttpResponse.BodyHandlers.discarding());
                            if (r.statusCode() == 200) healthMillis.add((System.nanoTime() - t0) / 1_000_000);
                            Thread.sleep(20);
                        } catch (Exception e) {
                            return;
                        }
                    }
                });
                go.countDown();
                prober.start();
                List<ApiClient.Response> done = new ArrayList<>();
                for (Future<ApiClient.Response> f : answers) done.add(f.get());
                flooding.set(false);
                prober.join();

                assertThat(done).allSatisfy(r -> assertThat(r.status()).as(r.text()).isIn(401, 429));
                List<ApiClient.Response> shed = done.stream().filter(r -> r.status() == 429).toList();
                assertThat(shed).as("sign-ins refused for load").isNotEmpty();
                assertThat(shed).allSatisfy(r -> {
                    assertThat(r.code()).isEqualTo("TooManyRequests");
                    assertThat(r.raw().headers().firstValue("Retry-After")).contains("1");
                });
                List<Long> sorted = healthMillis.stream().sorted().toList();
                LOG.info("500 sign-ins at once: {} shed with 429; /health answered {} times during the flood,"
                        + " median {} ms, max {} ms", shed.size(), sorted.size(), sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2),
                        sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));
                assertThat(sorted).as("/health probes during the flood").isNotEmpty();
                assertThat(sorted.get(sorted.size() / 2)).as("median /health time (ms) during the flood").isLessThan(200);
                // The issue asks for 50 ms on a quiet machine, a few hundred on a loaded 2-core one; the slowest
                // single probe is logged, not asserted: one GC pause or a neighbour's burst decides it.
                assertThat(sorted.get(sorted.size() * 9 / 10)).as("90th percentile /health time (ms) during the flood").isLessThan(750);
            } finally {
                flooding.set(false);
                pool.shutdownNow();
            }
        }
    }
}
