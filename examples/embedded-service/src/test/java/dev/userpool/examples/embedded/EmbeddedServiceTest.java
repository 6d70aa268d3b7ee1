package dev.userpool.examples.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.embedded.Argon2Parameters;
import dev.userpool.embedded.EmbeddedAdapters;
import dev.userpool.embedded.StoredEmail;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example service on a free loopback port, driven over HTTP as a user would: sign up, confirm, sign in. */
class EmbeddedServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMAIL = "ada@example.com";
    private static final String PASSWORD = "Correct-Horse-9";

    @TempDir
    Path dataDir;

    private EmbeddedAdapters edge;
    private EmbeddedService service;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        // a cheap hash: this test is about the wiring, not Argon2's cost
        edge = EmbeddedAdapters.builder(dataDir.resolve("users.db"), URI.create("http://127.0.0.1/local_Example1"))
                .argon2(new Argon2Parameters(1024, 1, 1), 2)
                .build();
        service = EmbeddedService.start(UserPorts.embedded(edge), new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        edge.close();
    }

    @Test
    void signUpConfirmWithTheMailedCodeThenSignIn() throws Exception {
        JsonNode signedUp = expect(201, post("/signup", Map.of("email", EMAIL, "password", PASSWORD)));
        assertThat(signedUp.path("status").asText()).isEqualTo("UNCONFIRMED");
        assertThat(signedUp.path("confirmWith").asText()).isEqualTo("CODE");

        JsonNode refused = expect(403, post("/signin", Map.of("email", EMAIL, "password", PASSWORD)));
        assertThat(refused.path("code").asText()).isEqualTo("UserNotConfirmed");

        JsonNode confirmed = expect(200, post("/confirm", Map.of("email", EMAIL, "code", mailedCode())));
        assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("emailVerified").asBoolean()).isTrue();

        JsonNode tokens = expect(200, post("/signin", Map.of("email", EMAIL, "password", PASSWORD)));
        assertThat(tokens.path("tokenType").asText()).isEqualTo("Bearer");
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(url("/me"))
                .header("Authorization", "Bearer " + tokens.path("accessToken").asText()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode user = expect(200, me);
        assertThat(user.path("sub").asText()).isEqualTo(signedUp.path("userId").asText());
        assertThat(user.path("email").asText()).isEqualTo(EMAIL);
    }

    @Test
    void refusalsAreProblemsWithTheCoresErrorCode() throws Exception {
        expect(201, post("/signup", Map.of("email", EMAIL, "password", PASSWORD)));

        HttpResponse<String> wrongCode = post("/confirm", Map.of("email", EMAIL, "code", otherThan(mailedCode())));
        assertThat(wrongCode.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(expect(400, wrongCode).path("code").asText()).isEqualTo("CodeMismatch");

        assertThat(expect(409, post("/signup", Map.of("email", EMAIL, "password", PASSWORD))).path("code").asText())
                .isEqualTo("UsernameExists");
        assertThat(expect(400, post("/signup", Map.of("email", "bob@example.com", "password", "short"))).path("code").asText())
                .isEqualTo("InvalidPassword");
        assertThat(expect(400, post("/signup", Map.of("email", "bob@example.com"))).path("detail").asText())
                .contains("\"password\" is required");
        assertThat(expect(401, http.send(HttpRequest.newBuilder(url("/me")).GET().build(),
                HttpResponse.BodyHandlers.ofString())).path("code").asText()).isEqualTo("NotAuthorized");
    }

    /** The embedded directory mails its codes through the outbox, which keeps every message in the database. */
    private String mailedCode() {
        List<StoredEmail> messages = edge.outbox().orElseThrow().messagesTo(new EmailAddress(EMAIL));
        assertThat(messages).as("messages to " + EMAIL).isNotEmpty();
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(messages.get(0).textBody());
        assertThat(code.find()).as("a 6-digit code in: " + messages.get(0).textBody()).isTrue();
        return code.group(1);
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private HttpResponse<String> post(String path, Map<String, String> body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    private static JsonNode expect(int status, HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
