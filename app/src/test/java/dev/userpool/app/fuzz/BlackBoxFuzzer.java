package dev.userpool.app.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A black-box fuzzer for a running app, over HTTP only: mutated requests for every REST route and every
 * Cognito operation from {@link RequestTemplates}, malformed raw HTTP on a socket, bursts of 50 at once,
 * and bursts on one account (sign-in right and wrong, change password, delete, global sign-out, refresh,
 * through both APIs at the same moment).
 *
 * <p>A failure is: an answer 500 or above (except a deliberate 503 with {@code Retry-After}, or the HTTP
 * parser's 505 to a malformed raw request line), an answer slower than {@link #SLOW}, no answer at all,
 * or the process dying. Each failure is kept with what was sent and what came back, grouped by status and
 * route, so a known failure (another engineer's fix pending) stays visible on its own line.
 *
 * <p>What each worker sends follows from the seed; with several workers, their interleaving does not.
 */
final class BlackBoxFuzzer {
    static final Duration SLOW = Duration.ofSeconds(5);
    static final int WORKERS = 4;
    static final int BURST = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer that fails the run. */
    record Failure(String what, String request, int status, long millis, String answer) {
        String key() {
            return (status == 0 ? "no answer" : Integer.toString(status)) + " " + what;
        }
    }

    /** What a run did and found. */
    static final class Report {
        final AtomicLong requests = new AtomicLong();
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> failureCounts = new ConcurrentHashMap<>();
        final Map<String, Failure> firstFailure = new ConcurrentHashMap<>();
        final AtomicLong slowest = new AtomicLong();
        volatile boolean processDied;

        void count(int status, long millis) {
            requests.incrementAndGet();
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            slowest.accumulateAndGet(millis, Math::max);
        }

        void fail(Failure f) {
            failureCounts.computeIfAbsent(f.key(), k -> new AtomicLong()).incrementAndGet();
            firstFailure.putIfAbsent(f.key(), f);
        }

        boolean clean() {
            return failureCounts.isEmpty() && !processDied;
        }

        String summary() {
            StringBuilder s = new StringBuilder();
            s.append(requests.get()).append(" requests; statuses ").append(new java.util.TreeMap<>(statuses))
                    .append("; slowest ").append(slowest.get()).append(" ms");
            if (processDied) s.append("\nTHE PROCESS DIED");
            failureCounts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                Failure f = firstFailure.get(e.getKey());
                s.append("\nFAILURE ×").append(e.getValue()).append(": ").append(e.getKey()).append(" (").append(f.millis())
                        .append(" ms)\n  sent: ").append(abbreviate(f.request(), 400)).append("\n  got:  ")
                        .append(abbreviate(f.answer(), 400));
            });
            return s.toString();
        }
    }

    private final URI base;
    private final long seed;
    private final BooleanSupplier alive;
    private final HttpClient http;
    private final Report report = new Report();
    private final Accounts accounts;

    BlackBoxFuzzer(URI base, long seed, BooleanSupplier alive) {
        this.base = base;
        this.seed = seed;
        this.alive = alive;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).executor(Executors.newCachedThreadPool(daemon("fuzz-http"))).build();
        this.accounts = new Accounts();
    }

    Report report() {
        return report;
    }

    /** Fuzzes for {@code duration}: {@link #WORKERS} workers, a burst of 50 and an account burst every few seconds. */
    Report run(Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS + 1, daemon("fuzz-worker"));
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            Random random = new Random(seed * 31 + w);
            running.add(workers.submit(() -> {
                while (System.nanoTime() < end && !report.processDied) one(random);
                return null;
            }));
        }
        Random bursts = new Random(seed * 31 + WORKERS);
        running.add(workers.submit(() -> {
            int n = 0;
            while (System.nanoTime() < end && !report.processDied) {
                if (n++ % 2 == 0) burst(bursts);
                else accountBurst(bursts);
                checkAlive();
                Thread.sleep(2_000);
            }
            return null;
        }));
        for (Future<?> f : running) {
            try {
                f.get(duration.toMillis() + 120_000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                report.fail(new Failure("fuzzer itself", "-", 0, 0, String.valueOf(e)));
            }
        }
        workers.shutdownNow();
        checkAlive();
        return report;
    }

    private void checkAlive() {
        if (!alive.getAsBoolean()) report.processDied = true;
    }

    /** One mutated request from any template, or a malformed raw one. */
    private void one(Random random) {
        if (random.nextInt(10) == 0) {
            RawRequests.Raw raw = RawRequests.any(random, base);
            send(raw);
            return;
        }
        send(RequestTemplates.mutated(random, accounts.any(random)));
    }

    /** 50 requests at the same moment. */
    private void burst(Random random) throws InterruptedException {
        List<RequestTemplates.Request> requests = new ArrayList<>();
        Accounts.Account account = accounts.any(random);
        for (int i = 0; i < BURST; i++) requests.add(RequestTemplates.mutated(random, account));
        all(requests);
    }

    /** Everything that touches one account's password and sessions, at once, through both APIs. */
    private void accountBurst(Random random) throws InterruptedException {
        Accounts.Account a = accounts.fresh();
        if (a == null) return;
        all(RequestTemplates.onOneAccount(random, a));
        accounts.retire(a);
    }

    private void all(List<RequestTemplates.Request> requests) throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests.size(), daemon("fuzz-burst"));
        for (RequestTemplates.Request r : requests) {
            pool.submit(() -> {
                gate.await();
                send(r);
                return null;
            });
        }
        gate.countDown();
        pool.shutdown();
        if (!pool.awaitTermination(TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS)) {
            report.fail(new Failure("burst", requests.size() + " requests", 0, 0, "did not finish"));
            pool.shutdownNow();
        }
    }

    void send(RequestTemplates.Request r) {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(base.resolve(r.pathAndQuery())).timeout(TIMEOUT)
                    .method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
            r.headers().forEach(b::header);
        } catch (IllegalArgumentException e) {
            return;   // not sendable by this client; the raw requests cover such bytes
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            judge(r.what(), r.describe(), response.statusCode(), millis, response.body(),
                    response.headers().firstValue("Retry-After").isPresent(), false);
        } catch (HttpTimeoutException e) {
            report.fail(new Failure(r.what(), r.describe(), 0, TIMEOUT.toMillis(), "no answer within " + TIMEOUT.toSeconds() + " s"));
        } catch (IOException e) {
            checkAlive();
            if (report.processDied) report.fail(new Failure(r.what(), r.describe(), 0, 0, "the process died: " + e));
            // otherwise the server closed a connection it refused to read (a body too large): not an answer to judge
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void send(RawRequests.Raw raw) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(raw.bytes());
                out.flush();
                socket.shutdownOutput();
            } catch (IOException refusedMidway) {
                // the server may answer and close before reading everything (431, 413): read what it said
            }
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(4096);
            long millis = (System.nanoTime() - start) / 1_000_000;
            String text = new String(head, StandardCharsets.ISO_8859_1);
            Matcher m = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(text);
            if (!m.find()) {
                report.count(0, millis);   // closed without an answer: Jetty does this for some garbage
                return;
            }
            int status = Integer.parseInt(m.group(1));
            judge("raw " + raw.what(), raw.describe(), status, millis, text, text.toLowerCase().contains("\nretry-after:"), true);
        } catch (java.net.SocketTimeoutException e) {
            report.fail(new Failure("raw " + raw.what(), raw.describe(), 0, TIMEOUT.toMillis(), "no answer within " + TIMEOUT.toSeconds() + " s"));
        } catch (IOException e) {
            checkAlive();
            if (report.processDied) report.fail(new Failure("raw " + raw.what(), raw.describe(), 0, 0, "the process died: " + e));
        }
    }

    private void judge(String what, String request, int status, long millis, String body, boolean retryAfter, boolean raw) {
        report.count(status, millis);
        boolean deliberate = (status == 503 || status == 429) && retryAfter;
        boolean parserRefusal = raw && status == 505;   // Jetty's answer to a request line it cannot read (issue 18, cause 4)
        if (status >= 500 && !deliberate && !parserRefusal) {
            report.fail(new Failure(what, request, status, millis, body));
        } else if (millis > SLOW.toMillis()) {
            report.fail(new Failure(what + " slower than " + SLOW.toSeconds() + " s", request, status, millis, abbreviate(body, 200)));
        }
    }

    /** Accounts the templates act on, made through the REST API with codes from the development mailbox. */
    final class Accounts {
        record Account(String email, String password, String access, String id, String refresh) {}

        private final List<Account> pool = new ArrayList<>();
        private final AtomicLong made = new AtomicLong();

        Accounts() {
            for (int i = 0; i < 4; i++) {
                Account a = fresh();
                if (a != null) pool.add(a);
            }
        }

        synchronized Account any(Random random) {
            if (pool.isEmpty()) return new Account("nobody@example.com", RequestTemplates.PASSWORD, "x", "x", "x");
            return pool.get(random.nextInt(pool.size()));
        }

        /** Replaces a spent account with a new one. */
        void retire(Account a) {
            Account next = fresh();
            synchronized (this) {
                if (next != null && !pool.isEmpty()) pool.set((int) (made.get() % pool.size()), next);
            }
        }

        Account fresh() {
            String email = account(made.incrementAndGet());
            try {
                String signUp = "{\"email\":\"" + email + "\",\"password\":\"" + RequestTemplates.PASSWORD + "\"}";
                if (post("/api/signup", signUp).statusCode() != 201) return null;
                String mailbox = http.send(HttpRequest.newBuilder(base.resolve("/api/dev/mailbox?to="
                        + URLEncoder.encode(email, StandardCharsets.UTF_8))).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = SIX_DIGITS.matcher(mailbox);
                if (!m.find()) return null;
                post("/api/confirm", "{\"email\":\"" + email + "\",\"code\":\"" + m.group(1) + "\"}");
                HttpResponse<String> signIn = post("/api/signin", signUp);
                if (signIn.statusCode() != 200) return null;
                JsonNode tokens = JSON.readTree(signIn.body());
                return new Account(email, RequestTemplates.PASSWORD, tokens.path("accessToken").asText(),
                        tokens.path("idToken").asText(), tokens.path("refreshToken").asText());
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The n-th account's address; the first {@link #ADMINS} are admins when the app is started with {@link #adminEmails}. */
    static String account(long n) {
        return "blackbox-" + n + "@example.com";
    }

    static final int ADMINS = 400;

    static String adminEmails() {
        return java.util.stream.LongStream.rangeClosed(1, ADMINS).mapToObj(BlackBoxFuzzer::account)
                .collect(java.util.stream.Collectors.joining(","));
    }

    static String abbreviate(String text, int max) {
        if (text == null) return "";
        String one = text.replace("\r", "\\r").replace("\n", "\\n");
        return one.length() <= max ? one : one.substring(0, max) + "… (" + one.length() + " chars)";
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
