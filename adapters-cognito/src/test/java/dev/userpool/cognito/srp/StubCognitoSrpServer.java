package dev.userpool.cognito.srp;

import dev.userpool.srp.CognitoTimestamp;
import dev.userpool.srp.SrpGroup;
import dev.userpool.srp.SrpServerSession;
import dev.userpool.srp.SrpVerifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.userpool.core.domain.Password;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for Cognito's user-pool endpoint on 127.0.0.1, speaking its wire protocol (AWS JSON 1.1:
 * {@code POST /} with {@code X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>}), so that the
 * real SDK client does all the serialisation. It runs the server side of SRP (DESIGN §6) for real:
 *
 * <ul>
 *   <li>{@code InitiateAuth} with {@code USER_SRP_AUTH} answers {@code PASSWORD_VERIFIER} with
 *       {@code SRP_B = (k·v + g^b) mod N}, the user's {@code SALT}, a random {@code SECRET_BLOCK}, and
 *       {@code USER_ID_FOR_SRP} = {@code USERNAME} = the user's internal id (a UUID, as in a pool whose
 *       users sign in with their email); with {@code USER_PASSWORD_AUTH} it checks the password against
 *       the verifier and answers tokens;</li>
 *   <li>{@code RespondToAuthChallenge} checks the session (single use), {@code USERNAME},
 *       {@code PASSWORD_CLAIM_SECRET_BLOCK}, that {@code TIMESTAMP} is in Cognito's exact format (day not
 *       zero-padded) and within ±5 minutes of the stub's clock, and {@code PASSWORD_CLAIM_SIGNATURE}
 *       against {@code S = (A·v^u)^b mod N}; then answers opaque tokens.</li>
 * </ul>
 *
 * <p>When started with a client secret, every call must carry the right {@code SECRET_HASH} (over
 * {@code USERNAME} as sent). An unknown user gets a simulated challenge and then the same
 * {@code NotAuthorizedException} as a wrong password (Cognito with {@code PreventUserExistenceErrors}).
 * Refusals are Cognito's error shapes ({@code __type} + {@code message}); {@link #refusals()} says
 * why each was refused, so a test can tell a stale timestamp from a bad signature. Other operations
 * and flows answer {@code InvalidParameterException} / {@code UnknownOperationException}.
 */
