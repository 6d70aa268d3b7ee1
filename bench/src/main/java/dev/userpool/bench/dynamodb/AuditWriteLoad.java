package dev.userpool.bench.dynamodb;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.EventFacts;
import dev.userpool.core.event.Outcome;
import dev.userpool.dynamodb.AuditItemMapper;
import dev.userpool.dynamodb.AuditLogOptions;
import dev.userpool.dynamodb.AuditTable;
import dev.userpool.dynamodb.DeliveryStatistics;
import dev.userpool.dynamodb.DynamoDbAuditLog;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Audit events recorded per second against dynalite, with the adapter's batching ({@code record}:
 * buffered, {@code BatchWriteItem} of up to 25) and with one {@code PutItem} per event, from the same
 * number of threads for the same time; and the requests sent per event. It starts dynalite itself on a
 * free 127.0.0.1 port (in memory) and stops it at the end; every run is bounded in time and events.
 *
 * <pre>
 * AuditWriteLoad [--mode both|batched|put-item] [--threads 64] [--seconds 10] [--warmup 3]
 *                [--max-events 500000] [--emulator-dir adapters-dynamodb/src/test/emulator]
 * </pre>
 */
public final class AuditWriteLoad {
    private static final PrintStream OUT = System.out;

    private record Result(String mode, int threads, double seconds, long events, long requests, long spooled,
                          long[] latencyNanos) {
        void print() {
            Arrays.sort(latencyNanos);
            OUT.printf(Locale.ROOT, "mode=%-8s threads=%d seconds=%.1f events=%d events/s=%.0f requests=%d"
                            + " requests/event=%.3f spooled=%d latency p50=%.1f ms p99=%.1f ms max=%.1f ms%n",
                    mode, threads, seconds, events, events / seconds, requests, (double) requests / Math.max(1, events),
                    spooled, percentile(0.50), percentile(0.99), percentile(1.0));
        }

        private double percentile(double p) {
            if (latencyNanos.length == 0) return 0;
            int i = (int) Math.min(latencyNanos.length - 1, Math.ceil(p * latencyNanos.length) - 1);
            return latencyNanos[Math.max(0, i)] / 1e6;
        }
    }

    /** One way of storing an event, timed per call. */
    @FunctionalInterface
    private interface Recorder {
        void record(AuditEvent event);
    }

    private AuditWriteLoad() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        String mode = opts.getOrDefault("mode", "both");
        int threads = Integer.parseInt(opts.getOrDefault("threads", "64"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "10"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "3"));
        long maxEvents = Long.parseLong(opts.getOrDefault("max-events", "500000"));
        Path emulator = Path.of(opts.getOrDefault("emulator-dir", "adapters-dynamodb/src/test/emulator")).toAbsolutePath();
        if (threads < 1 || threads > 512 || seconds < 1 || seconds > 120 || warmup < 0 || warmup > 60) {
            throw new IllegalArgumentException("threads 1-512, seconds 1-120, warmup 0-60");
        }
        // Keep-alive for every thread's connection, so that the one-put-per-event run is not slowed by reconnecting.
        System.setProperty("http.maxConnections", Integer.toString(Math.max(5, threads)));

        int port = freePort();
        Process dynalite = new ProcessBuilder("node", "node_modules/dynalite/cli.js", "--host", "127.0.0.1",
                "--port", Integer.toString(port)).directory(emulator.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (DynamoDbClient client = client(URI.create("http://127.0.0.1:" + port))) {
            awaitPort(port, dynalite);
            OUT.printf(Locale.ROOT, "dynalite on 127.0.0.1:%d; %d threads, %d s warm-up, %d s measured, at most %d events%n",
                    port, threads, warmup, seconds, maxEvents);
            if (mode.equals("both") || mode.equals("put-item")) {
                putItem(client, threads, warmup, seconds, maxEvents).print();
            }
            if (mode.equals("both") || mode.equals("batched")) {
                batched(client, threads, warmup, seconds, maxEvents).print();
            }
        } finally {
            dynalite.descendants().forEach(ProcessHandle::destroy);
            dynalite.destroy();
            dynalite.waitFor();
        }
    }

    private static Result batched(DynamoDbClient client, int threads, int warmup, int seconds, long maxEvents)
            throws Exception {
        String table = "bench-batched";
        new AuditTable(client, table).createIfMissing(Duration.ofSeconds(30));
        Path spool = Files.createTempDirectory("audit-bench-spool-");
        try (DynamoDbAuditLog log = new DynamoDbAuditLog(client, AuditLogOptions.defaults(table, spool), Clock.systemUTC())) {
            run(threads, warmup, log::record, maxEvents);
            DeliveryStatistics before = log.statistics();
            Run measured = run(threads, seconds, log::record, maxEvents);
            DeliveryStatistics after = log.statistics();
            return new Result("batched", threads, measured.seconds(), measured.events(),
                    after.writeRequests() - before.writeRequests(), after.eventsSpooled() - before.eventsSpooled(),
                    measured.latencies());
        }
    }

    private static Result putItem(DynamoDbClient client, int threads, int warmup, int seconds, long maxEvents) {
        String table = "bench-put-item";
        new AuditTable(client, table).createIfMissing(Duration.ofSeconds(30));
        AuditItemMapper mapper = new AuditItemMapper(AuditLogOptions.DEFAULT_SHARDS, AuditLogOptions.DEFAULT_RETENTION);
        Recorder put = e -> client.putItem(p -> p.tableName(table).item(mapper.toItem(e)));
        run(threads, warmup, put, maxEvents);
        Run measured = run(threads, seconds, put, maxEvents);
        return new Result("put-item", threads, measured.seconds(), measured.events(), measured.events(), 0,
                measured.latencies());
    }

    private record Run(double seconds, long events, long[] latencies) {}

    /** {@code threads} threads record one event after the other until the time or the event budget is spent. */
    private static Run run(int threads, int seconds, Recorder recorder, long maxEvents) {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        LongAdder events = new LongAdder();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long[] latencies = new long[200_000];
            int[] count = new int[1];
            perThread.add(latencies);
            counts.add(count);
            String user = "bench-user-" + t;
            Thread worker = new Thread(() -> {
                for (int i = 0; System.nanoTime() < end && events.sum() < maxEvents; i++) {
                    AuditEvent e = event(user, i);
                    long before = System.nanoTime();
                    recorder.record(e);
                    if (count[0] < latencies.length) latencies[count[0]++] = System.nanoTime() - before;
                    events.increment();
                }
            }, "bench-recorder-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ie);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int total = counts.stream().mapToInt(c -> c[0]).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts.get(t)[0]);
            at += counts.get(t)[0];
        }
        return new Run(elapsed, events.sum(), all);
    }

    /** A realistic event: a sign-in with a request context, about the size the app records. */
    private static AuditEvent event(String user, int i) {
        return new AuditEvent(AuditEventType.SIGN_IN, new EventFacts(UUID.randomUUID(), Instant.now(), Outcome.SUCCESS,
                Optional.empty(), Optional.of(new UserId(user)), user + "@example.com", Actor.user(), Optional.empty(),
                new RequestContext("req-" + i, Optional.of("127.0.0.1"),
                        Optional.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"))));
    }

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(Duration.ofSeconds(3)).apiCallTimeout(Duration.ofSeconds(8))
                        .retryStrategy(r -> r.maxAttempts(3)))
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("dynalite exited with " + process.exitValue());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("dynalite did not listen on port " + port);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("expected --name value: " + args[i]);
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }
}
