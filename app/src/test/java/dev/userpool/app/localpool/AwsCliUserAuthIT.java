package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.embedded.EmbeddedSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Choice-based sign-in ({@code USER_AUTH}) with an emailed code through the AWS CLI, a second client
 * independent of the AWS SDK for Java (amazon-cognito-identity-js, 6.3.21 the newest, has no
 * {@code USER_AUTH}): initiate-auth with {@code PREFERRED_CHALLENGE=EMAIL_OTP}, respond-to-auth-challenge
 * with the code from the mailbox; {@code SELECT_CHALLENGE}'s AvailableChallenges; update-user-pool and
 * describe-user-pool's SignInPolicy; a wrong code's CodeMismatchException.
 */
class AwsCliUserAuthIT {
    private static final String POOL = LocalPoolSettings.DEFAULT_POOL_ID;
    private static final String CLIENT = EmbeddedSettings.DEFAULT_CLIENT_ID;

    @TempDir
    Path home;
    private RunningApp app;
    private AwsCli aws;
    private ApiClient api;

    @BeforeEach
    void start() {
        app = RunningApp.start(Map.of());
        aws = AwsCli.require(app.baseUrl(), home);
        api = new ApiClient(app.baseUrl());
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void anEmailedCodeSignsInThroughTheCli() throws Exception {
        String email = "cli-otp@example.com";
        api.register(email);

        AwsCli.Result select = aws.cognitoIdp("initiate-auth", "--auth-flow", "USER_AUTH", "--client-id", CLIENT,
                "--auth-parameters", "USERNAME=" + email);
        assertThat(select.exitCode()).as(select.stderr()).isZero();
        assertThat(select.json().path("ChallengeName").asText()).isEqualTo("SELECT_CHALLENGE");
        assertThat(select.json().path("AvailableChallenges").toString()).isEqualTo("[\"EMAIL_OTP\",\"PASSWORD\",\"PASSWORD_SRP\"]");

        AwsCli.Result asked = aws.cognitoIdp("initiate-auth", "--auth-flow", "USER_AUTH", "--client-id", CLIENT,
                "--auth-parameters", "USERNAME=" + email + ",PREFERRED_CHALLENGE=EMAIL_OTP");
        assertThat(asked.exitCode()).as(asked.stderr()).isZero();
        JsonNode challenge = asked.json();
        assertThat(challenge.path("ChallengeName").asText()).isEqualTo("EMAIL_OTP");
        assertThat(challenge.path("ChallengeParameters").path("CODE_DELIVERY_DESTINATION").asText()).isEqualTo("c***@e***.com");
        String session = challenge.path("Session").asText();

        AwsCli.Result wrong = aws.cognitoIdp("respond-to-auth-challenge", "--client-id", CLIENT, "--challenge-name", "EMAIL_OTP",
                "--session", session, "--challenge-responses", "USERNAME=" + email + ",EMAIL_OTP_CODE=00000000");
        assertThat(wrong.stderr()).contains("An error occurred (CodeMismatchException) when calling the RespondToAuthChallenge"
                + " operation: Invalid code or auth state for the user.");

        AwsCli.Result signedIn = aws.cognitoIdp("respond-to-auth-challenge", "--client-id", CLIENT, "--challenge-name", "EMAIL_OTP",
                "--session", session, "--challenge-responses", "USERNAME=" + email + ",EMAIL_OTP_CODE=" + api.latestSignInCode(email));
        assertThat(signedIn.exitCode()).as(signedIn.stderr()).isZero();
        assertThat(signedIn.json().path("AuthenticationResult").path("IdToken").asText()).isNotBlank();
    }

    @Test
    void theSignInPolicyThroughTheCli() throws Exception {
        AwsCli.Result update = aws.cognitoIdp("update-user-pool", "--user-pool-id", POOL, "--policies",
                "{\"SignInPolicy\":{\"AllowedFirstAuthFactors\":[\"PASSWORD\",\"EMAIL_OTP\"]}}");
        assertThat(update.exitCode()).as(update.stderr()).isZero();

        AwsCli.Result described = aws.cognitoIdp("describe-user-pool", "--user-pool-id", POOL);
        assertThat(described.exitCode()).as(described.stderr()).isZero();
        assertThat(described.json().path("UserPool").path("Policies").path("SignInPolicy").path("AllowedFirstAuthFactors").toString())
                .isEqualTo("[\"PASSWORD\",\"EMAIL_OTP\"]");

        AwsCli.Result refused = aws.cognitoIdp("update-user-pool", "--user-pool-id", POOL, "--policies",
                "{\"SignInPolicy\":{\"AllowedFirstAuthFactors\":[\"EMAIL_OTP\"]}}");
        assertThat(refused.stderr()).contains("InvalidParameterException");
    }

}
