package dev.userpool.app.localpool;

import static dev.userpool.app.testing.ApiClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.embedded.EmbeddedSettings;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two userpools: B, its own process on the embedded default, is the user pool; A, with
 * {@code USERPOOL_DIRECTORY=cognito} and its Cognito endpoint set to B, keeps no users of its own. The
 * REST flow on A — register, confirm with the code B mailed, sign in (A's Java SRP client against B's
 * SRP server), {@code /api/me} (B's tokens verified by A against B's JWKS), an operator's confirmation
 * — works as against Amazon Cognito.
 */
class TwoProcessesIT {
    static final String ADMIN = "admin@example.com";
    static EmbeddedPoolProcess poolB;
    static RunningApp appA;
    static ApiClient a;
    static ApiClient b;

    @BeforeAll
    static void start() {
        poolB = EmbeddedPoolProcess.start(Map.of());
        appA = RunningApp.start(Map.of(
                "USERPOOL_DIRECTORY", "cognito",
                "AWS_REGION", "us-east-1",   // any: the endpoint is B; Cognito's SDK client wants a region to sign with
                "USERPOOL_COGNITO_USER_POOL_ID", LocalPoolSettings.DEFAULT_POOL_ID,
                "USERPOOL_COGNITO_CLIENT_ID", EmbeddedSettings.DEFAULT_CLIENT_ID,
                "USERPOOL_COGNITO_ENDPOINT", poolB.baseUrl().toString(),
                "USERPOOL_ADMIN_EMAILS", ADMIN));
        a = new ApiClient(appA.baseUrl());
        b = new ApiClient(poolB.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (appA != null) appA.close();
        if (poolB != null) poolB.close();
    }

    @Test
    void registerConfirmSignInWithSrpAndUseTheTokensThroughA() {
        String email = "rider-two@example.com";
        Response signUp = a.signUp(email);
        assertThat(signUp.status()).as(signUp.text()).isEqualTo(201);
        String userId = signUp.json().path("userId").asText();
        assertThat(userId).matches("[0-9a-f-]{36}");

        assertThat(a.post("/api/signin", Map.of("email", email, "password", PASSWORD)).code()).isEqualTo("UserNotConfirmed");
        Response confirm = a.post("/api/confirm", Map.of("email", email, "code", b.latestCode(email)));
        assertThat(confirm.status()).as(confirm.text()).isEqualTo(200);
        assertThat(confirm.json().path("emailVerified").asBoolean()).isTrue();

        Response wrong = a.post("/api/signin", Map.of("email", email, "password", "Wrong-Horse-9"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("detail").asText()).isEqualTo("Incorrect username or password.");

        JsonNode tokens = a.signIn(email, PASSWORD);
        for (String field : new String[] {"idToken", "accessToken"}) {
            Response me = a.get("/api/me", tokens.path(field).asText());
            assertThat(me.status()).as(field + ": " + me.text()).isEqualTo(200);
            assertThat(me.json().path("userId").asText()).isEqualTo(userId);
            assertThat(me.json().path("email").asText()).isEqualTo(email);
            assertThat(me.json().path("emailVerified").asBoolean()).isTrue();
        }
        // B's own view: the same account, and B's tokens are B's (issuer {B}/{pool id})
        assertThat(b.get("/api/me", tokens.path("idToken").asText()).json().path("userId").asText()).isEqualTo(userId);

        Response refreshed = a.post("/api/refresh", Map.of("refreshToken", tokens.path("refreshToken").asText()));
        assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
        assertThat(a.post("/api/signout", null, refreshed.json().path("accessToken").asText()).status()).isEqualTo(204);
        assertThat(a.post("/api/refresh", Map.of("refreshToken", tokens.path("refreshToken").asText())).code()).isEqualTo("NotAuthorized");
    }

    @Test
    void anOperatorOnAConfirmsAnAccountOfBAndTheAddressStaysUnverified() {
        a.signUp(ADMIN);
        a.post("/api/confirm", Map.of("email", ADMIN, "code", b.latestCode(ADMIN)));
        String adminToken = a.accessToken(ADMIN);
        String email = "test-account-two@example.com";
        assertThat(a.signUp(email).status()).isEqualTo(201);

        Response confirmed = a.post("/api/admin/users/" + email + "/confirm", null, adminToken);

        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().path("emailVerified").asBoolean()).isFalse();
        JsonNode listed = a.get("/api/admin/users?status=CONFIRMED&emailVerified=false", adminToken).json().path("users");
        assertThat(listed.findValuesAsText("email")).contains(email);
        assertThat(a.signIn(email, PASSWORD).path("idToken").asText()).isNotBlank();
    }
}
