package dev.userpool.examples.embedded;

import com.sun.net.httpserver.HttpServer;
import dev.userpool.cognito.AppClient;
import dev.userpool.cognito.CognitoPool;
import dev.userpool.core.domain.PasswordPolicy;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.Registration;
import dev.userpool.core.service.AuthenticationService;
import dev.userpool.core.service.RegistrationService;
import dev.userpool.core.service.RegistrationService.VerificationMode;
import dev.userpool.core.service.UserEnumerationProtection;
import dev.userpool.embedded.EmbeddedAdapters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service of your own with userpool's core inside, wired by hand: no Dagger, no userpool app. It offers
 * sign-up, confirm and sign-in on its own routes ({@link UserRoutes}) and keeps everything in one SQLite
 * file under {@code DATA_DIR}.
 *
 * <pre>
 * DATA_DIR=./data PORT=8081 java -cp … dev.userpool.examples.embedded.EmbeddedService
 * USER_DIRECTORY=cognito AWS_REGION=eu-west-1 COGNITO_POOL_ID=eu-west-1_AbC COGNITO_CLIENT_ID=… java -cp … …
 * </pre>
 */
public final class EmbeddedService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedService.class);

    private final HttpServer server;
    private final ExecutorService workers;
    private final AutoCloseable resources;

    private EmbeddedService(HttpServer server, ExecutorService workers, AutoCloseable resources) {
        this.server = server;
        this.workers = workers;
        this.resources = resources;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path dataDir = Files.createDirectories(Path.of(env.getOrDefault("DATA_DIR", "data")));
        int port = Integer.parseInt(env.getOrDefault("PORT", "8081"));
        URI issuer = URI.create(env.getOrDefault("ISSUER", "http://localhost:" + port + "/local_Example1"));
        Clock clock = Clock.systemUTC();

        try (EmbeddedAdapters edge = EmbeddedAdapters.builder(dataDir.resolve("users.db"), issuer).clock(clock).build()) {
            // Who keeps the users. The Cognito line is the only difference between the two: it swaps the
            // directory, the authenticator and the token verifier for the Cognito adapter's.
            UserPorts ports = switch (env.getOrDefault("USER_DIRECTORY", "embedded")) {
                case "embedded" -> UserPorts.embedded(edge);
                case "cognito" -> UserPorts.cognito(edge, CognitoPool.onAws(env.get("AWS_REGION"), env.get("COGNITO_POOL_ID")), AppClient.withoutSecret(env.get("COGNITO_CLIENT_ID")), clock);
                default -> throw new IllegalArgumentException("USER_DIRECTORY is embedded or cognito");
            };
            try (EmbeddedService service = start(ports, new InetSocketAddress("127.0.0.1", port), clock)) {
                LOG.info("Listening on http://127.0.0.1:{}/ (POST /signup, /confirm, /signin; GET /me)", service.port());
                CountDownLatch stopped = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
                stopped.await();
            }
        }
    }

    /** Builds the use cases on {@code ports} and serves them on {@code address} (port 0: any free one). */
    public static EmbeddedService start(UserPorts ports, InetSocketAddress address, Clock clock) {
        // The core's use cases, as the app's CoreModule builds them: Cognito's password policy, unknown
        // users answered like wrong passwords, codes (not links) to confirm an address.
        PasswordPolicy policy = PasswordPolicy.cognitoDefault();
        UserEnumerationProtection protection = UserEnumerationProtection.on();
        Registration registration = new RegistrationService(ports.directory(), ports.emailVerifier(), ports.audit(),
                policy, VerificationMode.CODE, protection, clock);
        Authentication authentication = new AuthenticationService(ports.authenticator(), ports.tokens(),
                ports.directory(), ports.mailer(), ports.audit(), policy, protection, clock, Optional.empty());

        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
        new UserRoutes(registration, authentication).addTo(server);
        // Password hashing blocks for tens of milliseconds: a few threads, not the server's single one.
        ExecutorService workers = Executors.newFixedThreadPool(4);
        server.setExecutor(workers);
        server.start();
        return new EmbeddedService(server, workers, ports.resources());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() throws Exception {
        server.stop(1);
        workers.shutdown();
        resources.close();
    }
}
