package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.embedded.EmbeddedSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI against the local pool with {@code --endpoint-url}: sign-up, admin-confirm-sign-up,
 * initiate-auth with {@code USER_PASSWORD_AUTH} and list-users work and print what AWS prints (the CLI
 * reads our answers with the same service model it uses for AWS: a field we named wrongly would be
 * missing from its output).
 */
class AwsCliIT {
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
    void signUpConfirmSignInAndListUsers() throws Exception {
        String email = "cli-rider@example.com";

        AwsCli.Result signUp = aws.cognitoIdp("sign-up", "--client-id", CLIENT, "--username", email, "--password", PASSWORD,
                "--user-attributes", "Name=email,Value=" + email);
        assertThat(signUp.exitCode()).as(signUp.stderr()).isZero();
        JsonNode signedUp = signUp.json();
        assertThat(signedUp.path("UserConfirmed").asBoolean(true)).isFalse();
        assertThat(signedUp.path("UserSub").asText()).matches("[0-9a-f-]{36}");
        assertThat(signedUp.path("CodeDeliveryDetails").path("Destination").asText()).isEqualTo("c***@e***.com");
        assertThat(signedUp.path("CodeDeliveryDetails").path("DeliveryMedium").asText()).isEqualTo("EMAIL");
        assertThat(signedUp.path("CodeDeliveryDetails").path("AttributeName").asText()).isEqualTo("email");

        AwsCli.Result early = aws.cognitoIdp("initiate-auth", "--auth-flow", "USER_PASSWORD_AUTH", "--client-id", CLIENT,
                "--auth-parameters", "USERNAME=" + email + ",PASSWORD=" + PASSWORD);
        assertThat(early.exitCode()).isNotZero();
        assertThat(early.stderr()).contains("An error occurred (UserNotConfirmedException) when calling the InitiateAuth operation: "
                + "User is not confirmed.");

        AwsCli.Result confirm = aws.cognitoIdp("admin-confirm-sign-up", "--user-pool-id", POOL, "--username", email);
        assertThat(confirm.exitCode()).as(confirm.stderr()).isZero();
        assertThat(confirm.stdout()).as("AdminConfirmSignUp answers {}, which the CLI prints as nothing").isBlank();

        AwsCli.Result wrong = aws.cognitoIdp("initiate-auth", "--auth-flow", "USER_PASSWORD_AUTH", "--client-id", CLIENT,
                "--auth-parameters", "USERNAME=" + email + ",PASSWORD=Wrong-Horse-9");
        assertThat(wrong.stderr()).contains("An error occurred (NotAuthorizedException) when calling the InitiateAuth operation: "
                + "Incorrect username or password.");

        AwsCli.Result signIn = aws.cognitoIdp("initiate-auth", "--auth-flow", "USER_PASSWORD_AUTH", "--client-id", CLIENT,
                "--auth-parameters", "USERNAME=" + email + ",PASSWORD=" + PASSWORD);
        assertThat(signIn.exitCode()).as(signIn.stderr()).isZero();
        JsonNode result = signIn.json().path("AuthenticationResult");
        assertThat(result.path("TokenType").asText()).isEqualTo("Bearer");
        assertThat(result.path("ExpiresIn").asInt()).isEqualTo(3600);
        assertThat(result.path("RefreshToken").asText()).isNotBlank();
        ApiClient api = new ApiClient(app.baseUrl());
        JsonNode me = api.get("/api/me", result.path("AccessToken").asText()).json();
        assertThat(me.path("email").asText()).isEqualTo(email);
        assertThat(me.path("emailVerified").asBoolean()).as("an operator's confirmation proves no address").isFalse();
        assertThat(api.get("/api/me", result.path("IdToken").asText()).json().path("userId").asText())
                .isEqualTo(signedUp.path("UserSub").asText());

        aws.cognitoIdp("sign-up", "--client-id", CLIENT, "--username", "cli-waiting@example.com", "--password", PASSWORD);
        AwsCli.Result list = aws.cognitoIdp("list-users", "--user-pool-id", POOL);
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        JsonNode users = list.json().path("Users");
        assertThat(users).hasSize(2);
        JsonNode rider = users.get(0);
        assertThat(rider.path("Username").asText()).isEqualTo(signedUp.path("UserSub").asText());
        assertThat(rider.path("UserStatus").asText()).isEqualTo("CONFIRMED");
        assertThat(rider.path("Enabled").asBoolean()).isTrue();
        assertThat(attributes(rider)).containsExactly("sub=" + signedUp.path("UserSub").asText(), "email_verified=false", "email=" + email);
        // AWS sends epoch seconds; CLI v2 prints them as ISO 8601 times, v1 as the number received
        assertThat(timestamp(rider.path("UserCreateDate"))).isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(1));
        assertThat(users.get(1).path("UserStatus").asText()).isEqualTo("UNCONFIRMED");

        AwsCli.Result filtered = aws.cognitoIdp("list-users", "--user-pool-id", POOL, "--filter", "cognito:user_status = \"UNCONFIRMED\"");
        assertThat(filtered.json().path("Users").findValuesAsText("Value")).contains("cli-waiting@example.com").doesNotContain(email);
        AwsCli.Result paged = aws.cognitoIdp("list-users", "--user-pool-id", POOL, "--page-size", "1");
        assertThat(paged.json().path("Users")).as("the CLI follows PaginationToken page after page").hasSize(2);

        List<AuditEvent> trail = app.component().auditQueries().forEmail(email, PageRequest.first(20)).items();
        assertThat(trail).extracting(AuditEvent::type).contains(AuditEventType.SIGN_UP, AuditEventType.SIGN_UP_CONFIRMED,
                AuditEventType.SIGN_IN);
        assertThat(trail).filteredOn(e -> e.type() == AuditEventType.SIGN_UP_CONFIRMED)
                .allSatisfy(e -> assertThat(e.actor().kind()).isEqualTo(dev.userpool.core.domain.Actor.Kind.SYSTEM));
    }

    @Test
    void anUnknownPoolOrClientIsResourceNotFound() throws Exception {
        assertThat(aws.cognitoIdp("list-users", "--user-pool-id", "local_Other9").stderr())
                .contains("(ResourceNotFoundException) when calling the ListUsers operation: User pool local_Other9 does not exist.");
        assertThat(aws.cognitoIdp("sign-up", "--client-id", "nosuchclient", "--username", "x@example.com", "--password", PASSWORD)
                .stderr()).contains("(ResourceNotFoundException) when calling the SignUp operation: User pool client nosuchclient does not exist.");
    }

    private static Instant timestamp(JsonNode value) {
        if (value.isNumber()) return Instant.ofEpochMilli(Math.round(value.asDouble() * 1000));
        String text = value.asText();
        if (text.matches("[0-9.Ee+-]+")) return Instant.ofEpochMilli(Math.round(Double.parseDouble(text) * 1000));
        return java.time.OffsetDateTime.parse(text).toInstant();
    }

    private static List<String> attributes(JsonNode user) {
        List<String> all = new ArrayList<>();
        user.path("Attributes").forEach(a -> all.add(a.path("Name").asText() + "=" + a.path("Value").asText()));
        return all;
    }
}
