package dev.userpool.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.testing.LocalServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar as the README runs it ({@code java -jar userpool.jar}, which serves from a child JVM):
 * a second {@code serve} on the same data directory exits non-zero saying which process holds it, and
 * the first keeps serving; a CLI command works beside it; once the serving process is killed with
 * SIGKILL, a new {@code serve} starts on the same directory.
 */
class ServeLockIT {
    static final Path JAR = Path.of("target", "userpool.jar");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void oneServerPerDataDirectoryUntilItDiesHoweverItDies() throws Exception {
        assertThat(JAR).as("run mvn package first").isRegularFile();
        Path data = tmp.resolve("data");
        try (LocalServer first = serve(data)) {
            long holder = Long.parseLong(Files.readString(data.resolve(ServeLock.FILE_NAME)).strip());
            assertThat(ProcessHandle.of(holder).flatMap(ProcessHandle::parent).flatMap(ProcessHandle::parent))
                    .as("the lock is held by the serving child JVM of the launcher").contains(ProcessHandle.current());

            Finished second = run(data, LocalServer.freePort(), "serve");
            assertThat(second.code()).as(second.output()).isNotZero();
            assertThat(second.output()).contains("userpool: The data directory " + data.toAbsolutePath().normalize()
                    + " is already served by process " + holder, data.resolve(ServeLock.FILE_NAME).toString());
            assertThat(second.output()).as("said once, without a stack trace").doesNotContain("Exception", "\tat ");
            assertThat(health(first)).as("the first keeps serving").isEqualTo(200);

            Finished cli = run(data, 0, "users", "list");
            assertThat(cli.code()).as(cli.output()).isZero();
            assertThat(health(first)).isEqualTo(200);

            ProcessHandle.of(holder).orElseThrow().destroyForcibly();   // SIGKILL: no shutdown hook releases anything
            ProcessHandle.of(holder).ifPresent(p -> p.onExit().join());
            awaitExit(first);
        }
        try (LocalServer next = serve(data)) {
            assertThat(health(next)).as("a new server after the old one was killed").isEqualTo(200);
        }
    }

    private record Finished(int code, String output) {}

    private static LocalServer serve(Path data) {
        int port = LocalServer.freePort();
        return LocalServer.start("userpool-serve", Path.of("."), List.of(JAVA, "-jar", JAR.toAbsolutePath().toString()),
                env(data, port), port, Duration.ofSeconds(60));
    }

    /** The jar with {@code args}, to its end; no JVM options in the environment, so {@code serve} relaunches itself as for a user. */
    private static Finished run(Path data, int port, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeAll(List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS"));
        builder.environment().putAll(env(data, port));
        Path output = Files.createTempFile("userpool-run-", ".txt");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {   // a second server that was not refused serves on: a failure, not a hang
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError("still running after 60 s: " + String.join(" ", args) + "\n" + Files.readString(output));
        }
        return new Finished(process.exitValue(), Files.readString(output));
    }

    private static Map<String, String> env(Path data, int port) {
        return Map.of("USERPOOL_PORT", Integer.toString(port), "USERPOOL_BIND", "127.0.0.1",
                "USERPOOL_BASE_URL", "http://127.0.0.1:" + (port == 0 ? 8080 : port), "USERPOOL_DATA_DIR", data.toString(),
                "USERPOOL_HASH_CONCURRENCY", "1");
    }

    private static int health(LocalServer server) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.url().resolve("/health")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void awaitExit(LocalServer launcher) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (launcher.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(launcher.isAlive()).as("the launcher ends with its serving child").isFalse();
    }
}
