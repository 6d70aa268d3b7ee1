package dev.userpool.app.http;

import static dev.userpool.app.testing.ApiClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /api/me/email, /verify and /resend, driven like a client would, with problem+json refusals. */
class EmailRoutesTest {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static RunningApp app;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        app = RunningApp.start(Map.of());
        api = new ApiClient(app.baseUrl());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String newEmail() {
        return "mover" + SEQ.incrementAndGet() + "@example.com";
    }

    @Test
    void askProveAndSignInWithTheNewAddress() {
        String old = newEmail();
        String next = newEmail();
        api.register(old);
        String token = api.accessToken(old);

        Response asked = api.post("/api/me/email", Map.of("email", next), token);
        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.json().path("codeDelivery").path("destination").asText()).isEqualTo("m***@e***.com");
        assertThat(api.get("/api/me", token).json().path("email").asText()).isEqualTo(old);
        assertThat(api.post("/api/signin", Map.of("email", next, "password", PASSWORD)).status()).isEqualTo(401);

        Response resent = api.post("/api/me/email/resend", Map.of(), token);
        assertThat(resent.status()).isEqualTo(200);
        Response proven = api.post("/api/me/email/verify", Map.of("code", api.latestCode(next)), token);

        assertThat(proven.status()).isEqualTo(200);
        assertThat(proven.json().path("email").asText()).isEqualTo(next);
        assertThat(proven.json().path("emailVerified").asBoolean()).isTrue();
        assertThat(api.get("/api/me", token).json().path("email").asText()).isEqualTo(next);
        assertThat(api.signIn(next, PASSWORD).path("accessToken").asText()).isNotBlank();
        assertThat(api.post("/api/signin", Map.of("email", old, "password", PASSWORD)).status()).isEqualTo(401);
    }

    @Test
    void refusalsAreProblemsAndChangeNothing() {
        String old = newEmail();
        api.register(old);
        String token = api.accessToken(old);

        Response unsigned = api.post("/api/me/email", Map.of("email", newEmail()));
        Response bad = api.post("/api/me/email", Map.of("email", "nope"), token);
        Response missing = api.post("/api/me/email", Map.of(), token);
        Response noCode = api.post("/api/me/email/verify", Map.of("code", "123456"), token);

        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.contentType()).startsWith("application/problem+json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("InvalidParameter");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(noCode.status()).isEqualTo(400);
        assertThat(noCode.code()).isEqualTo("CodeMismatch");
        assertThat(noCode.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/me", token).json().path("email").asText()).isEqualTo(old);
    }

    @Test
    void aTakenAddressIsToldOnlyAfterItsCodeIsProven() {
        String mine = newEmail();
        String taken = newEmail();
        api.register(mine);
        api.register(taken);
        String token = api.accessToken(mine);

        Response asked = api.post("/api/me/email", Map.of("email", taken), token);
        assertThat(asked.status()).isEqualTo(202);

        Response proven = api.post("/api/me/email/verify", Map.of("code", api.latestCode(taken)), token);
        assertThat(proven.status()).isEqualTo(409);
        assertThat(proven.code()).isEqualTo("UsernameExists");
        assertThat(api.get("/api/me", token).json().path("email").asText()).isEqualTo(mine);
    }

    @Test
    void theOwnAddressAgainIs200WithNoCode() {
        String mine = newEmail();
        api.register(mine);

        Response same = api.post("/api/me/email", Map.of("email", mine), api.accessToken(mine));

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().path("codeDelivery").isNull()).isTrue();
    }
}
