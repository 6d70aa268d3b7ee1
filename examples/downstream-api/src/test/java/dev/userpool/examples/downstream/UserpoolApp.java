package dev.userpool.examples.downstream;

import dev.userpool.app.config.Settings;
import dev.userpool.app.wiring.AppComponent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The real userpool app, in this JVM, on a free loopback port and a throw-away data directory. */
final class UserpoolApp implements AutoCloseable {
    static final String POOL_ID = "local_Downstream1";
    static final String CLIENT_ID = "downstream-test";

    private final AppComponent component;
    private final URI baseUrl;

    private UserpoolApp(AppComponent component, URI baseUrl) {
        this.component = component;
        this.baseUrl = baseUrl;
    }

    static UserpoolApp start(Path dataDir) {
        int port = freePort();
        URI baseUrl = URI.create("http://127.0.0.1:" + port);
        Settings settings = Settings.from(Map.of(
                "USERPOOL_PORT", Integer.toString(port),
                "USERPOOL_BIND", "127.0.0.1",
                "USERPOOL_BASE_URL", baseUrl.toString(),
                "USERPOOL_DATA_DIR", dataDir.toString(),
                "USERPOOL_POOL_ID", POOL_ID,
                "USERPOOL_CLIENT_ID", CLIENT_ID,
                "USERPOOL_HASH_CONCURRENCY", "2"));
        AppComponent component = AppComponent.create(settings, Clock.systemUTC());
        try {
            component.server().start(settings.bindHost(), port);
        } catch (RuntimeException e) {
            component.close();
            throw e;
        }
        return new UserpoolApp(component, baseUrl);
    }

    URI baseUrl() {
        return baseUrl;
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
}
