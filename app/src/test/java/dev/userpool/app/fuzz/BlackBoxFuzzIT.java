package dev.userpool.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.testing.LocalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's black-box run: the built jar ({@code java -jar target/userpool.jar}, as the README runs it)
 * in a JVM of its own on a throw-away data directory and a free loopback port, fuzzed over both APIs by
 * {@link BlackBoxFuzzer} for about two minutes: half with the fixed seed 18, half with a random seed that
 * is printed. It fails on any failure on the app's side (5xx but a deliberate 503 with Retry-After), an
 * answer slower than 5 s, or the process dying, and prints each kind of failure with what was sent.
 *
 * <p>{@code -Dfuzz.seed=N} runs only seed N (to reproduce a run); {@code -Dfuzz.blackbox.seconds=S} sets the
 * length; {@code -Dfuzz.target=http://127.0.0.1:8080} fuzzes an app that is already running instead
 * (docs/RELIABILITY.md's memory run).
 */
class BlackBoxFuzzIT {
    static final long FIXED_SEED = 18;

    @Test
    void noInputMakesTheAppFailSlowOrDie() throws InterruptedException {
        long seconds = Long.getLong("fuzz.blackbox.seconds", 120);
        List<Long> seeds = new ArrayList<>();
        if (System.getProperty("fuzz.seed", "").isBlank()) {
            seeds.add(FIXED_SEED);
            seeds.add(new SecureRandom().nextLong());
        } else {
            seeds.add(Long.parseLong(System.getProperty("fuzz.seed").strip()));
        }
        String target = System.getProperty("fuzz.target", "");
        LocalServer server = target.isBlank() ? start() : null;
        URI base = server == null ? URI.create(target) : server.url();
        BooleanSupplier alive = server == null ? () -> true : server::isAlive;
        List<String> failures = new ArrayList<>();
        try {
            for (long seed : seeds) {
                Duration share = Duration.ofSeconds(Math.max(10, seconds / seeds.size()));
                System.out.printf("Black-box fuzz of %s: seed %d for %d s (reproduce with -Dfuzz.seed=%d)%n", base, seed,
                        share.toSeconds(), seed);
                BlackBoxFuzzer.Report report = new BlackBoxFuzzer(base, seed, alive).run(share);
                System.out.printf("Black-box fuzz, seed %d: %s%n", seed, report.summary());
                if (!report.clean()) failures.add("seed " + seed + ": " + report.summary());
                if (report.processDied) break;
            }
            if (!failures.isEmpty() && server != null) {
                List<String> errors = server.output().stream()
                        .filter(l -> l.contains(" ERROR ") || l.startsWith("Caused by") || l.contains("Exception:")).distinct().limit(60).toList();
                System.out.println("The app's errors (distinct, at most 60 lines):\n" + String.join("\n", errors));
            }
        } finally {
            if (server != null) server.close();
        }
        assertThat(failures).as("failures of the black-box fuzz run").isEmpty();
    }

    private static LocalServer start() {
        Path jar = Path.of("target", "userpool.jar");
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run mvn package first");
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("userpool-blackbox-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = LocalServer.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, String> env = Map.of("USERPOOL_PORT", Integer.toString(port), "USERPOOL_BIND", "127.0.0.1",
                "USERPOOL_BASE_URL", "http://127.0.0.1:" + port, "USERPOOL_DATA_DIR", dataDir.toString(),
                "USERPOOL_ADMIN_EMAILS", BlackBoxFuzzer.adminEmails());
        return LocalServer.start("userpool-blackbox", Path.of("."), List.of(java, "-jar", jar.toAbsolutePath().toString()), env, port,
                Duration.ofSeconds(60));
    }
}
