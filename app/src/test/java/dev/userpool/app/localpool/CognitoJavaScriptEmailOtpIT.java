package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.embedded.EmbeddedSettings;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * USER_AUTH with an emailed code from amazon-cognito-identity-js in Node (src/cognito-js/email-otp-flow.js).
 * The library's CognitoUser has no USER_AUTH flow (6.3.21 is the newest), so the script calls InitiateAuth
 * and RespondToAuthChallenge through the library's own client and hands the tokens to a CognitoUser.
 */
class CognitoJavaScriptEmailOtpIT {
    private RunningApp app;

    @BeforeEach
    void start() {
        app = RunningApp.start(Map.of());
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void theJavaScriptClientSignsInWithAnEmailedCode() throws Exception {
        String email = "js-otp-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        new ApiClient(app.baseUrl()).register(email);

        CognitoJs.Run run = CognitoJs.run("email-otp-flow.js", Map.of(
                "ENDPOINT", app.baseUrl().toString().replaceAll("/$", ""),
                "POOL_ID", LocalPoolSettings.DEFAULT_POOL_ID,
                "CLIENT_ID", EmbeddedSettings.DEFAULT_CLIENT_ID,
                "EMAIL", email));

        assertThat(run.exitCode()).as("email-otp-flow.js: %s %s", run.output(), run.stderr()).isZero();
        assertThat(run.output().path("checks")).extracting(n -> n.asText()).containsExactly(
                "InitiateAuth USER_AUTH: SELECT_CHALLENGE",
                "SELECT_CHALLENGE answered EMAIL_OTP: a code mailed",
                "a wrong code: CodeMismatchException",
                "the mailed code: signed in, getUserAttributes with its tokens",
                "the code again: NotAuthorizedException");
    }
}
