package dev.userpool.ses.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * aws-ses-v2-local (npm, pinned in adapters-ses/src/test/emulator/package-lock.json, installed by the
 * build's {@code npm ci}) on a free loopback port. It accepts SendEmail and lists what it accepted at
 * {@code GET /store}. It has no custom verification or identity operations, and its errors carry no
 * error code (only an HTTP status).
 */
public final class AwsSesV2Local implements AutoCloseable {
    /** Where the build installed the emulator; the adapters-ses failsafe run names it. */
    public static final String DIR_PROPERTY = "userpool.ses.emulator.dir";
    private static final String CLI = "node_modules/aws-ses-v2-local/dist/cli.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message in the emulator's store. */
    public record Stored(String from, List<String> to, String subject, String text, String html) {}

    private final LocalServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AwsSesV2Local(LocalServer server) {
        this.server = server;
    }

    public static AwsSesV2Local start() {
        Path dir = emulatorDir();
        int port = LocalServer.freePort();
        return new AwsSesV2Local(LocalServer.start("aws-ses-v2-local", dir,
                List.of("node", CLI, "--host", "127.0.0.1", "--port", Integer.toString(port)),
                Map.of("SMTP_TRANSPORT", ""), port, Duration.ofSeconds(60)));
    }

    public URI endpoint() {
        return server.url();
    }

    /** What the emulator accepted for {@code address}, oldest first. */
    public List<Stored> emailsTo(String address) {
        List<Stored> out = new ArrayList<>();
        for (JsonNode email : store().path("emails")) {
            List<String> to = new ArrayList<>();
            email.path("destination").path("to").forEach(t -> to.add(t.asText()));
            if (!to.contains(address)) continue;
            JsonNode body = email.path("body");
            out.add(new Stored(email.path("from").asText(), to, email.path("subject").asText(),
                    body.path("text").isMissingNode() ? null : body.path("text").asText(),
                    body.path("html").isMissingNode() ? null : body.path("html").asText()));
        }
        return out;
    }

    public JsonNode store() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint().resolve("/store"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new IllegalStateException("/store answered " + response.statusCode());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** The installed emulator: from the build's property, else looked for from adapters-ses or from a sibling module. */
    static Path emulatorDir() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty(DIR_PROPERTY)).map(Path::of).ifPresent(candidates::add);
        candidates.add(Path.of("src", "test", "emulator"));
        candidates.add(Path.of("..", "adapters-ses", "src", "test", "emulator"));
        for (Path dir : candidates) {
            if (Files.isRegularFile(dir.resolve(CLI))) return dir.toAbsolutePath().normalize();
        }
        throw new IllegalStateException("aws-ses-v2-local is not installed (looked in " + candidates + "): run"
                + " `mvn -pl adapters-ses generate-test-resources`, which runs `npm ci` in adapters-ses/src/test/emulator.");
    }
}
