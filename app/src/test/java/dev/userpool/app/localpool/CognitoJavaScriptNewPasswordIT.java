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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * amazon-cognito-identity-js's {@code completeNewPasswordChallenge} in Node (src/cognito-js/new-password-flow.js)
 * on an account the AWS SDK for Java created with AdminCreateUser: the first SRP sign-in asks for a new
 * password, a weak one is refused, the chosen one signs in, and the answered session is refused again.
 */
class CognitoJavaScriptNewPasswordIT {
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
    void theJavaScriptClientCompletesTheNewPasswordChallenge() throws Exception {
        String email = "js-invite-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (CognitoIdentityProviderClient cognito = CognitoSdk.client(app.baseUrl())) {
            cognito.adminCreateUser(b -> b.userPoolId(LocalPoolSettings.DEFAULT_POOL_ID).username(email)
                    .temporaryPassword("Temporary-Pass-1").messageAction(MessageActionType.SUPPRESS));
        }

        CognitoJs.Run run = CognitoJs.run("new-password-flow.js", Map.of(
                "ENDPOINT", app.baseUrl().toString(),
                "POOL_ID", LocalPoolSettings.DEFAULT_POOL_ID,
                "CLIENT_ID", EmbeddedSettings.DEFAULT_CLIENT_ID,
                "EMAIL", email,
                "TEMPORARY", "Temporary-Pass-1",
                "NEW_PASSWORD", "My-Own-Password-2"));

        assertThat(run.exitCode()).as("new-password-flow.js: %s %s", run.output(), run.stderr()).isZero();
        assertThat(run.output().path("checks")).extracting(n -> n.asText()).containsExactly(
                "authenticateUser with the temporary password: newPasswordRequired",
                "completeNewPasswordChallenge with a weak password: InvalidPasswordException",
                "completeNewPasswordChallenge: signed in",
                "the answered session again: NotAuthorizedException",
                "authenticateUser with the new password");
        List<AuditEvent> trail = app.component().auditQueries().forEmail(email, PageRequest.first(60)).items();
        assertThat(trail).extracting(AuditEvent::type).contains(AuditEventType.USER_INVITED,
                AuditEventType.NEW_PASSWORD_REQUIRED, AuditEventType.NEW_PASSWORD_CHOSEN, AuditEventType.SIGN_IN);
    }
}
