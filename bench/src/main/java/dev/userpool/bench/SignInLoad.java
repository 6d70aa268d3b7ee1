package dev.userpool.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, bounded load client for {@code POST /api/signin}: N threads (default 8), each sending one
 * request after the other on its own connection, until the duration is over or the request budget is
 * spent, whichever comes first. It prints requests/s, latency percentiles and the error count.
 *
 * <p>It talks only to 127.0.0.1: any other host in {@code --base-url} is refused before a request is sent.
 *
 * <pre>
 * SignInLoad register --base-url http://127.0.0.1:PORT --email E --password P
 * SignInLoad load     --base-url http://127.0.0.1:PORT --email E --password P
 *                     [--threads 8] [--duration 30] [--max-requests 20000] [--label run] [--users 1]
 * </pre>
 * {@code register} signs the user up, reads the code from the development mailbox and confirms it.
 * With {@code --users N} (N &gt; 1) both work on N accounts, {@code name-1@domain} … {@code name-N@domain}
 * for {@code --email name@domain}, and the load takes them in turn (a diagnosis: the per-user session rows
 * then grow N times slower).
 */
public final class SignInLoad {
    private static final Pattern TEXT_BODY_CODE = Pattern.compile("\"textBody\"\\s*:\\s*\"[^\"]*?\\b(\\d{6})\\b");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    private SignInLoad(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || (!args[0].equals("register") && !args[0].equals("load"))) {
            usage("first argument must be 'register' or 'load'");
        }
        Map<String, String> opts = options(Arrays.copyOfRange(args, 1, args.length));
        URI base = loopbackOnly(require(opts, "base-url"));
        String email = require(opts, "email");
        String password = require(opts, "password");
        SignInLoad client = new SignInLoad(base);
        int users = Integer.parseInt(opts.getOrDefault("users", "1"));
        if (users < 1 || users > 1000) usage("--users must be 1..1000");
        List<String> emails = new ArrayList<>();
        if (users == 1) {
            emails.add(email);
        } else {
            int at = email.indexOf('@');
            if (at < 1) usage("--email must be name@domain");
            for (int i = 1; i <= users; i++) emails.add(email.substring(0, at) + "-" + i + email.substring(at));
        }
        if (args[0].equals("register")) {
            for (String e : emails) client.register(e, password);
        } else {
            int threads = Integer.parseInt(opts.getOrDefault("threads", "8"));
            double seconds = Double.parseDouble(opts.getOrDefault("duration", "30"));
            long maxRequests = Long.parseLong(opts.getOrDefault("max-requests", "20000"));
            if (threads < 1 || threads > 64) usage("--threads must be 1..64");
            if (seconds <= 0 || seconds > 600) usage("--duration must be in (0, 600] seconds");
            if (maxRequests < 1 || maxRequests > 1_000_000) usage("--max-requests must be 1..1000000");
            Result r = client.load(emails, password, threads, Duration.ofMillis((long) (seconds * 1000)), maxRequests);
            r.print(opts.getOrDefault("label", "load"), threads);
            if (r.ok == 0) System.exit(1);
        }
    }

    /** The base URL, if its host is 127.0.0.1; the load must never leave this machine. */
    static URI loopbackOnly(String url) {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) || !"127.0.0.1".equals(uri.getHost()) || uri.getPort() < 1) {
            usage("--base-url must be http://127.0.0.1:PORT (this client talks only to loopback), not " + url);
        }
        try {
            if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) usage("not a loopback address: " + url);
        } catch (IOException e) {
            usage("cannot resolve " + uri.getHost());
        }
        return URI.create("http://127.0.0.1:" + uri.getPort());
    }

    private void register(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> signUp = post("/api/signup", credentials(email, password));
        if (signUp.statusCode() != 201) fail("sign-up answered " + signUp.statusCode() + ": " + signUp.body());
        String code = null;
        for (int attempt = 0; attempt < 50 && code == null; attempt++) {
            HttpResponse<String> mailbox = http.send(HttpRequest.newBuilder(
                            base.resolve("/api/dev/mailbox?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8)))
                    .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (mailbox.statusCode() != 200) fail("mailbox answered " + mailbox.statusCode() + ": " + mailbox.body());
            Matcher m = TEXT_BODY_CODE.matcher(mailbox.body());
            if (m.find()) code = m.group(1);
            else Thread.sleep(100);
        }
        if (code == null) fail("no 6-digit code arrived in the mailbox for " + email);
        HttpResponse<String> confirm = post("/api/confirm",
                "{\"email\":" + json(email) + ",\"code\":" + json(code) + "}");
        if (confirm.statusCode() != 200) fail("confirm answered " + confirm.statusCode() + ": " + confirm.body());
        HttpResponse<String> signIn = post("/api/signin", credentials(email, password));
        if (signIn.statusCode() != 200 || !signIn.body().contains("\"accessToken\"")) {
            fail("sign-in answered " + signIn.statusCode() + ": " + signIn.body());
        }
        System.out.println("registered and confirmed " + email + "; sign-in works");
    }

    private Result load(List<String> emails, String password, int threads, Duration duration, long maxRequests)
            throws InterruptedException {
        List<HttpRequest> requests = emails.stream().map(email -> HttpRequest.newBuilder(base.resolve("/api/signin"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials(email, password)))
                .build()).toList();
        AtomicLong budget = new AtomicLong(maxRequests);
        LongAdder ok = new LongAdder();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int i = 0; i < threads; i++) {
            long[][] mine = {new long[1024]};
            int[] count = {0};
            Thread t = new Thread(() -> {
                long n;
                while (System.nanoTime() < deadline && (n = budget.getAndDecrement()) > 0) {
                    HttpRequest request = requests.get((int) (n % requests.size()));
                    long t0 = System.nanoTime();
                    String error = null;
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) error = "HTTP " + r.statusCode() + " " + problemCode(r.body());
                        else if (!r.body().contains("\"accessToken\"")) error = "HTTP 200 without tokens";
                    } catch (IOException e) {
                        error = e.getClass().getSimpleName();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long elapsed = System.nanoTime() - t0;
                    if (error == null) ok.increment();
                    else errors.computeIfAbsent(error, k -> new LongAdder()).increment();
                    if (count[0] == mine[0].length) mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
                    mine[0][count[0]++] = elapsed;
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine[0], count[0]));
                }
            }, "signin-load-" + i);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) t.join();
        long wall = System.nanoTime() - start;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
        return new Result(all, ok.sum(), errorCounts, wall);
    }

    private record Result(long[] sortedLatencies, long ok, Map<String, Long> errors, long wallNanos) {
        long requests() {
            return sortedLatencies.length;
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        double percentileMillis(double p) {
            if (sortedLatencies.length == 0) return Double.NaN;
            int rank = (int) Math.ceil(p / 100.0 * sortedLatencies.length) - 1; // nearest-rank
            return sortedLatencies[Math.max(0, Math.min(rank, sortedLatencies.length - 1))] / 1e6;
        }

        void print(String label, int threads) {
            double seconds = wallNanos / 1e9;
            System.out.printf(Locale.ROOT, "[%s] threads=%d wall=%.2fs requests=%d ok=%d errors=%d%n",
                    label, threads, seconds, requests(), ok, errorCount());
            System.out.printf(Locale.ROOT, "[%s] throughput: %.1f requests/s (successful: %.1f/s)%n",
                    label, requests() / seconds, ok / seconds);
            System.out.printf(Locale.ROOT, "[%s] latency ms: p50=%.1f p90=%.1f p99=%.1f max=%.1f%n", label,
                    percentileMillis(50), percentileMillis(90), percentileMillis(99), percentileMillis(100));
            if (!errors.isEmpty()) System.out.printf(Locale.ROOT, "[%s] errors: %s%n", label, errors);
        }
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String problemCode(String body) {
        Matcher m = Pattern.compile("\"code\"\\s*:\\s*\"([A-Za-z]+)\"").matcher(body);
        return m.find() ? m.group(1) : "";
    }

    private static String credentials(String email, String password) {
        return "{\"email\":" + json(email) + ",\"password\":" + json(password) + "}";
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) usage("expected --name value, got " + args[i]);
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }

    private static String require(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null || v.isBlank()) usage("--" + name + " is required");
        return v;
    }

    private static void fail(String message) {
        System.err.println("SignInLoad: " + message);
        System.exit(1);
    }

    private static void usage(String problem) {
        System.err.println("SignInLoad: " + problem);
        System.err.println("usage: SignInLoad register|load --base-url http://127.0.0.1:PORT --email E --password P"
                + " [--threads 8] [--duration SECONDS] [--max-requests N] [--label NAME] [--users N]");
        System.exit(2);
    }
}
