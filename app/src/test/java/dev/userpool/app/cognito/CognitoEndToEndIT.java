package dev.userpool.app.cognito;

import static dev.userpool.app.testing.ApiClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.cognito.CognitoLocal;
import dev.userpool.core.domain.EmailAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app with {@code USERPOOL_DIRECTORY=cognito} against cognito-local, driven through the HTTP API as
 * a browser would: register → the code Cognito sent → confirm → sign in → {@code /api/me}; and an
 * operator's confirmation, which leaves {@code email_verified} false. cognito-local has no SRP, so the
 * app signs in with {@code USER_PASSWORD_AUTH}.
 */
class CognitoEndToEndIT {
    static final String ADMIN = "admin@example.com";

    @TempDir
    static Path dir;
    static CognitoLocal cognito;
    static CognitoLocal.Pool pool;
    static RunningApp app;
    static ApiClient api;

    @BeforeAll
    static void start() {
        cognito = CognitoLocal.start(dir);
        pool = cognito.createPool(true, false);
        app = RunningApp.start(Map.of(
                "USERPOOL_DIRECTORY", "cognito",
                "AWS_REGION", CognitoLocal.REGION,
                "USERPOOL_COGNITO_USER_POOL_ID", pool.userPoolId(),
                "USERPOOL_COGNITO_CLIENT_ID", pool.clientId(),
                "USERPOOL_COGNITO_AUTH_FLOW", "USER_PASSWORD_AUTH",
                "USERPOOL_COGNITO_ENDPOINT", cognito.endpoint().toString(),
                "USERPOOL_ADMIN_EMAILS", ADMIN));
        api = new ApiClient(app.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
        if (cognito != null) cognito.close();
    }

    private static String codeCognitoSentTo(String email) {
        return cognito.currentCode(pool.userPoolId(), new EmailAddress(email))
                .orElseThrow(() -> new AssertionError("cognito-local holds no code for " + email));
    }

    private static void register(String email) {
        assertThat(api.signUp(email).status()).isEqualTo(201);
        assertThat(api.post("/api/confirm", Map.of("email", email, "code", codeCognitoSentTo(email))).status()).isEqualTo(200);
    }

    @Test
    void registerConfirmWithTheCodeSignInAndUseTheTokens() {
        String email = "rider@example.com";
        Response signUp = api.signUp(email);
        assertThat(signUp.status()).isEqualTo(201);
        assertThat(signUp.json().path("status").asText()).isEqualTo("UNCONFIRMED");
        assertThat(signUp.json().path("codeDelivery").path("destination").asText()).isEqualTo("r***@e***.com");
        String userId = signUp.json().path("userId").asText();
        assertThat(userId).matches("[0-9a-f-]{36}");   // Cognito's sub

        Response early = api.post("/api/signin", Map.of("email", email, "password", PASSWORD));
        assertThat(early.status()).isEqualTo(403);
        assertThat(early.code()).isEqualTo("UserNotConfirmed");

        Response wrong = api.post("/api/confirm", Map.of("email", email, "code", otherThan(codeCognitoSentTo(email))));
        assertThat(wrong.code()).isEqualTo("CodeMismatch");
        Response confirm = api.post("/api/confirm", Map.of("email", email, "code", codeCognitoSentTo(email)));
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.json().path("status").asText()).isEqualTo("CONFIRMED");

        JsonNode tokens = api.signIn(email, PASSWORD);
        assertThat(tokens.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(tokens.path("expiresIn").asInt()).isPositive();
        for (String field : List.of("idToken", "accessToken")) {
            Response me = api.get("/api/me", tokens.path(field).asText());
            assertThat(me.status()).as(field).isEqualTo(200);
            assertThat(me.json().path("userId").asText()).isEqualTo(userId);
            assertThat(me.json().path("email").asText()).isEqualTo(email);
            assertThat(me.json().path("status").asText()).isEqualTo("CONFIRMED");
            // AWS's ConfirmSignUp also sets email_verified; cognito-local's does not (CognitoUserDirectoryIT says more)
        }
        Response refreshed = api.post("/api/refresh", Map.of("refreshToken", tokens.path("refreshToken").asText()));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(api.get("/api/me", refreshed.json().path("accessToken").asText()).status()).isEqualTo(200);

        assertThat(api.get("/api/me", tokens.path("idToken").asText() + "x").code()).isEqualTo("NotAuthorized");
        Response badPassword = api.post("/api/signin", Map.of("email", email, "password", "Wrong-Horse-9"));
        assertThat(badPassword.code()).as("cognito-local's answer; AWS answers NotAuthorizedException").isEqualTo("InvalidPassword");
    }

    @Test
    void anOperatorsConfirmationKeepsTheAddressUnverified() {
        register(ADMIN);
        // AWS's ConfirmSignUp marks the address verified, which USERPOOL_ADMIN_EMAILS requires; cognito-local's does not
        cognito.markVerifiedTheEmulatorsWay(pool.userPoolId(), new EmailAddress(ADMIN));
        String adminToken = api.accessToken(ADMIN);
        String email = "test-account@example.com";
        assertThat(api.signUp(email).status()).isEqualTo(201);

        Response confirmed = api.post("/api/admin/users/" + email + "/confirm", null, adminToken);

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().path("emailVerified").asBoolean()).isFalse();
        JsonNode listed = api.get("/api/admin/users?status=CONFIRMED&emailVerified=false", adminToken).json().path("users");
        assertThat(listed.findValuesAsText("email")).contains(email);
        Response me = api.get("/api/me", api.accessToken(email));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(me.json().path("emailVerified").asBoolean()).isFalse();
        assertThat(api.get("/api/admin/users", api.accessToken(email)).code()).as("not an admin").isEqualTo("NotAuthorized");
    }

