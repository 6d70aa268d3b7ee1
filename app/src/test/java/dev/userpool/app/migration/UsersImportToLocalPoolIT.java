package dev.userpool.app.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.migration.JarCommand.Run;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AttributeDataType;
import dev.userpool.core.domain.AttributeDefinition;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.port.in.AccountAttributes.AdminChangeCommand;
import dev.userpool.core.port.in.AccountAttributes.CustomAttributesCommand;
import dev.userpool.core.port.in.GroupAdministration;
import dev.userpool.core.port.in.GroupAdministration.MembershipCommand;
import dev.userpool.core.port.in.GroupAdministration.NewGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * The move from one userpool to another's local pool, which speaks Cognito's API: {@code users export}
 * of an embedded service, {@code users import --to cognito} with the endpoint of a second one (its
 * AdminCreateUser and AdminSetUserPassword). The accounts arrive confirmed, with their address's
 * verification and their attributes, custom ones included; each user sets a password with "forgot
 * password" on the new pool.
 */
class UsersImportToLocalPoolIT {
    private static final Pattern REPORT = Pattern.compile(
            "Created (\\d+), skipped as existing (\\d+), done by an earlier run (\\d+), failed (\\d+) \\(of (\\d+)\\)");
    private static final RequestContext CONTEXT = RequestContext.internal("test");

    @TempDir
    Path dir;

    @Test
    void accountsMoveToAnotherUserpoolsLocalPoolWithTheirAttributes() throws Exception {
        Path csv = dir.resolve("users.csv");
        try (RunningApp source = RunningApp.start(Map.of())) {
            declarePlan(source);
            ApiClient api = new ApiClient(source.baseUrl());
            api.register("ada@example.com");
            source.component().accountAttributes().updateAsAdmin(new AdminChangeCommand(Actor.system(), "ada@example.com",
                    Map.of("name", "Ada Lovelace", "birthdate", "1815-12-10", "custom:plan", "gold"), CONTEXT));
            api.register("bob@example.com");
            api.signUp("unconfirmed@example.com");
            GroupAdministration groups = source.component().groupAdministration();
            groups.create(new NewGroup(Actor.system(), "editors", Optional.of("They edit"), Optional.of(1), Optional.empty(), CONTEXT));
            groups.create(new NewGroup(Actor.system(), "nobody-yet", Optional.empty(), Optional.empty(), Optional.empty(), CONTEXT));
            for (String member : List.of("ada@example.com", "bob@example.com", "unconfirmed@example.com")) {
                groups.addUser(new MembershipCommand(Actor.system(), "editors", member, CONTEXT));
            }

            Run export = JarCommand.run(dir, Map.of("USERPOOL_DATA_DIR", source.dataDir().toString()),
                    "users", "export", "--to", csv.toString());
            assertThat(export.exit()).as(export.err()).isZero();
        }
        assertThat(Files.readAllLines(csv).get(0)).contains("custom:plan");
        assertThat(Files.readString(dir.resolve("users.csv.groups.json"))).contains("\"editors\"", "bob@example.com")
                .as("an account the CSV leaves out is left out of its groups").doesNotContain("unconfirmed@example.com");

        try (RunningApp target = RunningApp.start(Map.of());
             CognitoIdentityProviderClient cognito = client(target)) {
            declarePlan(target);
            Map<String, String> env = Map.of("USERPOOL_DATA_DIR", dir.resolve("import-data").toString(),
                    "AWS_REGION", "local",
                    "USERPOOL_COGNITO_USER_POOL_ID", LocalPoolSettings.DEFAULT_POOL_ID,
                    "USERPOOL_COGNITO_CLIENT_ID", LocalPoolSettings.DEFAULT_CLIENT_ID,
                    "USERPOOL_COGNITO_ENDPOINT", target.baseUrl().toString());

            Run imported = JarCommand.run(dir, env, "users", "import", "--to", "cognito", "--from", csv.toString());

            assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
            assertThat(report(imported.out())).containsExactly(2, 0, 0, 0, 2);
            assertThat(imported.out()).contains("Groups: created 2, skipped as existing 0, memberships added 2, "
                    + "done by an earlier run 0, failed 0 (of 2 groups)");
            assertThat(cognito.listGroups(b -> b.userPoolId(LocalPoolSettings.DEFAULT_POOL_ID)).groups())
                    .extracting(GroupType::groupName, GroupType::description, GroupType::precedence)
                    .containsExactlyInAnyOrder(tuple("editors", "They edit", 1), tuple("nobody-yet", null, null));
            assertThat(cognito.listUsersInGroup(b -> b.userPoolId(LocalPoolSettings.DEFAULT_POOL_ID).groupName("editors"))
                    .users()).extracting(u -> attributes(u.attributes()).get("email"))
                    .containsExactlyInAnyOrder("ada@example.com", "bob@example.com");
            AdminGetUserResponse ada = cognito.adminGetUser(b -> b.userPoolId(LocalPoolSettings.DEFAULT_POOL_ID)
                    .username("ada@example.com"));
            assertThat(ada.userStatusAsString()).isEqualTo("CONFIRMED");
            assertThat(attributes(ada)).containsEntry("email_verified", "true").containsEntry("name", "Ada Lovelace")
                    .containsEntry("birthdate", "1815-12-10").containsEntry("custom:plan", "gold");
            assertThatThrownBy(() -> cognito.adminGetUser(b -> b.userPoolId(LocalPoolSettings.DEFAULT_POOL_ID)
                    .username("unconfirmed@example.com"))).isInstanceOf(UserNotFoundException.class);

            // nobody knows the password the import set: the user chooses one through "forgot password"
            cognito.forgotPassword(b -> b.clientId(LocalPoolSettings.DEFAULT_CLIENT_ID).username("ada@example.com"));
            String code = new ApiClient(target.baseUrl()).latestCode("ada@example.com");
            cognito.confirmForgotPassword(b -> b.clientId(LocalPoolSettings.DEFAULT_CLIENT_ID).username("ada@example.com")
                    .confirmationCode(code).password("Chosen-Anew-42"));
            assertThat(cognito.initiateAuth(b -> b.clientId(LocalPoolSettings.DEFAULT_CLIENT_ID)
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "ada@example.com", "PASSWORD", "Chosen-Anew-42")))
                    .authenticationResult().idToken()).isNotBlank();

