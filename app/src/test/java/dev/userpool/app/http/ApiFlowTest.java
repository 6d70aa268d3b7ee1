package dev.userpool.app.http;

import static dev.userpool.app.testing.ApiClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every route of the API, driven like a client would, against the real server and the embedded adapters. */
class ApiFlowTest {
    static final String ADMIN = "admin@example.com";
    private static final AtomicInteger SEQ = new AtomicInteger();

    static RunningApp app;
    static ApiClient api;

    @BeforeAll
    static void start() {
        app = RunningApp.start(Map.of("USERPOOL_ADMIN_EMAILS", ADMIN));
        api = new ApiClient(app.baseUrl());
        api.register(ADMIN);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String newEmail() {
        return "rider" + SEQ.incrementAndGet() + "@example.com";
    }

    @Test
    void registerConfirmSignInUseTokensAndSignOut() {
        String email = newEmail();
        Response signUp = api.signUp(email);
        assertThat(signUp.status()).isEqualTo(201);
        assertThat(signUp.json().path("status").asText()).isEqualTo("UNCONFIRMED");
        assertThat(signUp.json().path("userId").asText()).isNotBlank();
        assertThat(signUp.json().path("codeDelivery").path("destination").asText()).isEqualTo("r***@e***.com");
        assertThat(signUp.json().path("codeDelivery").path("medium").asText()).isEqualTo("EMAIL");
        assertThat(signUp.json().path("confirmWith").asText()).isEqualTo("CODE");

        Response unconfirmed = api.post("/api/signin", Map.of("email", email, "password", PASSWORD));
        assertThat(unconfirmed.status()).isEqualTo(403);
        assertThat(unconfirmed.code()).isEqualTo("UserNotConfirmed");

        Response confirm = api.post("/api/confirm", Map.of("email", email, "code", api.latestCode(email)));
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.json().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirm.json().path("emailVerified").asBoolean()).isTrue();

        JsonNode tokens = api.signIn(email, PASSWORD);
        assertThat(tokens.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(tokens.path("expiresIn").asInt()).isEqualTo(3600);
        for (String field : List.of("idToken", "accessToken")) {
            Response me = api.get("/api/me", tokens.path(field).asText());
            assertThat(me.status()).as(field).isEqualTo(200);
            assertThat(me.json().path("email").asText()).isEqualTo(email);
            assertThat(me.json().path("emailVerified").asBoolean()).isTrue();
            assertThat(me.json().path("status").asText()).isEqualTo("CONFIRMED");
            assertThat(me.json().path("userId").asText()).isEqualTo(signUp.json().path("userId").asText());
        }

        Response refreshed = api.post("/api/refresh", Map.of("refreshToken", tokens.path("refreshToken").asText()));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().has("refreshToken")).isFalse();
        assertThat(api.get("/api/me", refreshed.json().path("accessToken").asText()).status()).isEqualTo(200);

        assertThat(api.post("/api/signout", null, tokens.path("accessToken").asText()).status()).isEqualTo(204);
        assertThat(api.get("/api/me", tokens.path("accessToken").asText()).code()).isEqualTo("NotAuthorized");
        assertThat(api.get("/api/me", refreshed.json().path("idToken").asText()).status()).isEqualTo(401);
        Response refreshAfterSignOut = api.post("/api/refresh", Map.of("refreshToken", tokens.path("refreshToken").asText()));
        assertThat(refreshAfterSignOut.status()).isEqualTo(401);

        assertThat(api.signIn(email, PASSWORD).path("accessToken").asText()).isNotBlank();
    }

    @Test
    void resendReplacesTheCode() {
        String email = newEmail();
        api.signUp(email);
        String first = api.latestCode(email);
        Response resend = api.post("/api/resend-code", Map.of("email", email));
        assertThat(resend.status()).isEqualTo(200);
        assertThat(resend.json().path("codeDelivery").path("destination").asText()).isEqualTo("r***@e***.com");
        String second = api.latestCode(email);
        if (!first.equals(second)) {
            assertThat(api.post("/api/confirm", Map.of("email", email, "code", first)).code()).isEqualTo("CodeMismatch");
        }
        assertThat(api.post("/api/confirm", Map.of("email", email, "code", second)).status()).isEqualTo(200);
    }