public final class StubCognitoSrpServer implements AutoCloseable {
    /** How far a claim's TIMESTAMP may be from the stub's clock. */
    public static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);
    private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    private static final String WRONG_PASSWORD = "Incorrect username or password.";

    /** Tokens the stub handed out, in order. */
    public record IssuedTokens(String username, String accessToken, String idToken, String refreshToken) {}

    private record StubUser(String username, String userId, SrpVerifier verifier, boolean confirmed) {}

    private record PendingChallenge(Optional<StubUser> user, String challengeUsername, SrpServerSession srp,
                                    String secretBlock) {}

    private static final class Refusal extends RuntimeException {
        final String type;
        final String reason;

        Refusal(String type, String message, String reason) {
            super(message);
            this.type = type;
            this.reason = reason;
        }
    }

    private final String poolName;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final Clock clock;
    private final HttpServer http;
    private final ExecutorService executor;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, StubUser> users = new ConcurrentHashMap<>();
    private final Map<String, PendingChallenge> sessions = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final List<IssuedTokens> issued = new CopyOnWriteArrayList<>();

    private StubCognitoSrpServer(String userPoolId, String clientId, Optional<String> clientSecret, Clock clock) throws IOException {
        this.poolName = userPoolId.substring(userPoolId.indexOf('_') + 1);
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = clientSecret;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "stub-cognito-srp");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
    }

    /** A stub for an app client without a secret. */
    public static StubCognitoSrpServer start(String userPoolId, String clientId, Clock clock) throws IOException {
        return new StubCognitoSrpServer(userPoolId, clientId, Optional.empty(), clock);
    }

    /** A stub for an app client with a secret: every call must carry {@code SECRET_HASH}. */
    public static StubCognitoSrpServer startWithClientSecret(String userPoolId, String clientId, String clientSecret, Clock clock)
            throws IOException {
        return new StubCognitoSrpServer(userPoolId, clientId, Optional.of(clientSecret), clock);
    }

    /** For the SDK's {@code endpointOverride}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** A confirmed user; returns the internal id the stub uses as {@code USER_ID_FOR_SRP} and challenge {@code USERNAME}. */
    public String addUser(String username, Password password) {
        return add(username, password, true);
    }

    /** A user who has not confirmed sign-up: the right password then gets {@code UserNotConfirmedException}. */
    public String addUnconfirmedUser(String username, Password password) {
        return add(username, password, false);
    }

    private String add(String username, Password password, boolean confirmed) {
        String userId = UUID.randomUUID().toString();
        users.put(username, new StubUser(username, userId, SrpVerifier.create(poolName, userId, password.reveal(), random), confirmed));
        return userId;
    }

    /** Every request body received, as {@code <operation> <json>}, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Why each refused call was refused (the stub's words; Cognito itself says only the error type and message). */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    public List<IssuedTokens> issuedTokens() {
        return List.copyOf(issued);
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String operation = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
            requests.add(operation + " " + new String(body, StandardCharsets.UTF_8));
            int status = 200;
            Object answer;
            try {
                if (!"POST".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getPath())) {
                    throw new Refusal("UnknownOperationException", "Not found", "not POST /");
                }
                JsonNode request = json.readTree(body);
                answer = switch (operation) {
                    case "InitiateAuth" -> initiateAuth(request);
                    case "RespondToAuthChallenge" -> respondToAuthChallenge(request);
                    case "AdminGetUser" -> adminGetUser(request);
                    default -> throw new Refusal("UnknownOperationException", "The stub does not serve " + operation, "unknown operation " + operation);
                };
            } catch (Refusal refusal) {
                refusals.add(refusal.reason);
                status = 400;
                answer = Map.of("__type", refusal.type, "message", refusal.getMessage());
            }
            byte[] out = json.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            if (status != 200) exchange.getResponseHeaders().set("x-amzn-ErrorType", ((Map<?, ?>) answer).get("__type") + ":");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
        }
    }

    private Map<String, Object> initiateAuth(JsonNode request) {
        requireClient(request);
        JsonNode parameters = request.path("AuthParameters");
        String username = required(parameters, "USERNAME");
        requireSecretHash(parameters, username);
        String flow = request.path("AuthFlow").asText("");
        switch (flow) {
            case "USER_SRP_AUTH":
                return passwordVerifierChallenge(username, required(parameters, "SRP_A"));
            case "USER_PASSWORD_AUTH": {
                StubUser user = users.get(username);
                Password password = Password.of(required(parameters, "PASSWORD"));
                if (user == null) throw notAuthorized("USER_PASSWORD_AUTH: unknown user");
                if (!user.verifier().matches(password.reveal())) throw notAuthorized("USER_PASSWORD_AUTH: wrong password");
                return tokensFor(user);
            }
            default:
                throw new Refusal("InvalidParameterException", "The stub does not support the auth flow " + flow, "auth flow " + flow);
        }
    }

    private Map<String, Object> passwordVerifierChallenge(String username, String srpA) {
        BigInteger bigA;
        try {
            bigA = new BigInteger(srpA, 16);
        } catch (NumberFormatException e) {
            throw new Refusal("InvalidParameterException", "SRP_A is not hexadecimal", "SRP_A not hex");
        }
        if (bigA.mod(SrpGroup.N).signum() == 0) {
            throw new Refusal("InvalidParameterException", "Invalid SRP_A", "A mod N = 0");
        }
        Optional<StubUser> user = Optional.ofNullable(users.get(username));
        // An unknown user gets a challenge that looks real and can never be answered.
        String userId = user.map(StubUser::userId).orElse(username);
        SrpVerifier verifier = user.map(StubUser::verifier).orElseGet(() -> SrpVerifier.withSalt(
                poolName, userId, UUID.randomUUID().toString(), randomHex(16)));
        SrpServerSession srp = SrpServerSession.begin(verifier, bigA, random);
        byte[] secretBlock = new byte[96];
        random.nextBytes(secretBlock);
        String secretBlockBase64 = Base64.getEncoder().encodeToString(secretBlock);
        String session = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(48));
        sessions.put(session, new PendingChallenge(user, userId, srp, secretBlockBase64));

        Map<String, String> challenge = new LinkedHashMap<>();
        challenge.put("SALT", verifier.saltHex());
        challenge.put("SECRET_BLOCK", secretBlockBase64);
        challenge.put("SRP_B", srp.srpB());
        challenge.put("USERNAME", userId);
        challenge.put("USER_ID_FOR_SRP", userId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ChallengeName", "PASSWORD_VERIFIER");
        answer.put("ChallengeParameters", challenge);
        answer.put("Session", session);
        return answer;
    }

    private Map<String, Object> respondToAuthChallenge(JsonNode request) {
        requireClient(request);
        String challengeName = request.path("ChallengeName").asText("");
        if (!"PASSWORD_VERIFIER".equals(challengeName)) {
            throw new Refusal("InvalidParameterException", "The stub answers only PASSWORD_VERIFIER", "challenge " + challengeName);
        }
        PendingChallenge pending = sessions.remove(request.path("Session").asText(""));
        if (pending == null) throw new Refusal("NotAuthorizedException", "Invalid session for the user.", "unknown or used session");
        JsonNode responses = request.path("ChallengeResponses");
        String username = required(responses, "USERNAME");
        requireSecretHash(responses, username);
        if (!username.equals(pending.challengeUsername())) throw notAuthorized("USERNAME differs from the challenge's");
        if (!required(responses, "PASSWORD_CLAIM_SECRET_BLOCK").equals(pending.secretBlock())) {
            throw notAuthorized("PASSWORD_CLAIM_SECRET_BLOCK differs from the challenge's");
        }
        String timestamp = required(responses, "TIMESTAMP");
        Instant signedAt = parseTimestamp(timestamp)
                .orElseThrow(() -> notAuthorized("TIMESTAMP not in Cognito's format: " + timestamp));
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(TIMESTAMP_TOLERANCE) > 0) {
            throw notAuthorized("TIMESTAMP more than 5 minutes from the server's clock: " + timestamp);
        }
        boolean proven = pending.srp().verifySignature(Base64.getDecoder().decode(pending.secretBlock()), timestamp,
                required(responses, "PASSWORD_CLAIM_SIGNATURE"));
        StubUser user = pending.user().orElseThrow(() -> notAuthorized("unknown user"));
        if (!proven) throw notAuthorized("PASSWORD_CLAIM_SIGNATURE does not verify");
        if (!user.confirmed()) throw new Refusal("UserNotConfirmedException", "User is not confirmed.", "user not confirmed");
        return tokensFor(user);
    }

    /** Cognito's exact text only: it must parse and print back identically ("Apr 05" does not). */
    static Optional<Instant> parseTimestamp(String timestamp) {
        return CognitoTimestamp.parse(timestamp);
    }

    /** What the authenticator asks to name the account of a refused sign-in. */
    private Map<String, Object> adminGetUser(JsonNode request) {
        StubUser user = users.get(request.path("Username").asText());
        if (user == null) throw new Refusal("UserNotFoundException", "User does not exist.", "AdminGetUser of an unknown user");
        return Map.of("Username", user.userId(), "Enabled", true, "UserStatus", user.confirmed() ? "CONFIRMED" : "UNCONFIRMED",
                "UserAttributes", List.of(Map.of("Name", "sub", "Value", user.userId()), Map.of("Name", "email", "Value", user.username())));
    }

    /** Shaped like Cognito's (whose it is: sub and email), unsigned: what reads it does not verify it. */
    private static String idToken(StubUser user, String serial) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = "{\"sub\":\"" + user.userId() + "\",\"email\":\"" + user.username() + "\",\"jti\":\"" + serial + "\"}";
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".c3R1Yg";
    }

    private Map<String, Object> tokensFor(StubUser user) {
        String serial = UUID.randomUUID().toString();
        IssuedTokens tokens = new IssuedTokens(user.userId(), "stub-access-" + serial, idToken(user, serial), "stub-refresh-" + serial);
        issued.add(tokens);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("AccessToken", tokens.accessToken());
        result.put("ExpiresIn", 3600);
        result.put("IdToken", tokens.idToken());
        result.put("RefreshToken", tokens.refreshToken());
        result.put("TokenType", "Bearer");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("AuthenticationResult", result);
        answer.put("ChallengeParameters", Map.of());
        return answer;
    }

    private void requireClient(JsonNode request) {
        String requested = request.path("ClientId").asText("");
        if (!clientId.equals(requested)) {
            throw new Refusal("ResourceNotFoundException", "User pool client " + requested + " does not exist.", "unknown client");
        }
    }

    private void requireSecretHash(JsonNode parameters, String username) {
        if (clientSecret.isEmpty()) return;
        String sent = parameters.path("SECRET_HASH").asText("");
        if (sent.isEmpty()) {
            throw new Refusal("NotAuthorizedException",
                    "Client " + clientId + " is configured with secret but SECRET_HASH was not received", "no SECRET_HASH");
        }
        byte[] expected = secretHash(clientSecret.get(), username, clientId).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.US_ASCII))) {
            throw new Refusal("NotAuthorizedException", "Unable to verify secret hash for client " + clientId, "wrong SECRET_HASH");
        }
    }

    /** {@code base64(HMAC-SHA256(key = client secret, username ‖ client id))}, as Cognito checks it. */
    public static String secretHash(String clientSecret, String username, String clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String required(JsonNode parameters, String name) {
        String value = parameters.path(name).asText("");
        if (value.isEmpty()) throw new Refusal("InvalidParameterException", "Missing required parameter " + name, "missing " + name);
        return value;
    }

    private static Refusal notAuthorized(String reason) {
        return new Refusal("NotAuthorizedException", WRONG_PASSWORD, reason);
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private String randomHex(int n) {
        return java.util.HexFormat.of().formatHex(randomBytes(n));
    }
}
