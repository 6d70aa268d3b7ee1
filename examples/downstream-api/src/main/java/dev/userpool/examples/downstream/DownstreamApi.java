package dev.userpool.examples.downstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.userpool.cognito.CognitoTokenVerifier;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.VerifiedToken;
import dev.userpool.core.domain.VerifiedToken.TokenUse;
import dev.userpool.core.port.out.TokenVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An API of another team that trusts userpool's sign-in: {@code GET /hello} answers only a request with a
 * valid access token of the configured pool ({@link PoolSettings}), and names the caller by its
 * {@code sub}. Anything else is a 401 problem saying what was wrong with the token. The check is local:
 * a signature against the pool's JWKS (fetched once, and again for an unknown key id), the issuer, the
 * expiry, the app client and the token use.
 *
 * <pre>
 * POOL_ENDPOINT=http://localhost:8080 POOL_ID=local_Userpool1 CLIENT_ID=userpool-local java -cp … dev.userpool.examples.downstream.DownstreamApi
 * POOL_ID=eu-west-1_AbC123 CLIENT_ID=1example23456789 java -cp … dev.userpool.examples.downstream.DownstreamApi
 * </pre>
 */
public final class DownstreamApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DownstreamApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService workers;
    private final TokenVerifier tokens;

    private DownstreamApi(HttpServer server, ExecutorService workers, TokenVerifier tokens) {
        this.server = server;
        this.workers = workers;
        this.tokens = tokens;
    }

    public static void main(String[] args) throws Exception {
        PoolSettings settings = PoolSettings.from(System.getenv());
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8082"));
        try (DownstreamApi api = start(settings, new InetSocketAddress("127.0.0.1", port), Clock.systemUTC())) {
            LOG.info("Accepting access tokens of {} on http://127.0.0.1:{}/hello", settings.pool().issuer(), api.port());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
    }

    /** Serves {@code /hello} on {@code address} (port 0: any free one), trusting the tokens of {@code settings}' pool. */
    public static DownstreamApi start(PoolSettings settings, InetSocketAddress address, Clock clock) {
        // The same verifier for a userpool app and for Cognito: only the pool's settings differ.
        TokenVerifier tokens = new CognitoTokenVerifier(settings.pool(), settings.client(), clock);
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
        ExecutorService workers = Executors.newFixedThreadPool(4);
        DownstreamApi api = new DownstreamApi(server, workers, tokens);
        server.createContext("/hello", api::hello);
        server.setExecutor(workers);
        server.start();
        return api;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void hello(HttpExchange exchange) throws IOException {
        try (exchange) {
            VerifiedToken caller;
            try {
                caller = accessToken(exchange);
            } catch (UserPoolException e) {
                // the verifier's reasons are short and name no token ("Token has expired.")
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                send(exchange, 401, "application/problem+json", problem(e.getMessage()));
                return;
            }
            send(exchange, 200, "application/json", Map.of("sub", caller.userId().value(), "message", "Hello"));
        }
    }

    /** A valid access token from {@code Authorization: Bearer …}; an ID token proves who someone is, not what a client may do. */
    private VerifiedToken accessToken(HttpExchange exchange) {
        String authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
            throw UserPoolException.notAuthorized("Send an access token as Authorization: Bearer <token>.");
        }
        VerifiedToken token = tokens.verify(authorization.substring(7).strip());
        if (token.use() != TokenUse.ACCESS) throw UserPoolException.notAuthorized("An ID token is not accepted here: send the access token.");
        return token;
    }

    private static Map<String, Object> problem(String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Unauthorized");
        problem.put("status", 401);
        problem.put("detail", detail);
        return problem;
    }

    private static void send(HttpExchange exchange, int status, String contentType, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(1);
        workers.shutdown();
    }
}