    @Test
    void forgotAndResetPasswordEndsOtherSessionsAndNotifies() {
        String email = newEmail();
        api.register(email);
        JsonNode before = api.signIn(email, PASSWORD);
        Response forgot = api.post("/api/forgot-password", Map.of("email", email));
        assertThat(forgot.status()).isEqualTo(200);
        assertThat(forgot.json().path("codeDelivery").path("destination").asText()).isEqualTo("r***@e***.com");
        String code = api.latestCode(email);
        Response reset = api.post("/api/reset-password", Map.of("email", email, "code", code, "newPassword", "Brand-New-Pass-7"));
        assertThat(reset.status()).isEqualTo(204);
        assertThat(api.post("/api/refresh", Map.of("refreshToken", before.path("refreshToken").asText())).status()).isEqualTo(401);
        assertThat(api.post("/api/signin", Map.of("email", email, "password", PASSWORD)).code()).isEqualTo("NotAuthorized");
        assertThat(api.signIn(email, "Brand-New-Pass-7").path("idToken").asText()).isNotBlank();
        assertThat(api.firstMessage(email).orElseThrow().path("kind").asText()).isEqualTo("PASSWORD_RESET");
    }

    @Test
    void forgotPasswordForAnUnknownAddressLooksTheSame() {
        Response forgot = api.post("/api/forgot-password", Map.of("email", "nobody-here@example.com"));
        assertThat(forgot.status()).isEqualTo(200);
        assertThat(forgot.json().path("codeDelivery").path("destination").asText()).isEqualTo("n***@e***.com");
        Response signIn = api.post("/api/signin", Map.of("email", "nobody-here@example.com", "password", PASSWORD));
        Response wrong = api.post("/api/signin", Map.of("email", ADMIN, "password", "Wrong-Password-1"));
        assertThat(signIn.status()).isEqualTo(401);
        assertThat(signIn.json().path("detail").asText()).isEqualTo(wrong.json().path("detail").asText());
    }

