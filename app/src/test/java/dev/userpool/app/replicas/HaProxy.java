package dev.userpool.app.replicas;

import dev.userpool.core.testing.LocalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * HAProxy (Debian's {@code haproxy} package, which .ci/run installs) in the foreground, on loopback, in
 * front of the given replicas: round-robin, each replica checked on {@code GET /health} every half
 * second (down after 2 failed checks, up again after 2 good ones), and every answer marked with the
 * replica that served it in {@code X-Served-By}. A second listener serves HAProxy's own view of the
 * replicas as CSV. Absent, the test is skipped locally and fails under {@code CI=true}.
 */
final class HaProxy implements AutoCloseable {
    static final String SERVED_BY = "X-Served-By";
    static final String SKIPPED = "Load-balancer test skipped: install HAProxy with `apt-get install haproxy`";

    private final LocalServer server;
    private final int statsPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HaProxy(LocalServer server, int statsPort) {
        this.server = server;
        this.statsPort = statsPort;
    }

    /** The haproxy executable; skips the test (locally) or fails it (CI=true) when there is none. */
    static Path require() {
        Optional<Path> found = Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")),
                        Stream.of("/usr/sbin", "/usr/local/sbin", "/sbin"))   // root's directories, often not on a user's PATH
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "haproxy")).filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) Assertions.fail("The load-balancer test needs `haproxy`: apt-get install haproxy");
            Assumptions.abort(SKIPPED);
        }
        return found.get();
    }

    /** Writes the configuration into {@code dir} and starts HAProxy on {@code port}; replicas by name, in order. */
    static HaProxy start(Path executable, Path dir, int port, Map<String, Integer> replicaPorts) {
        int statsPort = LocalServer.freePort();
        Path config = dir.resolve("haproxy.cfg");
        try {
            Files.writeString(config, config(port, statsPort, replicaPorts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // -db: stay in the foreground, so stopping the process stops HAProxy
        LocalServer server = LocalServer.start("haproxy", dir, List.of(executable.toString(), "-db", "-f", config.toString()),
                Map.of(), port, Duration.ofSeconds(20));
        return new HaProxy(server, statsPort);
    }

    static String config(int port, int statsPort, Map<String, Integer> replicaPorts) {
        StringBuilder servers = new StringBuilder();
        replicaPorts.forEach((name, p) -> servers.append("    server ").append(name).append(" 127.0.0.1:").append(p).append(" check\n"));
        return """
                global
                    maxconn 256

                defaults
                    mode http
                    timeout connect 2s
                    timeout client 30s
                    timeout server 30s
                    # a connection refused by a dead replica is tried once more, on another one
                    retries 2
                    option redispatch

                frontend users
                    bind 127.0.0.1:%d
                    default_backend replicas

                backend replicas
                    balance roundrobin
                    option httpchk GET /health
                    http-check expect status 200
                    default-server inter 500ms fall 2 rise 2
                    http-response set-header %s %%[srv_name]
                %s
                listen stats
                    bind 127.0.0.1:%d
                    stats enable
                    stats uri /stats
                """.formatted(port, SERVED_BY, servers, statsPort);
    }

    URI url() {
        return server.url();
    }

    /** HAProxy's status of each replica ({@code UP}, {@code DOWN}, {@code UP 1/2} …), from its CSV statistics. */
    Map<String, String> replicaStatus() {
        String csv;
        try {
            csv = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String[] lines = csv.split("\n");
        List<String> header = List.of(lines[0].replaceFirst("^# ", "").split(","));
        int proxy = header.indexOf("pxname");
        int name = header.indexOf("svname");
        int status = header.indexOf("status");
        Map<String, String> replicas = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] row = lines[i].split(",", -1);
            if (row.length > status && row[proxy].equals("replicas") && !row[name].equals("BACKEND")) {
                replicas.put(row[name], row[status]);
            }
        }
        return replicas;
    }

    /** Waits until HAProxy reports {@code replica} with {@code status}; fails with what it reports otherwise. */
    void awaitStatus(String replica, String status, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, String> seen = replicaStatus();
        while (!status.equals(seen.get(replica))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("HAProxy did not report " + replica + " " + status + " within " + timeout + ": " + seen);
            }
            sleep(100);
            seen = replicaStatus();
        }
    }

    List<String> output() {
        return server.output();
    }

    @Override
    public void close() {
        server.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
