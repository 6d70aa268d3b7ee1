package dev.userpool.app.localpool;

import dev.userpool.core.testing.LocalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The app as its own process ({@code java -jar target/userpool.jar}, built by {@code mvn package} before
 * the integration tests), on the embedded default with a throw-away data directory, on a free loopback port.
 */
public final class EmbeddedPoolProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "userpool.jar");

    private final LocalServer server;
    private final Path dataDir;

    private EmbeddedPoolProcess(LocalServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    public static EmbeddedPoolProcess start(Map<String, String> extraEnv) {
        if (!Files.isRegularFile(JAR)) throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run mvn package first");
        int port = LocalServer.freePort();
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("userpool-process-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("USERPOOL_PORT", Integer.toString(port));
        env.put("USERPOOL_BIND", "127.0.0.1");
        env.put("USERPOOL_BASE_URL", "http://127.0.0.1:" + port);
        env.put("USERPOOL_DATA_DIR", dataDir.toString());
        env.put("USERPOOL_HASH_CONCURRENCY", "2");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        LocalServer server = LocalServer.start("userpool-b", Path.of("."), List.of(java, "-Xmx256m", "-jar", JAR.toAbsolutePath().toString()),
                env, port, Duration.ofSeconds(60));
        return new EmbeddedPoolProcess(server, dataDir);
    }

    public URI baseUrl() {
        return server.url();
    }

    public List<String> output() {
        return server.output();
    }

    @Override
    public void close() {
        server.close();
    }
}
