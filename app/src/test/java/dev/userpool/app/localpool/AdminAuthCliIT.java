package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.embedded.EmbeddedSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI's {@code admin-initiate-auth} and {@code admin-list-user-auth-events} against the local
 * pool: a backend's sign-in with ContextData (which the CLI serialises with AWS's own member names) and
 * the history it leaves, paged by the CLI itself.
 */
class AdminAuthCliIT {
    private static final String POOL = LocalPoolSettings.DEFAULT_POOL_ID;
    private static final String CLIENT = EmbeddedSettings.DEFAULT_CLIENT_ID;
    private static final String PASSWORD = "Giddy-Up-Unicorn-7";

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
    void adminInitiateAuthThenTheUsersAuthEvents() throws Exception {
        String email = "cli-backend@example.com";
        assertThat(aws.cognitoIdp("sign-up", "--client-id", CLIENT, "--username", email, "--password", PASSWORD).exitCode()).isZero();
        assertThat(aws.cognitoIdp("admin-confirm-sign-up", "--user-pool-id", POOL, "--username", email).exitCode()).isZero();

        AwsCli.Result wrong = adminInitiateAuth(email, "Wrong-Horse-9", "198.51.100.4");
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.stderr()).contains("An error occurred (NotAuthorizedException) when calling the AdminInitiateAuth operation: "
                + "Incorrect username or password.");

        AwsCli.Result signIn = adminInitiateAuth(email, PASSWORD, "203.0.113.9");
        assertThat(signIn.exitCode()).as(signIn.stderr()).isZero();
        JsonNode result = signIn.json().path("AuthenticationResult");
        assertThat(result.path("TokenType").asText()).isEqualTo("Bearer");
        assertThat(result.path("RefreshToken").asText()).isNotBlank();
        assertThat(new ApiClient(app.baseUrl()).get("/api/me", result.path("AccessToken").asText()).json().path("email").asText())
                .isEqualTo(email);

        AwsCli.Result refresh = aws.cognitoIdp("admin-initiate-auth", "--user-pool-id", POOL, "--client-id", CLIENT,
                "--auth-flow", "REFRESH_TOKEN_AUTH", "--auth-parameters", "REFRESH_TOKEN=" + result.path("RefreshToken").asText());
        assertThat(refresh.exitCode()).as(refresh.stderr()).isZero();
        assertThat(refresh.json().path("AuthenticationResult").path("IdToken").asText()).isNotBlank();

        // --page-size 1: the CLI follows NextToken page after page and prints them as one list
        AwsCli.Result history = aws.cognitoIdp("admin-list-user-auth-events", "--user-pool-id", POOL, "--username", email,
                "--page-size", "1");
        assertThat(history.exitCode()).as(history.stderr()).isZero();
        JsonNode events = history.json().path("AuthEvents");
        assertThat(values(events, "EventType")).containsExactly("SignIn", "SignIn", "SignUp");
        assertThat(values(events, "EventResponse")).containsExactly("Pass", "Fail", "Pass");
        assertThat(events.get(0).path("EventContextData").path("IpAddress").asText()).isEqualTo("203.0.113.9");
        assertThat(events.get(0).path("EventContextData").path("DeviceName").asText()).isEqualTo("Firefox 128, Linux");
        assertThat(events.get(0).path("ChallengeResponses").get(0).path("ChallengeName").asText()).isEqualTo("Password");
        assertThat(events.get(0).path("ChallengeResponses").get(0).path("ChallengeResponse").asText()).isEqualTo("Success");
        assertThat(events.get(0).path("EventRisk").path("RiskDecision").asText()).isEqualTo("NoRisk");
        assertThat(events.get(1).path("EventContextData").path("IpAddress").asText()).isEqualTo("198.51.100.4");
        assertThat(events.get(1).path("ChallengeResponses").get(0).path("ChallengeResponse").asText()).isEqualTo("Failure");

        assertThat(aws.cognitoIdp("admin-list-user-auth-events", "--user-pool-id", POOL, "--username", "nobody@example.com").stderr())
                .contains("(UserNotFoundException) when calling the AdminListUserAuthEvents operation: User does not exist.");
    }

    private AwsCli.Result adminInitiateAuth(String email, String password, String ip) throws Exception {
        return aws.cognitoIdp("admin-initiate-auth", "--user-pool-id", POOL, "--client-id", CLIENT,
                "--auth-flow", "ADMIN_USER_PASSWORD_AUTH", "--auth-parameters", "USERNAME=" + email + ",PASSWORD=" + password,
                "--context-data", "{\"IpAddress\":\"" + ip + "\",\"ServerName\":\"app.example\",\"ServerPath\":\"/signin\","
                        + "\"HttpHeaders\":[{\"headerName\":\"User-Agent\",\"headerValue\":"
                        + "\"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\"}]}");
    }

    private static List<String> values(JsonNode events, String member) {
        List<String> all = new ArrayList<>();
        events.forEach(e -> all.add(e.path(member).asText()));
        return all;
    }
}
