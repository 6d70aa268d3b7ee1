package dev.userpool.app.http;

import static dev.userpool.app.testing.ApiClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Invitations, the first sign-in's new password and an operator's password actions over the REST API. */
class InvitationRoutesTest {
    private static final String ADMIN = "admin@example.com";
    private static final String CHOSEN = "My-Own-Password-2";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static RunningApp app;
    private static ApiClient api;

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

    private static String newEmail() {
        return "invitee" + SEQ.incrementAndGet() + "@example.com";
    }

    private static String temporaryPasswordOf(String email) {
        String text = api.firstMessage(email).orElseThrow().path("textBody").asText();
        Matcher m = Pattern.compile("choose your own password: (\\S+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    @Test
    void anInvitedUserChoosesAPasswordAtTheFirstSignIn() {
        String admin = api.accessToken(ADMIN);
        String email = newEmail();
        Response invited = api.post("/api/admin/users", Map.of("email", email), admin);
        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.json().path("status").asText()).isEqualTo("FORCE_CHANGE_PASSWORD");

        Response challenge = api.post("/api/signin", Map.of("email", email, "password", temporaryPasswordOf(email)));
        assertThat(challenge.status()).isEqualTo(200);
        assertThat(challenge.json().path("challenge").asText()).isEqualTo("NEW_PASSWORD_REQUIRED");
        assertThat(challenge.json().has("accessToken")).isFalse();
        String session = challenge.json().path("session").asText();

        Response weak = api.post("/api/signin/new-password", Map.of("email", email, "session", session, "newPassword", "weak"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.contentType()).startsWith("application/problem+json");
        assertThat(weak.code()).isEqualTo("InvalidPassword");

        Response chosen = api.post("/api/signin/new-password", Map.of("email", email, "session", session, "newPassword", CHOSEN));
        assertThat(chosen.status()).isEqualTo(200);
        assertThat(chosen.json().path("accessToken").asText()).isNotBlank();

        Response replay = api.post("/api/signin/new-password", Map.of("email", email, "session", session, "newPassword", CHOSEN));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.code()).isEqualTo("NotAuthorized");
        assertThat(api.signIn(email, CHOSEN).path("idToken").asText()).isNotBlank();
    }

    @Test
    void operatorPasswordActionsNeedAnAdministrator() {
        String email = newEmail();
        api.register(email);
        String user = api.accessToken(email);
        assertThat(api.post("/api/admin/users", Map.of("email", newEmail()), user).status()).isEqualTo(403);
        assertThat(api.post("/api/admin/users/" + email + "/reset-password", null).status()).isEqualTo(401);
        assertThat(api.post("/api/admin/users/" + email + "/password", Map.of("password", CHOSEN, "permanent", true), user)
                .status()).isEqualTo(403);
    }

    @Test
    void aResetAccountSignsInOnlyAfterItsReset() {
        String admin = api.accessToken(ADMIN);
        String email = newEmail();
        api.register(email);
        Response reset = api.post("/api/admin/users/" + email + "/reset-password", null, admin);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().path("status").asText()).isEqualTo("RESET_REQUIRED");
        Response refused = api.post("/api/signin", Map.of("email", email, "password", PASSWORD));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("PasswordResetRequired");
        assertThat(api.post("/api/reset-password", Map.of("email", email, "code", api.latestCode(email), "newPassword", CHOSEN))
                .status()).isLessThan(300);
        assertThat(api.signIn(email, CHOSEN).path("accessToken").asText()).isNotBlank();

        Response set = api.post("/api/admin/users/" + email + "/password", Map.of("password", PASSWORD, "permanent", false), admin);
        assertThat(set.json().path("status").asText()).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(api.post("/api/signin", Map.of("email", email, "password", PASSWORD)).json().path("challenge").asText())
                .isEqualTo("NEW_PASSWORD_REQUIRED");
    }
}
