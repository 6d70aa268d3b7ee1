package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.embedded.EmbeddedSettings;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * amazon-cognito-identity-js changes the address in Node against the running app
 * (src/cognito-js/email-change.js): updateAttributes, the old address still the account's until
 * verifyAttribute proves the code sent to the new one, getAttributeVerificationCode, and the sign-in
 * names and ID tokens after.
 */
class CognitoJavaScriptEmailChangeIT {
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
    void theJavaScriptClientChangesTheAddressWithItsCode() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);

        CognitoJs.Run run = CognitoJs.run("email-change.js", Map.of(
                "ENDPOINT", app.baseUrl().toString(),
                "POOL_ID", LocalPoolSettings.DEFAULT_POOL_ID,
                "CLIENT_ID", EmbeddedSettings.DEFAULT_CLIENT_ID,
                "EMAIL", "js-" + id + "@example.com",
                "NEW_EMAIL", "moved-" + id + "@example.com",
                "PASSWORD", "Giddy-Up-Unicorn-7"));

        assertThat(run.exitCode()).as("email-change.js: %s %s", run.output(), run.stderr()).isZero();
        assertThat(run.output().path("checks")).extracting(n -> n.asText()).containsExactly(
                "signed in with the first address",
                "updateAttributes(email): a code to the new address",
                "pending: the old address is the account's and signs in, the new one does not",
                "verifyAttribute with a wrong code: CodeMismatchException",
                "getAttributeVerificationCode: a new code to the pending address",
                "verifyAttribute: the new address is the account's, verified; the session from before still works",
                "only the new address signs in (SRP), its ID token names it",
                "refreshSession: the refresh token from before gives ID tokens with the new address");
    }
}
