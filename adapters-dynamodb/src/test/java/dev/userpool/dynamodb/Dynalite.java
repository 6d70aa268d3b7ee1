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
public final class Dynalite implements AutoCloseable {
    private final int port;
    private final Optional<Path> dataPath;
    private LocalServer server;

    private Dynalite(int port, Optional<Path> dataPath) {
        this.port = port;
        this.dataPath = dataPath;
    }

    /** In memory: gone when stopped. */
    public static Dynalite inMemory() {
        Dynalite d = new Dynalite(LocalServer.freePort(), Optional.empty());
        d.start();
        return d;
    }

    /** On {@code dataPath}, which outlives a stop. */
    public static Dynalite onDisk(Path dataPath) {
        Dynalite d = new Dynalite(LocalServer.freePort(), Optional.of(dataPath));
        d.start();
        return d;
    }

    /** Where {@code npm ci} installed dynalite: the build's system property, else found from the working directory. */
    public static Path emulatorDir() {
        String configured = System.getProperty("userpool.dynamodb.emulator.dir");
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        for (String candidate : List.of("src/test/emulator", "../adapters-dynamodb/src/test/emulator",
                "adapters-dynamodb/src/test/emulator")) {
            Path dir = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isRegularFile(dir.resolve("node_modules/dynalite/cli.js"))) return dir;
        }
        throw new IllegalStateException("cannot find dynalite: run `mvn -pl adapters-dynamodb generate-test-resources`"
                + " (npm ci), or set -Duserpool.dynamodb.emulator.dir");
    }

    public void start() {
        if (server != null && server.isAlive()) throw new IllegalStateException("dynalite is running");
        List<String> command = new ArrayList<>(List.of("node", "node_modules/dynalite/cli.js", "--host", "127.0.0.1",
                "--port", Integer.toString(port)));
        dataPath.ifPresent(p -> command.addAll(List.of("--path", p.toAbsolutePath().toString())));
        server = LocalServer.start("dynalite", emulatorDir(), command, Map.of(), port, Duration.ofSeconds(30));
    }

    public void stop() {
        server.stop();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A client as the app builds one: short timeouts, dummy credentials (dynalite checks none). */
    public DynamoDbClient client() {
        return client(endpoint());
    }

    public static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(10))
                        .apiCallAttemptTimeout(Duration.ofSeconds(5))
                        .retryStrategy(r -> r.maxAttempts(3)))   // as the app: the spool, not the SDK, waits out outages
                .build();
    }

    @Override
    public void close() {
        if (server != null) server.stop();
    }
}
