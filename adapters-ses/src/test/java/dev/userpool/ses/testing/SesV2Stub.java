package dev.userpool.ses.testing;

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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the SES v2 operations no emulator has (custom verification templates and emails,
 * email identities) plus SendEmail, speaking SES v2's REST-JSON protocol on a loopback port, so the
 * real SDK client does the serialising. It records every request (method, raw path, body, and the
 * instant on the clock it was given), keeps templates and identities like SES does, and answers a
 * failure a test queued with SES's own shape: the HTTP status, an {@code x-amzn-ErrorType} header and
 * a JSON {@code message}. Opening a verification link is {@link #markVerified}.
 */
public final class SesV2Stub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATES = "/v2/email/custom-verification-email-templates";
    private static final String IDENTITIES = "/v2/email/identities/";

    /** The SES v2 operations the stub knows, by method and path. */
    public enum Operation {
        CREATE_TEMPLATE, GET_TEMPLATE, UPDATE_TEMPLATE, DELETE_TEMPLATE, SEND_CUSTOM_VERIFICATION_EMAIL,
        GET_EMAIL_IDENTITY, DELETE_EMAIL_IDENTITY, SEND_EMAIL, UNKNOWN
    }

    /** One request as it reached the stub. {@code path} is raw, as the client encoded it. */
    public record Call(Operation operation, String method, String path, String body, Instant at) {
        public JsonNode json() {
            try {
                return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A message SendEmail accepted. */
    public record SentEmail(String from, List<String> to, String subject, String text, String html) {}

    private record Failure(int status, Optional<String> errorType, String message) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Clock clock;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> templates = new ConcurrentHashMap<>();
    private final Map<String, String> identities = new ConcurrentHashMap<>();
    private final List<String> verificationEmails = new CopyOnWriteArrayList<>();
    private final List<SentEmail> sentEmails = new CopyOnWriteArrayList<>();
    private final Map<Operation, Deque<Failure>> failures = new EnumMap<>(Operation.class);
    private final Map<Operation, CountDownLatch> holds = new ConcurrentHashMap<>();

    private SesV2Stub(Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static SesV2Stub start() {
        return start(Clock.systemUTC());
    }

    /** A stub that stamps each request with {@code clock}, so pacing shows on a clock the test moves. */
    public static SesV2Stub start(Clock clock) {
        return new SesV2Stub(clock);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(Operation operation) {
        return calls.stream().filter(c -> c.operation() == operation).toList();
    }

    public void clearCalls() {
        calls.clear();
    }

    /** The next {@code operation} answers {@code status} with {@code x-amzn-ErrorType: errorType}. */
    public void failNext(Operation operation, int status, String errorType, String message) {
        queueFailure(operation, new Failure(status, Optional.of(errorType), message));
    }

    /** The next {@code operation} answers {@code status} with no error type at all (as some emulators do). */
    public void failNextWithoutErrorType(Operation operation, int status, String message) {
        queueFailure(operation, new Failure(status, Optional.empty(), message));
    }

    /** Requests for {@code operation} wait until the returned latch is counted down (a slow SES). */
    public CountDownLatch hold(Operation operation) {
        CountDownLatch gate = new CountDownLatch(1);
        holds.put(operation, gate);
        return gate;
    }

    /** The person opened the link: SES marks the identity verified. */
    public void markVerified(String email) {
        setIdentityStatus(email, "SUCCESS");
    }

    /** Sets an identity's {@code VerificationStatus} (PENDING, SUCCESS, FAILED, TEMPORARY_FAILURE, NOT_STARTED). */
    public void setIdentityStatus(String email, String status) {
        identities.put(email.toLowerCase(Locale.ROOT), status);
    }

    public Optional<String> identityStatus(String email) {
        return Optional.ofNullable(identities.get(email.toLowerCase(Locale.ROOT)));
    }

    public Optional<JsonNode> template(String name) {
        return Optional.ofNullable(templates.get(name));
    }

    /** Puts a template as if somebody made it in the account by hand. */
    public void putTemplate(String name, String from, String subject, String content, String success, String failure) {
        ObjectNode t = JSON.createObjectNode().put("TemplateName", name).put("FromEmailAddress", from)
                .put("TemplateSubject", subject).put("TemplateContent", content)
                .put("SuccessRedirectionURL", success).put("FailureRedirectionURL", failure);
        templates.put(name, t);
    }

    public void removeTemplate(String name) {
        templates.remove(name);
    }

    /** Addresses a custom verification email went to, oldest first. */
    public List<String> verificationEmailsSent() {
        return List.copyOf(verificationEmails);
    }

    public List<SentEmail> emailsTo(String address) {
        return sentEmails.stream().filter(m -> m.to().contains(address)).toList();
    }

    @Override
    public void close() {
        holds.values().forEach(CountDownLatch::countDown);
        server.stop(0);
        threads.shutdownNow();
    }

    private void queueFailure(Operation operation, Failure failure) {
        synchronized (failures) {
            failures.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(failure);
        }
    }

    private Optional<Failure> nextFailure(Operation operation) {
        synchronized (failures) {
            Deque<Failure> queued = failures.get(operation);
            return queued == null ? Optional.empty() : Optional.ofNullable(queued.poll());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Operation operation = operationOf(method, path);
            calls.add(new Call(operation, method, rawPath, body, clock.instant()));
            CountDownLatch gate = holds.get(operation);
            if (gate != null) gate.await(30, TimeUnit.SECONDS);
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                error(exchange, new Failure(403, Optional.of("MissingAuthenticationTokenException"), "Missing Authentication Token"));
                return;
            }
            Optional<Failure> failure = nextFailure(operation);
            if (failure.isPresent()) {
                error(exchange, failure.get());
                return;
            }
            answer(exchange, operation, path, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Operation operationOf(String method, String path) {
        if (path.equals(TEMPLATES) && method.equals("POST")) return Operation.CREATE_TEMPLATE;
        if (path.startsWith(TEMPLATES + "/")) {
            return switch (method) {
                case "GET" -> Operation.GET_TEMPLATE;
                case "PUT" -> Operation.UPDATE_TEMPLATE;
                case "DELETE" -> Operation.DELETE_TEMPLATE;
                default -> Operation.UNKNOWN;
            };
        }
        if (path.equals("/v2/email/outbound-custom-verification-emails") && method.equals("POST")) {
            return Operation.SEND_CUSTOM_VERIFICATION_EMAIL;
        }
        if (path.startsWith(IDENTITIES)) {
            return switch (method) {
                case "GET" -> Operation.GET_EMAIL_IDENTITY;
                case "DELETE" -> Operation.DELETE_EMAIL_IDENTITY;
                default -> Operation.UNKNOWN;
            };
        }
        if (path.equals("/v2/email/outbound-emails") && method.equals("POST")) return Operation.SEND_EMAIL;
        return Operation.UNKNOWN;
    }

    private void answer(HttpExchange exchange, Operation operation, String path, String body) throws IOException {
        JsonNode in = body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        switch (operation) {
            case CREATE_TEMPLATE -> {
                String name = in.path("TemplateName").asText();
                if (templates.containsKey(name)) {
                    error(exchange, new Failure(400, Optional.of("AlreadyExistsException"), "Template " + name + " already exists."));
                    return;
                }
                if (templates.size() >= 50) {
                    error(exchange, new Failure(400, Optional.of("LimitExceededException"), "Maximum template count reached."));
                    return;
                }
                templates.put(name, (ObjectNode) in.deepCopy());
                ok(exchange, "{}");
            }
            case GET_TEMPLATE -> {
                ObjectNode t = templates.get(lastSegment(path));
                if (t == null) notFound(exchange, "Template " + lastSegment(path) + " does not exist.");
                else ok(exchange, JSON.writeValueAsString(t));
            }
            case UPDATE_TEMPLATE -> {
                String name = lastSegment(path);
                ObjectNode t = templates.get(name);
                if (t == null) {
                    notFound(exchange, "Template " + name + " does not exist.");
                    return;
                }
                ObjectNode updated = t.deepCopy();
                in.fields().forEachRemaining(f -> updated.set(f.getKey(), f.getValue()));
                templates.put(name, updated);
                ok(exchange, "{}");
            }
            case DELETE_TEMPLATE -> {
                if (templates.remove(lastSegment(path)) == null) notFound(exchange, "Template does not exist.");
                else ok(exchange, "{}");
            }
            case SEND_CUSTOM_VERIFICATION_EMAIL -> {
                String name = in.path("TemplateName").asText();
                if (!templates.containsKey(name)) {
                    notFound(exchange, "Custom verification email template " + name + " does not exist.");
                    return;
                }
                String email = in.path("EmailAddress").asText().toLowerCase(Locale.ROOT);
                identities.merge(email, "PENDING", (old, fresh) -> old.equals("SUCCESS") ? old : fresh);
                verificationEmails.add(email);
                ok(exchange, "{\"MessageId\":\"" + UUID.randomUUID() + "\"}");
            }
            case GET_EMAIL_IDENTITY -> {
                String email = lastSegment(path).toLowerCase(Locale.ROOT);
                String status = identities.get(email);
                if (status == null) {
                    notFound(exchange, "Email identity " + email + " does not exist.");
                    return;
                }
                ObjectNode out = JSON.createObjectNode().put("IdentityType", "EMAIL_ADDRESS")
                        .put("FeedbackForwardingStatus", true)
                        .put("VerifiedForSendingStatus", status.equals("SUCCESS"))
                        .put("VerificationStatus", status);
                ok(exchange, JSON.writeValueAsString(out));
            }
            case DELETE_EMAIL_IDENTITY -> {
                if (identities.remove(lastSegment(path).toLowerCase(Locale.ROOT)) == null) {
                    notFound(exchange, "Email identity does not exist.");
                } else {
                    ok(exchange, "{}");
                }
            }
            case SEND_EMAIL -> {
                JsonNode simple = in.path("Content").path("Simple");
                List<String> to = JSON.convertValue(in.path("Destination").path("ToAddresses"),
                        JSON.getTypeFactory().constructCollectionType(List.class, String.class));
                sentEmails.add(new SentEmail(in.path("FromEmailAddress").asText(), to,
                        simple.path("Subject").path("Data").asText(), simple.path("Body").path("Text").path("Data").asText(),
                        simple.path("Body").path("Html").path("Data").asText()));
                ok(exchange, "{\"MessageId\":\"" + UUID.randomUUID() + "\"}");
            }
            case UNKNOWN -> error(exchange, new Failure(404, Optional.of("UnknownOperationException"), "Unknown operation"));
        }
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void ok(HttpExchange exchange, String json) throws IOException {
        send(exchange, 200, json);
    }

    private static void notFound(HttpExchange exchange, String message) throws IOException {
        error(exchange, new Failure(404, Optional.of("NotFoundException"), message));
    }

    private static void error(HttpExchange exchange, Failure failure) throws IOException {
        failure.errorType().ifPresent(type -> exchange.getResponseHeaders()
                .add("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazonaws.sesv2/"));
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        send(exchange, failure.status(), JSON.createObjectNode().put("message", failure.message()).toString());
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
