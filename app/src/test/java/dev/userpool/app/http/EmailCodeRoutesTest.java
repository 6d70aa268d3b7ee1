package dev.userpool.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/signin/email-code and /verify (issue 14): a code by mail signs in; refusals are problems. */
class EmailCodeRoutesTest {

    private RunningApp app;
    private ApiClient api;

    @BeforeEach
    void start() {
        app = RunningApp.start(Map.of());
        api = new ApiClient(app.baseUrl());
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void aMailedCodeSignsInOnce() {
        String email = newEmail();
        api.register(email);

        Response asked = api.post("/api/signin/email-code", Map.of("email", email));
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.json().path("challenge").asText()).isEqualTo("EMAIL_OTP");
        assertThat(asked.json().path("destination").asText()).isEqualTo(email.charAt(0) + "***@e***.com");
        String session = asked.json().path("session").asText();
        String code = api.latestSignInCode(email);

        Response signedIn = api.post("/api/signin/email-code/verify", Map.of("email", email, "session", session, "code", code));
        assertThat(signedIn.status()).isEqualTo(200);
        String token = signedIn.json().path("accessToken").asText();
        assertThat(api.get("/api/me", token).json().path("email").asText()).isEqualTo(email);

        Response replayed = api.post("/api/signin/email-code/verify", Map.of("email", email, "session", session, "code", code));
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusalsAreProblems() {
        String email = newEmail();
        api.register(email);
        String session = api.post("/api/signin/email-code", Map.of("email", email)).json().path("session").asText();

        Response wrong = api.post("/api/signin/email-code/verify", Map.of("email", email, "session", session, "code", "00000000"));
        Response missing = api.post("/api/signin/email-code/verify", Map.of("email", email, "session", session));
        Response badAddress = api.post("/api/signin/email-code", Map.of("email", "nope"));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.code()).isEqualTo("CodeMismatch");
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(badAddress.status()).isEqualTo(400);
        assertThat(badAddress.code()).isEqualTo("InvalidParameter");
    }

    @Test
    void anUnknownAddressLooksTheSameAndTheSixthRequestIsRefused() {
        String known = newEmail();
        api.register(known);
        String unknown = newEmail();

        JsonNode k = api.post("/api/signin/email-code", Map.of("email", known)).json();
        JsonNode u = api.post("/api/signin/email-code", Map.of("email", unknown)).json();
        assertThat(fieldNames(u)).isEqualTo(fieldNames(k));
        assertThat(u.path("session").asText()).hasSameSizeAs(k.path("session").asText());
        assertThat(mailbox(unknown).size()).isZero();

        for (int i = 0; i < 4; i++) api.post("/api/signin/email-code", Map.of("email", unknown));
        Response sixth = api.post("/api/signin/email-code", Map.of("email", unknown));
        assertThat(sixth.code()).isEqualTo("LimitExceeded");
        assertThat(sixth.contentType()).startsWith("application/problem+json");
    }

    private static java.util.List<String> fieldNames(JsonNode n) {
        java.util.List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode mailbox(String email) {
        return api.get("/api/dev/mailbox?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8)).json().path("messages");
    }


    private static String newEmail() {
        return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
