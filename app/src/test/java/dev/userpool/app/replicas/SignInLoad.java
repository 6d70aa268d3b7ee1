package dev.userpool.app.replicas;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load of REST sign-ins through the load balancer: one thread per account, each signing in
 * again and again with a short pause, for a fixed time. Every request carries its own
 * {@code X-Request-Id}, which the app writes into the request's audit event, so each answer can be
 * matched with its event afterwards. Small on purpose: a proof of correctness, not a benchmark.
 */
final class SignInLoad {
    /** One sign-in: when it was sent and answered, its status (0: no answer at all), and who served it. */
    record Attempt(String requestId, String email, Instant sent, Instant answered, int status, String servedBy) {
        boolean succeeded() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return requestId + " " + status + " from " + servedBy + " sent " + sent + " answered " + answered;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI signIn;
    private final Duration pause;
    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();

    SignInLoad(URI loadBalancer, Duration pause) {
        this.signIn = loadBalancer.resolve("/api/signin");
        this.pause = pause;
    }

    /** Starts one thread per account, each signing in until {@code until}. */
    void start(Map<String, String> passwordsByEmail, Instant until) {
        passwordsByEmail.forEach((email, password) -> {
            Thread thread = new Thread(() -> signInUntil(email, password, until), "sign-in-load-" + email);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        });
    }

    /** Waits for every thread; each ends at its deadline or after its last request's timeout. */
    List<Attempt> await() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(60).toMillis());
            if (thread.isAlive()) throw new AssertionError(thread.getName() + " still runs a minute after its deadline");
        }
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    private void signInUntil(String email, String password, Instant until) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String body = json(Map.of("email", email, "password", password));
        while (Instant.now().isBefore(until)) {
            String requestId = "load-" + ids.incrementAndGet();
            HttpRequest request = HttpRequest.newBuilder(signIn).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").header("X-Request-Id", requestId)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            Instant sent = Instant.now();
            int status;
            String servedBy;
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                servedBy = response.headers().firstValue(HaProxy.SERVED_BY).orElse("none");
            } catch (IOException noAnswer) {
                status = 0;
                servedBy = "none";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            attempts.add(new Attempt(requestId, email, sent, Instant.now(), status, servedBy));
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
