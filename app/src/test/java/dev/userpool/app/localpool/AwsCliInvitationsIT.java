package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.embedded.EmbeddedSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI's admin-create-user, admin-set-user-password and admin-reset-user-password against the
 * local pool, and the NEW_PASSWORD_REQUIRED challenge answered with respond-to-auth-challenge: the CLI
 * reads the answers with AWS's own service model.
 */
class AwsCliInvitationsIT {
    private static final String POOL = LocalPoolSettings.DEFAULT_POOL_ID;
    private static final String CLIENT = EmbeddedSettings.DEFAULT_CLIENT_ID;

    @TempDir
    Path home;
    private RunningApp app;
    private AwsCli aws;

    @BeforeEach
    void start() {
        app = RunningApp.start(Map.of());
        aws = AwsCli.require(app.baseUrl(), home);
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void adminCreateUserThenTheFirstSignInChoosesAPassword() throws Exception {
        String email = "cli-invitee@example.com";
        AwsCli.Result created = aws.cognitoIdp("admin-create-user", "--user-pool-id", POOL, "--username", email,
                "--temporary-password", "Temporary-Pass-1", "--message-action", "SUPPRESS",
                "--user-attributes", "Name=email,Value=" + email, "Name=email_verified,Value=true");
        assertThat(created.exitCode()).as(created.stderr()).isZero();
        JsonNode user = created.json().path("User");
        assertThat(user.path("UserStatus").asText()).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(user.path("Enabled").asBoolean()).isTrue();
        assertThat(user.path("Attributes").findValuesAsText("Value")).contains(email, "true");

        AwsCli.Result again = aws.cognitoIdp("admin-create-user", "--user-pool-id", POOL, "--username", email);
        assertThat(again.stderr()).contains("An error occurred (UsernameExistsException) when calling the AdminCreateUser operation");

        AwsCli.Result challenge = aws.cognitoIdp("initiate-auth", "--auth-flow", "USER_PASSWORD_AUTH", "--client-id", CLIENT,
                "--auth-parameters", "USERNAME=" + email + ",PASSWORD=Temporary-Pass-1");
        assertThat(challenge.exitCode()).as(challenge.stderr()).isZero();
        assertThat(challenge.json().path("ChallengeName").asText()).isEqualTo("NEW_PASSWORD_REQUIRED");
        String session = challenge.json().path("Session").asText();
        assertThat(session).isNotBlank();

        AwsCli.Result answered = aws.cognitoIdp("respond-to-auth-challenge", "--client-id", CLIENT,
                "--challenge-name", "NEW_PASSWORD_REQUIRED", "--session", session,
                "--challenge-responses", "USERNAME=" + email + ",NEW_PASSWORD=My-Own-Password-2");
        assertThat(answered.exitCode()).as(answered.stderr()).isZero();
        assertThat(answered.json().path("AuthenticationResult").path("AccessToken").asText()).isNotBlank();
        assertThat(aws.cognitoIdp("admin-get-user", "--user-pool-id", POOL, "--username", email).json()
                .path("UserStatus").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void adminSetAndResetUserPassword() throws Exception {
        String email = "cli-reset@example.com";
        aws.cognitoIdp("admin-create-user", "--user-pool-id", POOL, "--username", email, "--message-action", "SUPPRESS",
                "--user-attributes", "Name=email_verified,Value=true");
        AwsCli.Result set = aws.cognitoIdp("admin-set-user-password", "--user-pool-id", POOL, "--username", email,
                "--password", "My-Own-Password-2", "--permanent");
        assertThat(set.exitCode()).as(set.stderr()).isZero();
        AwsCli.Result weak = aws.cognitoIdp("admin-set-user-password", "--user-pool-id", POOL, "--username", email,
                "--password", "weak", "--permanent");
        assertThat(weak.stderr()).contains("(InvalidPasswordException) when calling the AdminSetUserPassword operation");
        AwsCli.Result signIn = aws.cognitoIdp("initiate-auth", "--auth-flow", "USER_PASSWORD_AUTH", "--client-id", CLIENT,
                "--auth-parameters", "USERNAME=" + email + ",PASSWORD=My-Own-Password-2");
        assertThat(signIn.json().path("AuthenticationResult").path("IdToken").asText()).isNotBlank();

        AwsCli.Result reset = aws.cognitoIdp("admin-reset-user-password", "--user-pool-id", POOL, "--username", email);
        assertThat(reset.exitCode()).as(reset.stderr()).isZero();
        assertThat(aws.cognitoIdp("admin-get-user", "--user-pool-id", POOL, "--username", email).json()
                .path("UserStatus").asText()).isEqualTo("RESET_REQUIRED");
        AwsCli.Result refused = aws.cognitoIdp("initiate-auth", "--auth-flow", "USER_PASSWORD_AUTH", "--client-id", CLIENT,
                "--auth-parameters", "USERNAME=" + email + ",PASSWORD=My-Own-Password-2");
        assertThat(refused.stderr()).contains("An error occurred (PasswordResetRequiredException) when calling the InitiateAuth operation: "
                + "Password reset required for the user");

        AwsCli.Result resend = aws.cognitoIdp("admin-create-user", "--user-pool-id", POOL, "--username", email,
                "--message-action", "RESEND");
        assertThat(resend.stderr()).contains("(UnsupportedUserStateException) when calling the AdminCreateUser operation: "
                + "Resend not possible. " + email + " status is not FORCE_CHANGE_PASSWORD");
    }
}
