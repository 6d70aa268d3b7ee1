package dev.userpool.app.replicas;

import dev.userpool.core.testing.LocalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One replica: the built jar ({@code java … -jar target/userpool.jar serve}) on its own loopback port and
 * data directory, which it keeps across a restart, as an instance keeps its disk. The JVM is given the
 * service's own heap and collector flags on the command line, so {@code serve} does not relaunch itself
 * in a child JVM (ServiceJvm): the process started here is the one that serves, and {@link #kill} ends
 * the server itself rather than a parent that only waits for it.
 */
final class Replica implements AutoCloseable {
    static final Path JAR = Path.of("target", "userpool.jar");
    private static final List<String> JVM_FLAGS = List.of("-Xms16m", "-Xmx128m", "-XX:+UseSerialGC");

    private final String name;
    private final int port;
    private final Path dataDir;
    private final Map<String, String> env;
    private LocalServer server;

    private Replica(String name, int port, Path dataDir, Map<String, String> env) {
        this.name = name;
        this.port = port;
        this.dataDir = dataDir;
        this.env = env;
    }

    /** A replica named {@code name} with the shared settings {@code sharedEnv}, not started yet. */
    static Replica create(String name, Path dataDir, Map<String, String> sharedEnv) {
        if (!Files.isRegularFile(JAR)) throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run mvn package first");
        int port = LocalServer.freePort();
        Map<String, String> env = new HashMap<>(sharedEnv);
        env.put("USERPOOL_PORT", Integer.toString(port));
        env.put("USERPOOL_BIND", "127.0.0.1");
        env.put("USERPOOL_DATA_DIR", dataDir.toString());
        return new Replica(name, port, dataDir, Map.copyOf(env));
    }

    /** Starts the JVM and waits until it listens (a minute at most: the machine is shared). */
    void start() {
        if (server != null && server.isAlive()) throw new IllegalStateException(name + " is running");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "serve"));
        server = LocalServer.start(name, Path.of("."), command, env, port, Duration.ofSeconds(60));
    }

    /** SIGKILL to the serving JVM: no shutdown hook, no flush, as when an instance is lost. */
    void kill() {
        server.kill();
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** Segments the audit spool holds: events accepted while DynamoDB did not answer, not yet delivered. */
    long spooledSegments() {
        Path spool = dataDir.resolve("audit-spool");
        if (!Files.isDirectory(spool)) return 0;
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".spool")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of what the replica keeps in its data directory. */
    List<String> dataFiles() {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the replica printed, its last lines: for a failure's message. */
    String tail() {
        if (server == null) return "(not started)";
        List<String> lines = server.output();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    @Override
    public void close() {
        if (server != null) server.close();
    }
}