    @Test
    void aConfiguredAdminAddressAdministersOnlyOnceVerified() {
        String boss = "boss@example.com";
        try (RunningApp withBoss = RunningApp.start(Map.of(
                "USERPOOL_DIRECTORY", "cognito",
                "AWS_REGION", CognitoLocal.REGION,
                "USERPOOL_COGNITO_USER_POOL_ID", pool.userPoolId(),
                "USERPOOL_COGNITO_CLIENT_ID", pool.clientId(),
                "USERPOOL_COGNITO_AUTH_FLOW", "USER_PASSWORD_AUTH",
                "USERPOOL_COGNITO_ENDPOINT", cognito.endpoint().toString(),
                "USERPOOL_ADMIN_EMAILS", boss))) {
            ApiClient bossApi = new ApiClient(withBoss.baseUrl());
            assertThat(bossApi.signUp(boss).status()).isEqualTo(201);
            assertThat(bossApi.post("/api/confirm", Map.of("email", boss, "code", codeCognitoSentTo(boss))).status()).isEqualTo(200);
            String token = bossApi.accessToken(boss);
            // cognito-local leaves email_verified unset at confirmation: the address is not proven yet
            assertThat(bossApi.get("/api/admin/users", token).code()).isEqualTo("NotAuthorized");
            cognito.markVerifiedTheEmulatorsWay(pool.userPoolId(), new EmailAddress(boss));
            assertThat(bossApi.get("/api/admin/users", token).status()).isEqualTo(200);
        }
    }

    @Test
    void membersOfTheCognitoGroupAdminsAreAdministrators() {
        String operator = "operator@example.com";
        register(operator);
        assertThat(api.get("/api/admin/users", api.accessToken(operator)).code()).isEqualTo("NotAuthorized");

        cognito.addToGroup(pool.userPoolId(), new EmailAddress(operator), "admins");

        String token = api.accessToken(operator);   // a new token carries cognito:groups
        assertThat(api.get("/api/me", token).json().path("groups").toString()).contains("admins");
        assertThat(api.get("/api/admin/users", token).status()).isEqualTo(200);
    }

    private static String otherThan(String code) {
        char first = code.charAt(0) == '9' ? '0' : (char) (code.charAt(0) + 1);
        return first + code.substring(1);
    }
}
