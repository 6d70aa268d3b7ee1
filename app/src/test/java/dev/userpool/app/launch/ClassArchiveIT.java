package dev.userpool.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.testing.LocalServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar started as the README says ({@code java -jar userpool.jar}), on a home and cache of its
 * own: the first {@code serve} writes a class-data archive when it is stopped, the second maps it (its
 * child JVM is given it, and says so in its start-up log line), and an archive file cut short or
 * overwritten never keeps the service from starting.
 */
class ClassArchiveIT {
    static final Path JAR = Path.of("target", "userpool.jar");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String LISTENING = "d.u.app.cli.ServeCommand - userpool is listening on";

    @TempDir
    Path tmp;

    @Test
    void theSecondStartMapsTheArchiveTheFirstWroteAndABrokenOneIsNeverMapped() throws Exception {
        assertThat(JAR).as("run mvn package first").isRegularFile();
        Path archives = tmp.resolve("cache").resolve("userpool").resolve(ClassArchive.DIRECTORY);

        Served first = serve();
        assertThat(first.startLine()).contains("no class-data archive yet: it is written when the service stops");
        assertThat(first.stop()).as("the launcher's exit code after SIGTERM").isEqualTo(143);
        Path archive = onlyArchiveIn(archives);
        assertThat(first.output()).as("the JVM's messages about the archive are not the service's")
                .doesNotContain("[cds", "Skipping", "Pre JDK 6");

        Served second = serve();
        assertThat(second.startLine()).contains("class-data archive used");
        assertThat(second.childArguments()).contains("-XX:SharedArchiveFile=" + archive);
        assertThat(second.stop()).isEqualTo(143);
        assertThat(onlyArchiveIn(archives)).as("kept as it was").isEqualTo(archive);

        // cut short, the JVM would die of SIGBUS mapping it: the launcher sees the size is not the one in its name
        try (var file = Files.newByteChannel(archive, StandardOpenOption.WRITE)) {
            file.truncate(Files.size(archive) / 2);
        }
        Served afterTruncation = serve();
        assertThat(afterTruncation.startLine()).contains("no class-data archive yet");
        assertThat(afterTruncation.stop()).isEqualTo(143);
        archive = onlyArchiveIn(archives);

        // the size it should have but not an archive's content: the JVM refuses it, and the service deletes it
        Files.write(archive, new byte[(int) Files.size(archive)]);
        Served afterOverwrite = serve();
        assertThat(afterOverwrite.startLine()).contains("class-data archive refused by the JVM, deleted");
        assertThat(afterOverwrite.stop()).isEqualTo(143);
        assertThat(filesIn(archives)).isEmpty();
    }

    /** A started {@code serve}: the launcher process and its output. */
    private record Served(Process launcher, Path log, String startLine) {
        String output() throws IOException {
            return Files.readString(log);
        }

        List<String> childArguments() {
            return launcher.children().findFirst().flatMap(child -> child.info().arguments()).map(List::of).orElseThrow();
        }

        /** SIGTERM to the launcher alone, as a service manager sends it; its exit code. The start that writes the archive takes a few seconds. */
        int stop() throws InterruptedException {
            launcher.destroy();
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly().waitFor();
                throw new AssertionError("still running 60 s after SIGTERM");
            }
            return launcher.exitValue();
        }
    }

    /** The jar as a user starts it: no JVM options, so {@code serve} relaunches itself; a free port; the start-up log line. */
    private Served serve() throws IOException, InterruptedException {
        int port = LocalServer.freePort();
        ProcessBuilder builder = new ProcessBuilder(JAVA, "-jar", JAR.toAbsolutePath().toString()).redirectErrorStream(true);
        builder.environment().keySet().removeAll(List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
                ClassArchive.VARIABLE));
        builder.environment().putAll(Map.of("HOME", tmp.resolve("home").toString(), "XDG_CACHE_HOME", tmp.resolve("cache").toString(),
                "USERPOOL_PORT", Integer.toString(port), "USERPOOL_BIND", "127.0.0.1",
                "USERPOOL_BASE_URL", "http://127.0.0.1:" + port, "USERPOOL_DATA_DIR", tmp.resolve("data").toString(),
                "USERPOOL_HASH_CONCURRENCY", "1"));
        Path output = Files.createTempFile(tmp, "serve-", ".txt");
        builder.redirectOutput(output.toFile());
        Process launcher = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = Files.readAllLines(output).stream().filter(l -> l.contains(LISTENING)).findFirst().orElse(null);
            if (line != null) {
                assertThat(health(port)).as(line).isEqualTo(200);
                return new Served(launcher, output, line);
            }
            if (!launcher.isAlive()) throw new AssertionError("exited with " + launcher.exitValue() + ":\n" + Files.readString(output));
            Thread.sleep(50);
        }
        launcher.descendants().forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly().waitFor();
        throw new AssertionError("not listening within 60 s:\n" + Files.readString(output));
    }

    private static int health(int port) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Path onlyArchiveIn(Path dir) throws IOException {
        List<Path> files = filesIn(dir);
        assertThat(files).as("one archive, nothing half-written beside it").hasSize(1);
        assertThat(files.get(0).getFileName().toString()).endsWith("-" + Files.size(files.get(0)) + ".jsa");
        return files.get(0);
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
