package dev.userpool.app.testing;

import dev.userpool.app.config.Settings;
import dev.userpool.app.wiring.AppComponent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The real server with the production wiring, on a free loopback port and a throw-away data
 * directory (unless the test names one, to restart on the same data).
 */
public final class RunningApp implements AutoCloseable {
    private final AppComponent component;
    private final URI baseUrl;
    private final Path dataDir;

    private RunningApp(AppComponent component, URI baseUrl, Path dataDir) {
        this.component = component;
        this.baseUrl = baseUrl;
        this.dataDir = dataDir;
    }

    public static RunningApp start(Map<String, String> env) {
        return start(env, Clock.systemUTC());
    }

    public static RunningApp start(Map<String, String> env, Clock clock) {
        Map<String, String> vars = new HashMap<>(env);
        int port = freePort();
        vars.put("USERPOOL_PORT", Integer.toString(port));
        vars.putIfAbsent("USERPOOL_BIND", "127.0.0.1");
        vars.putIfAbsent("USERPOOL_BASE_URL", "http://127.0.0.1:" + port);
        // a base URL on another name of this machine (http://localhost:{port}, for passkeys) names the port chosen here
        vars.computeIfPresent("USERPOOL_BASE_URL", (k, v) -> v.replace("{port}", Integer.toString(port)));
        vars.putIfAbsent("USERPOOL_HASH_CONCURRENCY", "2");
        if (!vars.containsKey("USERPOOL_DATA_DIR")) vars.put("USERPOOL_DATA_DIR", tempDir().toString());
        Settings settings = Settings.from(vars);
        AppComponent component = AppComponent.create(settings, clock);
        try {
            component.server().start(settings.bindHost(), port);
            component.backgroundWork().start();
        } catch (RuntimeException e) {
            component.close();
            throw e;
        }
        return new RunningApp(component, URI.create("http://127.0.0.1:" + port), settings.dataDir());
    }

    /** Where the server listens (the public base URL setting may differ). */
    public URI baseUrl() {
        return baseUrl;
    }

    public URI url(String path) {
        return baseUrl.resolve(path);
    }

    public Path dataDir() {
        return dataDir;
    }

    public AppComponent component() {
        return component;
    }

    @Override
    public void close() {
        component.server().stop();
        component.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("userpool-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