    @Test
    void changePasswordNeedsTheOldOneAndEndsOtherSessions() {
        String email = newEmail();
        api.register(email);
        JsonNode other = api.signIn(email, PASSWORD);
        String access = api.accessToken(email);
        Response wrongOld = api.post("/api/change-password", Map.of("oldPassword", "Not-The-One-1", "newPassword", "Another-Pass-8"), access);
        assertThat(wrongOld.status()).isEqualTo(401);
        Response weak = api.post("/api/change-password", Map.of("oldPassword", PASSWORD, "newPassword", "weak"), access);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.code()).isEqualTo("InvalidPassword");
        assertThat(weak.json().path("violations")).hasSize(4);
        Response changed = api.post("/api/change-password", Map.of("oldPassword", PASSWORD, "newPassword", "Another-Pass-8"), access);
        assertThat(changed.status()).isEqualTo(204);
        assertThat(api.post("/api/refresh", Map.of("refreshToken", other.path("refreshToken").asText())).status()).isEqualTo(401);
        assertThat(api.signIn(email, "Another-Pass-8").path("accessToken").asText()).isNotBlank();
        assertThat(api.firstMessage(email).orElseThrow().path("kind").asText()).isEqualTo("PASSWORD_CHANGED");
    }

    @Test
    void deletingMyAccountSignsMeOutForGood() {
        String email = newEmail();
        api.register(email);
        String access = api.accessToken(email);
        assertThat(api.delete("/api/me", access).status()).isEqualTo(204);
        assertThat(api.get("/api/me", access).status()).isEqualTo(401);
        assertThat(api.post("/api/signin", Map.of("email", email, "password", PASSWORD)).status()).isEqualTo(401);
        assertThat(api.firstMessage(email).orElseThrow().path("kind").asText()).isEqualTo("ACCOUNT_DELETED");
        assertThat(api.signUp(email).status()).isEqualTo(201);
    }

    @Test
    void adminConfirmLeavesTheEmailUnverified() {
        String email = newEmail();
        api.signUp(email);
        String admin = api.accessToken(ADMIN);
        Response confirmed = api.post("/api/admin/users/" + email + "/confirm", null, admin);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().path("emailVerified").asBoolean()).isFalse();
        Response me = api.get("/api/me", api.signIn(email, PASSWORD).path("idToken").asText());
        assertThat(me.json().path("emailVerified").asBoolean()).isFalse();
        assertThat(api.post("/api/admin/users/" + email + "/confirm", null, admin).code()).isEqualTo("NotAuthorized");
    }

    @Test
    void adminListsDisablesEnablesAndDeletes() {
        String email = newEmail();
        api.register(email);
        String admin = api.accessToken(ADMIN);

        Response list = api.get("/api/admin/users?status=CONFIRMED&emailVerified=true&limit=60", admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("users").findValuesAsText("email")).contains(email, ADMIN);

        assertThat(api.post("/api/admin/users/" + email + "/disable", null, admin).json().path("enabled").asBoolean()).isFalse();
        Response disabled = api.post("/api/signin", Map.of("email", email, "password", PASSWORD));
        assertThat(disabled.status()).isEqualTo(401);
        assertThat(disabled.code()).isEqualTo("NotAuthorized");
        assertThat(api.post("/api/admin/users/" + email + "/enable", null, admin).json().path("enabled").asBoolean()).isTrue();
        assertThat(api.signIn(email, PASSWORD).path("idToken").asText()).isNotBlank();

        assertThat(api.delete("/api/admin/users/" + email, admin).status()).isEqualTo(204);
        Response gone = api.post("/api/admin/users/" + email + "/disable", null, admin);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("UserNotFound");
    }

    @Test
    void adminPagesThroughUsersWithTheCursor() {
        for (int i = 0; i < 3; i++) api.signUp(newEmail());
        String admin = api.accessToken(ADMIN);
        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            Response page = api.get("/api/admin/users?limit=2" + (cursor.isEmpty() ? "" : "&cursor=" + cursor), admin);
            assertThat(page.json().path("users").size()).isLessThanOrEqualTo(2);
            seen.addAll(page.json().path("users").findValuesAsText("email"));
            cursor = page.json().path("nextCursor").asText("");
        } while (!cursor.isEmpty());
        assertThat(seen).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void adminRoutesNeedAnAdministrator() {
        String email = newEmail();
        api.register(email);
        assertThat(api.get("/api/admin/users").status()).isEqualTo(401);
        assertThat(api.get("/api/admin/users", "not-a-token").status()).isEqualTo(401);
        Response notAdmin = api.get("/api/admin/users", api.accessToken(email));
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.code()).isEqualTo("NotAuthorized");
        Response idToken = api.get("/api/admin/users", api.signIn(ADMIN, PASSWORD).path("idToken").asText());
        assertThat(idToken.status()).isEqualTo(403);
    }

    @Test
    void auditTrailShowsWhatHappenedNewestFirst() {
        String email = newEmail();
        api.register(email);
        api.post("/api/signin", Map.of("email", email, "password", "Wrong-Password-1"));
        api.signIn(email, PASSWORD);
        String admin = api.accessToken(ADMIN);
        Response audit = api.get("/api/admin/audit?email=" + email, admin);
        assertThat(audit.status()).isEqualTo(200);
        List<String> types = audit.json().path("events").findValuesAsText("type");
        assertThat(types).containsExactly("SIGN_IN", "SIGN_IN", "SIGN_UP_CONFIRMED", "SIGN_UP");
        JsonNode failed = audit.json().path("events").get(1);
        assertThat(failed.path("outcome").asText()).isEqualTo("FAILURE");
        assertThat(failed.path("errorCode").asText()).isEqualTo("NotAuthorized");
        assertThat(failed.path("context").path("sourceIp").asText()).isNotBlank();
        assertThat(audit.json().path("events").get(2).path("method").asText()).isEqualTo("CODE");
        assertThat(audit.text()).doesNotContain(PASSWORD, "Wrong-Password-1");

        Response range = api.get("/api/admin/audit?from=2000-01-01T00:00:00Z&limit=5", admin);
        assertThat(range.json().path("events")).hasSize(5);
        assertThat(range.json().path("nextCursor").asText()).isNotBlank();
    }

    @Test
    void discoveryHealthAndMetrics() {
        Response jwks = api.get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().path("keys").get(0).path("kty").asText()).isEqualTo("RSA");
        assertThat(jwks.json().path("keys").get(0).path("kid").asText()).isNotBlank();
        assertThat(jwks.json().path("keys").get(0).has("d")).as("no private part").isFalse();
        Response oidc = api.get("/.well-known/openid-configuration");
        // the issuer is the pool's, {base URL}/{pool id}, as Cognito's: its keys are under it too
        String issuer = app.baseUrl() + "/local_Userpool1";
        assertThat(oidc.json().path("issuer").asText()).isEqualTo(issuer);
        assertThat(oidc.json().path("jwks_uri").asText()).isEqualTo(issuer + "/.well-known/jwks.json");
        assertThat(api.get("/local_Userpool1/.well-known/jwks.json").text()).isEqualTo(jwks.text());
        assertThat(api.get("/health").json().path("status").asText()).isEqualTo("UP");
        api.post("/api/signin", Map.of("email", ADMIN, "password", "Wrong-Password-1"));
        Response metrics = api.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("userpool_http_requests_seconds_count{method=\"POST\",route=\"/api/signin\"")
                .contains("userpool_sign_ins_total{outcome=\"NotAuthorized\"}")
                .contains("userpool_password_hash_waiting");
    }

    @Test
    void pagesAreServed() {
        for (String page : List.of("/", "/index.html", "/register.html", "/verify.html", "/signin.html", "/ride.html",
                "/verified.html", "/admin.html", "/mailbox.html")) {
            Response r = api.get(page);
            assertThat(r.status()).as(page).isEqualTo(200);
            assertThat(r.contentType()).as(page).startsWith("text/html");
        }
    }
}
