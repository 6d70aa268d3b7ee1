package dev.userpool.app.http;

import static dev.userpool.app.testing.ApiClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.testing.MutableClock;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error code the API can answer from the embedded adapters, and a table of bad inputs that each
 * get their 4xx, never a 500. The clock is the test's, so codes can expire and lockouts pass; tests that
 * need an admin sign in afresh because another test may have moved the clock past a token's life.
 */
class ApiErrorTest {
    static final String ADMIN = "boss@example.com";
    static final String KNOWN = "known@example.com";

    static MutableClock clock;
    static RunningApp app;
    static ApiClient api;

    @BeforeAll
    static void start() {
        clock = MutableClock.at(java.time.Instant.now());
        app = RunningApp.start(Map.of("USERPOOL_ADMIN_EMAILS", ADMIN), clock);
        api = new ApiClient(app.baseUrl());
        api.register(ADMIN);
        api.register(KNOWN);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Stream<Arguments> badInputs() {
        String longEmail = "a".repeat(250) + "@example.com";
        String longLocal = "b".repeat(65) + "@example.com";
        String deep = "[".repeat(5000) + "]".repeat(5000);
        return Stream.of(
                bad("signup as text/plain", "POST", "/api/signup", "text/plain", "hello", 415),
                bad("signup without content type", "POST", "/api/signup", null, "{}", 415),
                bad("signup empty body", "POST", "/api/signup", "application/json", "", 400),
                bad("signup malformed JSON", "POST", "/api/signup", "application/json", "{\"email\":", 400),
                bad("signup JSON array", "POST", "/api/signup", "application/json", "[]", 400),
                bad("signup JSON null", "POST", "/api/signup", "application/json", "null", 400),
                bad("signup JSON nested 5000 deep", "POST", "/api/signup", "application/json", deep, 400),
                bad("signup missing password", "POST", "/api/signup", "application/json", "{\"email\":\"x@example.com\"}", 400),
                bad("signup missing email", "POST", "/api/signup", "application/json", "{\"password\":\"" + PASSWORD + "\"}", 400),
                bad("signup email is a number", "POST", "/api/signup", "application/json", "{\"email\":12,\"password\":\"" + PASSWORD + "\"}", 400),
                bad("signup email is an object", "POST", "/api/signup", "application/json", "{\"email\":{},\"password\":\"" + PASSWORD + "\"}", 400),
                bad("signup email without @", "POST", "/api/signup", "application/json", signUp("not-an-email"), 400),
                bad("signup email with space", "POST", "/api/signup", "application/json", signUp("a b@example.com"), 400),
                bad("signup email without domain dot", "POST", "/api/signup", "application/json", signUp("x@localhost"), 400),
                bad("signup email with two @", "POST", "/api/signup", "application/json", signUp("a@b@example.com"), 400),
                bad("signup email longer than 254", "POST", "/api/signup", "application/json", signUp(longEmail), 400),
                bad("signup local part longer than 64", "POST", "/api/signup", "application/json", signUp(longLocal), 400),
                bad("signup email with control char", "POST", "/api/signup", "application/json", signUp("a\\u0001b@example.com"), 400),
                bad("signup weak password", "POST", "/api/signup", "application/json", "{\"email\":\"w@example.com\",\"password\":\"short\"}", 400),
                bad("signup password over 256", "POST", "/api/signup", "application/json",
                        "{\"email\":\"w@example.com\",\"password\":\"Aa1!" + "x".repeat(300) + "\"}", 400),
                bad("signup body over 64 KiB", "POST", "/api/signup", "application/json",
                        "{\"email\":\"big@example.com\",\"password\":\"" + "A".repeat(70_000) + "\"}", 413),
                bad("confirm code with symbols", "POST", "/api/confirm", "application/json", "{\"email\":\"" + KNOWN + "\",\"code\":\"12$4\"}", 400),
                bad("confirm missing code", "POST", "/api/confirm", "application/json", "{\"email\":\"" + KNOWN + "\"}", 400),
                bad("confirm code too long", "POST", "/api/confirm", "application/json", "{\"email\":\"" + KNOWN + "\",\"code\":\"" + "1".repeat(40) + "\"}", 400),
                bad("signin blank fields", "POST", "/api/signin", "application/json", "{\"email\":\"\",\"password\":\"\"}", 400),
                bad("refresh missing token", "POST", "/api/refresh", "application/json", "{}", 400),
                bad("refresh with garbage", "POST", "/api/refresh", "application/json", "{\"refreshToken\":\"garbage\"}", 401),
                bad("signout without token", "POST", "/api/signout", null, null, 401),
                bad("me with garbage token", "GET", "/api/me", null, null, 401, "garbage"),
                bad("me with a token-shaped string", "GET", "/api/me", null, null, 401, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."),
                bad("change-password with garbage token", "POST", "/api/change-password", "application/json",
                        "{\"oldPassword\":\"a\",\"newPassword\":\"" + PASSWORD + "\"}", 401, "garbage"),
                bad("reset missing new password", "POST", "/api/reset-password", "application/json",
                        "{\"email\":\"" + KNOWN + "\",\"code\":\"123456\"}", 400),
                bad("forgot with bad email", "POST", "/api/forgot-password", "application/json", "{\"email\":\"@@\"}", 400),
                bad("resend with bad email", "POST", "/api/resend-code", "application/json", "{\"email\":\"nope\"}", 400),
                bad("admin users limit not a number", "GET", "/api/admin/users?limit=abc", null, null, 400, "ADMIN"),
                bad("admin users limit zero", "GET", "/api/admin/users?limit=0", null, null, 400, "ADMIN"),
                bad("admin users limit too big", "GET", "/api/admin/users?limit=100000", null, null, 400, "ADMIN"),
                bad("admin users unknown status", "GET", "/api/admin/users?status=BOGUS", null, null, 400, "ADMIN"),
                bad("admin users emailVerified not boolean", "GET", "/api/admin/users?emailVerified=maybe", null, null, 400, "ADMIN"),
                bad("admin users cursor garbage", "GET", "/api/admin/users?cursor=%21%21%21", null, null, 400, "ADMIN"),
                bad("admin audit from not a date", "GET", "/api/admin/audit?from=yesterday", null, null, 400, "ADMIN"),
                bad("admin audit from after to", "GET", "/api/admin/audit?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z", null, null, 400, "ADMIN"),
                bad("admin audit cursor garbage", "GET", "/api/admin/audit?cursor=zzz", null, null, 400, "ADMIN"),
                bad("admin confirm bad email", "POST", "/api/admin/users/not-an-email/confirm", null, null, 400, "ADMIN"),
                bad("admin confirm unknown user", "POST", "/api/admin/users/ghost@example.com/confirm", null, null, 404, "ADMIN"),
                bad("mailbox without address", "GET", "/api/dev/mailbox", null, null, 400),
                bad("unknown API route", "GET", "/api/nothing-here", null, null, 404),
                bad("wrong method on signup", "GET", "/api/signup", null, null, 404));
    }

    private static String signUp(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    private static Arguments bad(String name, String method, String path, String type, String body, int status) {
        return Arguments.of(name, method, path, type, body, status, null);
    }

    private static Arguments bad(String name, String method, String path, String type, String body, int status, String bearer) {
        return Arguments.of(name, method, path, type, body, status, bearer);
    }

    @ParameterizedTest(name = "{0} → {5}")
    @MethodSource("badInputs")
    void badInputGetsItsClientError(String name, String method, String path, String type, String body, int status,
                                    String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.url(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) request.header("Content-Type", type);
        if (bearer != null) request.header("Authorization", "Bearer " + ("ADMIN".equals(bearer) ? api.accessToken(ADMIN) : bearer));
        Response r = api.send(request.build());
        assertThat(r.status()).as(name + ": " + r.text()).isEqualTo(status);
        assertThat(r.contentType()).as(name).startsWith("application/problem+json");
        assertThat(r.json().path("code").asText()).as(name).isNotBlank();
        assertThat(r.json().path("detail").asText()).as(name).isNotBlank();
        assertThat(r.text()).as(name).doesNotContain("Exception", "at dev.userpool");
    }

    @Test
    void usernameExistsIs409() {
        Response r = api.signUp(KNOWN);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("UsernameExists");
    }

    @Test
    void invalidPasswordListsEveryBrokenRule() {
        Response r = api.post("/api/signup", Map.of("email", "weak@example.com", "password", "abc"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("InvalidPassword");
        assertThat(r.json().path("violations")).extracting(n -> n.asText()).containsExactly(
                "Password not long enough", "Password must have uppercase characters",
                "Password must have numeric characters", "Password must have symbol characters");
    }

    @Test
    void wrongCodeIsCodeMismatchAndExpiredCodeIsExpired() {
        String email = "late@example.com";
        api.signUp(email);
        String code = api.latestCode(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        Response mismatch = api.post("/api/confirm", Map.of("email", email, "code", wrong));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.code()).isEqualTo("CodeMismatch");
        clock.advance(Duration.ofHours(25));
        Response expired = api.post("/api/confirm", Map.of("email", email, "code", code));
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.code()).isEqualTo("ExpiredCode");
    }

    @Test
    void tooManyResendsIsLimitExceeded() {
        String email = "impatient@example.com";
        api.signUp(email);
        int last = 0;
        for (int i = 0; i < 6; i++) last = api.post("/api/resend-code", Map.of("email", email)).status();
        Response r = api.post("/api/resend-code", Map.of("email", email));
        assertThat(last).isEqualTo(429);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.code()).isEqualTo("LimitExceeded");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccount() {
        String email = "forgetful@example.com";
        api.register(email);
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/signin", Map.of("email", email, "password", "Wrong-Pass-" + i)).status()).isEqualTo(401);
        }
        Response locked = api.post("/api/signin", Map.of("email", email, "password", PASSWORD));
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().path("detail").asText()).isEqualTo("Password attempts exceeded");
        clock.advance(Duration.ofMinutes(16));
        assertThat(api.signIn(email, PASSWORD).path("accessToken").asText()).isNotBlank();
    }

    @Test
    void unconfirmedIs403AndUnknownAdminTargetIs404() {
        api.signUp("pending@example.com");
        assertThat(api.post("/api/signin", Map.of("email", "pending@example.com", "password", PASSWORD)).status()).isEqualTo(403);
        Response r = api.delete("/api/admin/users/ghost@example.com", api.accessToken(ADMIN));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("UserNotFound");
    }

    @Test
    void theRequestIdIsEchoedAndInTheProblem() {
        HttpRequest request = HttpRequest.newBuilder(app.url("/api/signup")).header("X-Request-Id", "trace-123")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{")).build();
        Response r = api.send(request);
        assertThat(r.raw().headers().firstValue("X-Request-Id")).hasValue("trace-123");
        assertThat(r.json().path("requestId").asText()).isEqualTo("trace-123");
    }
}
