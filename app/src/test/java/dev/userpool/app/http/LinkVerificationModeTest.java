package dev.userpool.app.http;

import static dev.userpool.app.testing.ApiClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** With USERPOOL_VERIFICATION=link, sign-up sends a link instead of a code, and the link confirms the account. */
class LinkVerificationModeTest {

    @Test
    void signUpSendsALinkThatConfirmsAndVerifies() {
        try (RunningApp app = RunningApp.start(Map.of("USERPOOL_VERIFICATION", "link"))) {
            ApiClient api = new ApiClient(app.baseUrl());
            String email = "linked@example.com";
            Response signUp = api.signUp(email);
            assertThat(signUp.status()).isEqualTo(201);
            assertThat(signUp.json().path("confirmWith").asText()).isEqualTo("LINK");
            var message = api.firstMessage(email).orElseThrow();
            assertThat(message.path("kind").asText()).isEqualTo("VERIFICATION_LINK");
            assertThat(api.post("/api/signin", Map.of("email", email, "password", PASSWORD)).code()).isEqualTo("UserNotConfirmed");

            Matcher link = Pattern.compile("(/api/verify-link/callback\\?token=[A-Za-z0-9_-]+)").matcher(message.path("textBody").asText());
            assertThat(link.find()).isTrue();
            assertThat(api.get(link.group(1)).raw().headers().firstValue("Location").orElse(""))
                    .isEqualTo("/verified.html?email=linked%40example.com");
            Response done = api.post("/api/verify-link/complete", Map.of("email", email));
            assertThat(done.json().path("status").asText()).isEqualTo("CONFIRMED");
            assertThat(done.json().path("emailVerified").asBoolean()).isTrue();
            assertThat(api.signIn(email, PASSWORD).path("idToken").asText()).isNotBlank();
        }
    }

    @Test
    void aNewLinkReplacesTheOldOneAndCompletionReportsEachStage() {
        try (RunningApp app = RunningApp.start(Map.of("USERPOOL_VERIFICATION", "link"))) {
            ApiClient api = new ApiClient(app.baseUrl());
            String email = "relinked@example.com";
            api.signUp(email);
            Response pending = api.post("/api/verify-link/complete", Map.of("email", email));
            assertThat(pending.json().path("verification").asText()).isEqualTo("PENDING");
            assertThat(pending.json().path("status").asText()).isEqualTo("UNCONFIRMED");
            assertThat(api.post("/api/verify-link", Map.of("email", email)).status()).isEqualTo(202);

            String text = api.firstMessage(email).orElseThrow().path("textBody").asText();
            Matcher link = Pattern.compile("(/api/verify-link/callback\\?token=[A-Za-z0-9_-]+)").matcher(text);
            assertThat(link.find()).as("link in " + text).isTrue();
            Response callback = api.get(link.group(1));
            assertThat(callback.status()).isEqualTo(302);
            assertThat(callback.raw().headers().firstValue("Location").orElse("")).contains("/verified.html?email=");

            Response done = api.post("/api/verify-link/complete", Map.of("email", email));
            assertThat(done.json().path("verification").asText()).isEqualTo("VERIFIED");
            assertThat(done.json().path("status").asText()).isEqualTo("CONFIRMED");
            assertThat(done.json().path("emailVerified").asBoolean()).isTrue();
            assertThat(api.post("/api/verify-link/complete", Map.of("email", email)).status()).isEqualTo(200);
            assertThat(api.get(link.group(1)).raw().headers().firstValue("Location").orElse("")).contains("failed");
        }
    }
}
