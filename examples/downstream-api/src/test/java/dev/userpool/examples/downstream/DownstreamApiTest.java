package dev.userpool.examples.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user signs up, confirms and signs in at a real userpool app; the downstream API, configured with
 * nothing but the app's endpoint, pool id and client id, accepts that user's access token and nothing else.
 */
class DownstreamApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EMAIL = "grace@example.com";
    private static final String PASSWORD = "Correct-Horse-9";

    @TempDir
    static Path dataDir;

    private static UserpoolApp userpool;
    private static PoolSettings settings;
    private static DownstreamApi api;
    private static String sub;
    private static JsonNode tokens;

    @BeforeAll
    static void signInAtUserpool() throws Exception {
        userpool = UserpoolApp.start(dataDir);
        settings = PoolSettings.from(Map.of("POOL_ENDPOINT", userpool.baseUrl().toString(),
                "POOL_ID", UserpoolApp.POOL_ID, "CLIENT_ID", UserpoolApp.CLIENT_ID));
        api = DownstreamApi.start(settings, new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC());

        JsonNode signedUp = expect(201, post("/api/signup", Map.of("email", EMAIL, "password", PASSWORD)));
        sub = signedUp.path("userId").asText();
        expect(200, post("/api/confirm", Map.of("email", EMAIL, "code", mailedCode())));
        tokens = expect(200, post("/api/signin", Map.of("email", EMAIL, "password", PASSWORD)));
    }

    @AfterAll
    static void stop() {
        if (api != null) api.close();
        if (userpool != null) userpool.close();
    }

    @Test
    void theAppsIssuerIsWhereTheApiLooksForKeys() {
        assertThat(settings.pool().issuer()).isEqualTo(userpool.baseUrl() + "/" + UserpoolApp.POOL_ID);
        assertThat(claims(tokens.path("accessToken").asText()).path("iss").asText()).isEqualTo(settings.pool().issuer());
    }

    @Test
    void anAccessTokenIsAnsweredWithTheUsersSub() throws Exception {
        HttpResponse<String> hello = hello(api, Optional.of("Bearer " + tokens.path("accessToken").asText()));

        JsonNode body = expect(200, hello);
        assertThat(sub).isNotBlank();
        assertThat(body.path("sub").asText()).isEqualTo(sub);
    }

    @Test
    void noTokenIsRefused() throws Exception {
        assertRefused(hello(api, Optional.empty()), "Send an access token");
        assertRefused(hello(api, Optional.of("Basic Z3JhY2U6cGFzcw==")), "Send an access token");
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        String[] parts = tokens.path("accessToken").asText().split("\\.");
        String otherSub = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace(claims(tokens.path("accessToken").asText()).path("sub").asText(),
                                "00000000-0000-4000-8000-000000000000")
                        .getBytes(StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + otherSub + "." + parts[2];

        assertRefused(hello(api, Optional.of("Bearer " + tampered)), "Token signature is invalid.");
        assertRefused(hello(api, Optional.of("Bearer not-a-jwt")), "Token is malformed.");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        // the same API an hour and a minute later: the access token lives an hour
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(61));
        try (DownstreamApi tomorrow = DownstreamApi.start(settings, new InetSocketAddress("127.0.0.1", 0), later)) {
            assertRefused(hello(tomorrow, Optional.of("Bearer " + tokens.path("accessToken").asText())), "Token has expired.");
        }
    }

    @Test
    void anIdTokenIsNotAnAccessToken() throws Exception {
        assertRefused(hello(api, Optional.of("Bearer " + tokens.path("idToken").asText())),
                "An ID token is not accepted here: send the access token.");
    }

    @Test
    void aTokenOfAnotherClientIsRefused() throws Exception {
        PoolSettings otherClient = PoolSettings.from(Map.of("POOL_ENDPOINT", userpool.baseUrl().toString(),
                "POOL_ID", UserpoolApp.POOL_ID, "CLIENT_ID", "another-client"));
        try (DownstreamApi other = DownstreamApi.start(otherClient, new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC())) {
            assertRefused(hello(other, Optional.of("Bearer " + tokens.path("accessToken").asText())), "Token client is not accepted.");
        }
    }

    @Test
    void cognitoIsTheSameCodeWithOtherSettings() {
        PoolSettings cognito = PoolSettings.from(Map.of("POOL_ID", "eu-west-1_AbC123", "CLIENT_ID", "1example23456789"));

        assertThat(cognito.pool().issuer()).isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123");
        assertThat(cognito.pool().jwksUri())
                .isEqualTo(URI.create("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123/.well-known/jwks.json"));
        assertThat(cognito.client().clientId()).isEqualTo("1example23456789");
    }

    private static void assertRefused(HttpResponse<String> response, String detail) throws IOException {
        JsonNode problem = expect(401, response);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(problem.path("title").asText()).isEqualTo("Unauthorized");
        assertThat(problem.path("detail").asText()).startsWith(detail);
    }

    private static HttpResponse<String> hello(DownstreamApi target, Optional<String> authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + "/hello")).GET();
        authorization.ifPresent(value -> request.header("Authorization", value));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The app's development mailbox (open to loopback callers while nothing is really sent) holds the code. */
    private static String mailedCode() throws Exception {
        HttpResponse<String> mailbox = HTTP.send(HttpRequest.newBuilder(userpool.baseUrl()
                .resolve("/api/dev/mailbox?to=" + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode message : expect(200, mailbox).path("messages")) {
            Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(message.path("textBody").asText());
            if (code.find()) return code.group(1);
        }
        throw new AssertionError("no code in the mailbox: " + mailbox.body());
    }

    private static HttpResponse<String> post(String path, Map<String, String> body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(userpool.baseUrl().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new AssertionError("not a JWT", e);
        }
    }

    private static JsonNode expect(int status, HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
