package dev.userpool.app.ses;

import static dev.userpool.app.testing.ApiClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.ses.testing.AwsSesV2Local;
import dev.userpool.ses.testing.AwsSesV2Local.Stored;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * USERPOOL_EMAIL=ses with the embedded directory and code verification, against aws-ses-v2-local: the
 * directory's codes and the core's notices leave through SES's SendEmail and show in the emulator's
 * {@code /store}; nothing is kept in the development outbox.
 */
class SesMailerAppIT {
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static AwsSesV2Local emulator;

    @BeforeAll
    static void start() {
        emulator = AwsSesV2Local.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void theSignUpCodeAndTheNoticesGoThroughSes() {
        try (RunningApp app = RunningApp.start(Map.of("USERPOOL_EMAIL", "ses",
                "USERPOOL_SES_FROM", "no-reply@auth.example.com",
                "USERPOOL_SES_ENDPOINT", emulator.endpoint().toString(),
                "AWS_REGION", "us-east-1"))) {
            ApiClient api = new ApiClient(app.baseUrl());
            String email = "coder@example.com";

            Response signUp = api.signUp(email);
            assertThat(signUp.status()).isEqualTo(201);
            assertThat(signUp.json().path("confirmWith").asText()).isEqualTo("CODE");

            List<Stored> sent = emulator.emailsTo(email);
            assertThat(sent).singleElement().satisfies(m -> {
                assertThat(m.from()).isEqualTo("no-reply@auth.example.com");
                assertThat(m.to()).containsExactly(email);
                assertThat(m.text()).containsPattern(CODE);
                assertThat(m.html()).containsPattern(CODE);
            });
            Matcher code = CODE.matcher(sent.get(0).text());
            assertThat(code.find()).isTrue();
            Response confirmed = api.post("/api/confirm", Map.of("email", email, "code", code.group(1)));
            assertThat(confirmed.json().path("status").asText()).isEqualTo("CONFIRMED");
            assertThat(confirmed.json().path("emailVerified").asBoolean()).isTrue();

            String token = api.accessToken(email);
            assertThat(api.post("/api/change-password", Map.of("oldPassword", PASSWORD, "newPassword", "Another-Horse-7"), token)
                    .status()).isEqualTo(204);
            assertThat(emulator.emailsTo(email)).extracting(Stored::subject).contains("Your password was changed");

            assertThat(api.get("/api/dev/mailbox?to=" + email).status()).isEqualTo(404);
        }
    }
}
