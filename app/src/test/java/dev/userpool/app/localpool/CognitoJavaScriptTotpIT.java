package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.embedded.EmbeddedSettings;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * amazon-cognito-identity-js with an authenticator app (src/cognito-js/totp-flow.js, issue 14):
 * associateSoftwareToken, verifySoftwareToken, setUserMfaPreference and sendMFACode(…, 'SOFTWARE_TOKEN_MFA')
 * against the local pool, and the MFA_SETUP flow of a pool that requires MFA; codes from oathtool.
 */
class CognitoJavaScriptTotpIT {
    private static final String PASSWORD = "Correct-Horse-9!";
    private RunningApp app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private String confirmedUser() {
        String email = "js-totp-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (CognitoIdentityProviderClient cognito = CognitoSdk.client(app.baseUrl())) {
            cognito.signUp(b -> b.clientId(EmbeddedSettings.DEFAULT_CLIENT_ID).username(email).password(PASSWORD));
            cognito.adminConfirmSignUp(b -> b.userPoolId(LocalPoolSettings.DEFAULT_POOL_ID).username(email));
        }
        return email;
    }

    private CognitoJs.Run run(String email, String flow) throws Exception {
        return CognitoJs.run("totp-flow.js", Map.of(
                "ENDPOINT", app.baseUrl().toString(),
                "POOL_ID", LocalPoolSettings.DEFAULT_POOL_ID,
                "CLIENT_ID", EmbeddedSettings.DEFAULT_CLIENT_ID,
                "EMAIL", email,
                "PASSWORD", PASSWORD,
                "FLOW", flow));
    }

    @Test
    void theJavaScriptClientSetsAnAppUpAndSignsInWithItsCode() throws Exception {
        app = RunningApp.start(Map.of());
        String email = confirmedUser();
        CognitoJs.Run run = run(email, "enrol");
        assertThat(run.exitCode()).as("totp-flow.js: %s %s", run.output(), run.stderr()).isZero();
        assertThat(run.output().path("checks")).extracting(n -> n.asText()).containsExactly(
                "associateSoftwareToken: a base32 secret",
                "verifySoftwareToken with a wrong code: EnableSoftwareTokenMFAException",
                "verifySoftwareToken: SUCCESS",
                "setUserMfaPreference: the app on and preferred",
                "authenticateUser: totpRequired",
                "sendMFACode with a wrong code: CodeMismatchException",
                "sendMFACode with the app's code: signed in");
        List<AuditEvent> trail = app.component().auditQueries().forEmail(email, PageRequest.first(60)).items();
        assertThat(trail).extracting(AuditEvent::type).contains(AuditEventType.SOFTWARE_TOKEN_ASSOCIATED,
                AuditEventType.SOFTWARE_TOKEN_VERIFIED, AuditEventType.MFA_PREFERENCE_SET, AuditEventType.MFA_REQUIRED,
                AuditEventType.MFA_CHALLENGE_ANSWERED);
    }

    @Test
    void thePoolThatRequiresMfaHasTheJavaScriptClientSetAnAppUpAtSignIn() throws Exception {
        app = RunningApp.start(Map.of("USERPOOL_MFA", "on"));
        String email = confirmedUser();
        CognitoJs.Run run = run(email, "setup");
        assertThat(run.exitCode()).as("totp-flow.js: %s %s", run.output(), run.stderr()).isZero();
        assertThat(run.output().path("checks")).extracting(n -> n.asText()).containsExactly(
                "authenticateUser: mfaSetup",
                "associateSoftwareToken with the challenge session",
                "verifySoftwareToken with the challenge session: signed in",
                "the next sign-in: totpRequired, then signed in");
    }
}