            Run again = JarCommand.run(dir, env, "users", "import", "--to", "cognito", "--from", csv.toString());
            assertThat(again.exit()).isZero();
            assertThat(report(again.out())).containsExactly(0, 0, 2, 0, 2);
            assertThat(again.out()).contains("Groups: created 0, skipped as existing 0, memberships added 0, "
                    + "done by an earlier run 4, failed 0 (of 2 groups)");
            Run freshState = JarCommand.run(dir, env, "users", "import", "--to", "cognito", "--from", csv.toString(),
                    "--state", dir.resolve("other.state").toString());
            assertThat(freshState.exit()).as(freshState.out()).isZero();
            assertThat(freshState.out()).as("existing groups are left as they are; adding a member again is no change")
                    .contains("Groups: created 0, skipped as existing 2, memberships added 2, done by an earlier run 0, failed 0");
            assertThat(cognito.listUsersInGroup(b -> b.userPoolId(LocalPoolSettings.DEFAULT_POOL_ID).groupName("editors"))
                    .users()).hasSize(2);
        }
    }

    @Test
    void aTargetWithoutTheCustomAttributeRefusesThoseAccountsAndTakesTheRest() throws Exception {
        Path csv = dir.resolve("plans.csv");
        Files.writeString(csv, String.join(",", CognitoUserCsv.header(List.of("custom:plan"))) + "\n"
                + row("carol@example.com", "gold") + row("dave@example.com", ""));
        try (RunningApp target = RunningApp.start(Map.of());
             CognitoIdentityProviderClient cognito = client(target)) {
            Map<String, String> env = Map.of("USERPOOL_DATA_DIR", dir.resolve("import-data").toString(),
                    "AWS_REGION", "local",
                    "USERPOOL_COGNITO_USER_POOL_ID", LocalPoolSettings.DEFAULT_POOL_ID,
                    "USERPOOL_COGNITO_CLIENT_ID", LocalPoolSettings.DEFAULT_CLIENT_ID,
                    "USERPOOL_COGNITO_ENDPOINT", target.baseUrl().toString());

            Run imported = JarCommand.run(dir, env, "users", "import", "--to", "cognito", "--from", csv.toString());

            assertThat(report(imported.out())).containsExactly(1, 0, 0, 1, 2);
            assertThat(imported.out() + imported.err()).contains("carol@example.com");
            assertThatThrownBy(() -> cognito.adminGetUser(b -> b.userPoolId(LocalPoolSettings.DEFAULT_POOL_ID)
                    .username("carol@example.com"))).as("nothing half-made").isInstanceOf(UserNotFoundException.class);
            assertThat(cognito.adminGetUser(b -> b.userPoolId(LocalPoolSettings.DEFAULT_POOL_ID).username("dave@example.com"))
                    .userStatusAsString()).isEqualTo("CONFIRMED");
        }
    }

    private static String row(String email, String plan) {
        List<String> header = CognitoUserCsv.header(List.of("custom:plan"));
        return header.stream().map(column -> switch (column) {
            case "email", "cognito:username" -> email;
            case "email_verified" -> "true";
            case "custom:plan" -> plan;
            case "cognito:mfa_enabled", "phone_number_verified" -> "false";
            default -> "";
        }).collect(Collectors.joining(",")) + "\n";
    }

    private static void declarePlan(RunningApp app) {
        app.component().accountAttributes().addCustomAttributes(new CustomAttributesCommand(Actor.system(),
                List.of(AttributeDefinition.custom("plan", AttributeDataType.STRING, true, Optional.empty(), Optional.empty())),
                CONTEXT));
    }

    private static CognitoIdentityProviderClient client(RunningApp app) {
        return CognitoIdentityProviderClient.builder().region(Region.of("local")).endpointOverride(app.baseUrl())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private static Map<String, String> attributes(AdminGetUserResponse user) {
        return attributes(user.userAttributes());
    }

    private static Map<String, String> attributes(List<AttributeType> attributes) {
        return attributes.stream().collect(Collectors.toMap(AttributeType::name, AttributeType::value));
    }

    private static int[] report(String out) {
        Matcher m = REPORT.matcher(out);
        assertThat(m.find()).as("a report in: " + out).isTrue();
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))};
    }
}
