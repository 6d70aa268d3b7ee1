package dev.userpool.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code USERPOOL_ADMIN_EMAILS} makes an account an administrator only while its address is verified:
 * whoever registers a listed address without proving it (an operator confirmed the account, or — in
 * Cognito — the user changed their own {@code email}) must not administer. The rule is the core's
 * {@code AdminPolicy} (tested there for every directory); this is the proof over HTTP on the embedded one.
 *
 * <p>Observed against the code before the fix (commit 6e938da): {@code anOperatorsConfirmationDoesNotMakeAnAdmin}
 * failed: the unverified, admin-confirmed account's tokens carried the {@code admins} group ({@code /api/me}
 * answered {@code "groups":["admins"]}), which the admin API takes as proof of an administrator.
 */
class AdminNeedsVerifiedAddressTest {
    private static final String BOSS = "boss@example.com";
    private static final Pattern LINK = Pattern.compile("(/api/verify-link/callback\\?token=[A-Za-z0-9_-]+)");

    private RunningApp app;
    private ApiClient api;

    @BeforeEach
    void start() {
        start("code");
    }

    private void start(String verification) {
        app = RunningApp.start(Map.of("USERPOOL_ADMIN_EMAILS", BOSS + ", verified-boss@example.com",
                "USERPOOL_VERIFICATION", verification));
        api = new ApiClient(app.baseUrl());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void anOperatorsConfirmationDoesNotMakeAnAdmin() {
        // A pool that verifies by link: the only way an operator-confirmed account proves its address
        // here (a pool verifying by code sends no links, and VerifyUserAttribute is not served yet).
        app.close();
        start("link");
        assertThat(api.signUp(BOSS).status()).isEqualTo(201);
        // confirmed on an operator's word (the local pool's AdminConfirmSignUp, from this machine): unverified
        Response confirmed = cognito("AdminConfirmSignUp", "{\"UserPoolId\":\"local_Userpool1\",\"Username\":\"" + BOSS + "\"}");
        assertThat(confirmed.status()).isEqualTo(200);

        String token = api.accessToken(BOSS);
        JsonNode me = api.get("/api/me", token).json();
        assertThat(me.path("emailVerified").asBoolean()).isFalse();
        assertThat(me.path("groups").toString()).doesNotContain("admins");
        Response refused = api.get("/api/admin/users", token);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.post("/api/admin/users/" + BOSS + "/disable", null, token).status()).isEqualTo(403);

        // The address proven by the link the app mails to it: the same token now administers.
        assertThat(api.post("/api/verify-link", Map.of("email", BOSS)).status()).isEqualTo(202);
        Matcher link = LINK.matcher(api.firstMessage(BOSS).orElseThrow().path("textBody").asText());
        assertThat(link.find()).isTrue();
        api.get(link.group(1));
        assertThat(api.post("/api/verify-link/complete", Map.of("email", BOSS)).json().path("emailVerified").asBoolean()).isTrue();

        assertThat(api.get("/api/admin/users", token).status()).isEqualTo(200);
        // and new tokens say so
        assertThat(api.get("/api/me", api.accessToken(BOSS)).json().path("groups").toString()).contains("admins");
    }

    @Test
    void anAddressVerifiedByCodeAdministers() {
        String email = "verified-boss@example.com";
        api.register(email);   // sign-up, then the mailed code
        String token = api.accessToken(email);
        assertThat(api.get("/api/me", token).json().path("emailVerified").asBoolean()).isTrue();
        assertThat(api.get("/api/admin/users", token).status()).isEqualTo(200);
    }

    private Response cognito(String operation, String body) {
        return api.send(HttpRequest.newBuilder(app.url("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
