package dev.userpool.dynamodb;

import dev.userpool.core.testing.LocalServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * dynalite (npm, pinned in src/test/emulator) on a free loopback port, in memory or on a LevelDB
 * directory; it can be stopped and started again on the same port and data, as an outage would.
 */
final class Dynalite implements AutoCloseable {
    private final int port;
    private final Optional<Path> dataPath;
    private LocalServer server;

    private Dynalite(int port, Optional<Path> dataPath) {
        this.port = port;
        this.dataPath = dataPath;
    }

    /** In memory: gone when stopped. */
    static Dynalite inMemory() {
        Dynalite d = new Dynalite(LocalServer.freePort(), Optional.empty());
        d.start();
        return d;
    }

    /** On {@code dataPath}, which outlives a stop. */
    static Dynalite onDisk(Path dataPath) {
        Dynalite d = new Dynalite(LocalServer.freePort(), Optional.of(dataPath));
        d.start();
        return d;
    }

    static Path emulatorDir() {
        Path dir = Path.of(System.getProperty("dynalite.dir", "src/test/emulator"));
        if (!Files.isRegularFile(dir.resolve("node_modules/dynalite/cli.js"))) {
            throw new IllegalStateException("dynalite is not installed in " + dir.toAbsolutePath()
                    + ": run `mvn -pl adapters-dynamodb generate-test-resources` (npm ci)");
        }
        return dir;
    }

    void start() {
        if (server != null && server.isAlive()) throw new IllegalStateException("dynalite is running");
        List<String> command = new ArrayList<>(List.of("node", "node_modules/dynalite/cli.js", "--host", "127.0.0.1",
                "--port", Integer.toString(port)));
        dataPath.ifPresent(p -> command.addAll(List.of("--path", p.toAbsolutePath().toString())));
        server = LocalServer.start("dynalite", emulatorDir(), command, Map.of(), port, Duration.ofSeconds(30));
    }

    void stop() {
        server.stop();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A client as the app builds one: short timeouts, dummy credentials (dynalite checks none). */
    DynamoDbClient client() {
        return client(endpoint());
    }

    static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(10))
                        .apiCallAttemptTimeout(Duration.ofSeconds(5)))
                .build();
    }

    @Override
    public void close() {
        if (server != null) server.stop();
    }
}
