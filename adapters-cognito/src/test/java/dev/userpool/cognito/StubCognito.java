package dev.userpool.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * A scripted Cognito endpoint on a loopback port that speaks the service's wire protocol (JSON 1.1,
 * the operation in {@code X-Amz-Target}), so that the real SDK client serialises every request and
 * parses every answer and error. Each operation answers from its queue, then with its standing answer,
 * then {@code {}}; every request is recorded.
 */
final class StubCognito implements AutoCloseable {
    static final String POOL_ID = "eu-west-1_StubPool1";
    static final ObjectMapper JSON = new ObjectMapper();

    record Request(String operation, JsonNode body) {
        String text(String field) {
            return body.path(field).asText(null);
        }

        String parameter(String map, String key) {
            return body.path(map).path(key).asText(null);
        }
    }

    /** What the stub answers: a JSON body, or an error of a Cognito type, perhaps after a delay. */
    record Answer(int status, String body, Duration delay) {
        static Answer ok(String json) {
            return new Answer(200, json, Duration.ZERO);
        }

        static Answer ok(JsonNode json) {
            return ok(json.toString());
        }

        static Answer error(int status, String type, String message) {
            ObjectNode body = JSON.createObjectNode().put("__type", type).put("message", message);
            return new Answer(status, body.toString(), Duration.ZERO);
        }

        static Answer error(String type, String message) {
            return error(400, type, message);
        }

        Answer after(Duration wait) {
            return new Answer(status, body, wait);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> queued = new HashMap<>();
    private final Map<String, Answer> standing = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();

    StubCognito() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stub-cognito");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    CognitoPool pool() {
        return new CognitoPool("eu-west-1", POOL_ID, Optional.of(endpoint()));
    }

    /** A client like production's, with short timeouts unless given others. */
    CognitoIdentityProviderClient client() {
        return client(new CognitoClients.Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(8)));
    }

    CognitoIdentityProviderClient client(CognitoClients.Timeouts timeouts) {
        return CognitoClients.build(pool(), StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), timeouts);
    }

    /** The next answers of {@code operation}, in order. */
    synchronized StubCognito answer(String operation, Answer... answers) {
        queued.computeIfAbsent(operation, o -> new ArrayDeque<>()).addAll(List.of(answers));
        return this;
    }

    /** What {@code operation} answers once its queue is empty. */
    synchronized StubCognito always(String operation, Answer answer) {
        standing.put(operation, answer);
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Request> requests(String operation) {
        return requests.stream().filter(r -> r.operation().equals(operation)).toList();
    }

    synchronized Request last(String operation) {
        List<Request> of = requests(operation);
        if (of.isEmpty()) throw new AssertionError("no " + operation + " request; got " + requests.stream().map(Request::operation).toList());
        return of.get(of.size() - 1);
    }

    synchronized List<String> operations() {
        return requests.stream().map(Request::operation).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        Answer answer;
        synchronized (this) {
            requests.add(new Request(operation, body));
            Deque<Answer> queue = queued.get(operation);
            answer = queue != null && !queue.isEmpty() ? queue.poll() : standing.getOrDefault(operation, Answer.ok("{}"));
        }
        if (!answer.delay().isZero()) {
            try {
                Thread.sleep(answer.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "stub-" + requests().size());
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGone) {
            // the SDK gave up on this attempt (a timeout test)
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A user record as AdminGetUser answers it. */
    static ObjectNode adminGetUser(String sub, String email, String status, boolean verified, boolean enabled) {
        ObjectNode user = JSON.createObjectNode().put("Username", sub).put("UserStatus", status).put("Enabled", enabled)
                .put("UserCreateDate", 1.7e9).put("UserLastModifiedDate", 1.7e9);
        user.putArray("UserAttributes")
                .add(attribute("sub", sub)).add(attribute("email", email)).add(attribute("email_verified", Boolean.toString(verified)));
        return user;
    }

    /** A user record as ListUsers lists it. */
    static ObjectNode listedUser(String sub, String email, String status, boolean verified) {
        ObjectNode user = JSON.createObjectNode().put("Username", sub).put("UserStatus", status).put("Enabled", true)
                .put("UserCreateDate", 1.7e9);
        user.putArray("Attributes")
                .add(attribute("sub", sub)).add(attribute("email", email)).add(attribute("email_verified", Boolean.toString(verified)));
        return user;
    }

    static ObjectNode attribute(String name, String value) {
        return JSON.createObjectNode().put("Name", name).put("Value", value);
    }
}
