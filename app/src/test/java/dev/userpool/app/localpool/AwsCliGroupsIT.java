package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI's group commands against the local pool: create-group, get-group, update-group,
 * list-groups (the CLI follows NextToken), admin-add-user-to-group, admin-list-groups-for-user,
 * list-users-in-group, admin-remove-user-from-group, delete-group, and Cognito's errors as the CLI
 * prints them.
 */
class AwsCliGroupsIT {
    private static final String POOL = LocalPoolSettings.DEFAULT_POOL_ID;

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

    private JsonNode ok(String operation, String... args) throws Exception {
        AwsCli.Result r = aws.cognitoIdp(operation, args);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().isBlank() ? null : r.json();
    }

    @Test
    void theGroupCommandsWorkAndPrintWhatAwsPrints() throws Exception {
        String email = "cli-member@example.com";
        new ApiClient(app.baseUrl()).register(email);

        JsonNode created = ok("create-group", "--user-pool-id", POOL, "--group-name", "riders", "--description", "Unicorn riders",
                "--precedence", "3", "--role-arn", "arn:aws:iam::123456789012:role/Riders").path("Group");
        assertThat(created.path("GroupName").asText()).isEqualTo("riders");
        assertThat(created.path("UserPoolId").asText()).isEqualTo(POOL);
        assertThat(created.path("Precedence").asInt()).isEqualTo(3);
        assertThat(created.path("RoleArn").asText()).isEqualTo("arn:aws:iam::123456789012:role/Riders");
        assertThat(created.has("CreationDate")).isTrue();
        ok("create-group", "--user-pool-id", POOL, "--group-name", "editors", "--precedence", "1");

        assertThat(ok("update-group", "--user-pool-id", POOL, "--group-name", "riders", "--precedence", "0")
                .path("Group").path("Description").asText()).isEqualTo("Unicorn riders");
        assertThat(ok("get-group", "--user-pool-id", POOL, "--group-name", "riders").path("Group").path("Precedence").asInt()).isZero();
        assertThat(names(ok("list-groups", "--user-pool-id", POOL, "--page-size", "1").path("Groups")))
                .as("the CLI follows NextToken page after page").containsExactly("editors", "riders");

        assertThat(ok("admin-add-user-to-group", "--user-pool-id", POOL, "--group-name", "riders", "--username", email)).isNull();
        ok("admin-add-user-to-group", "--user-pool-id", POOL, "--group-name", "editors", "--username", email);
        assertThat(names(ok("admin-list-groups-for-user", "--user-pool-id", POOL, "--username", email).path("Groups")))
                .containsExactly("editors", "riders");
        JsonNode members = ok("list-users-in-group", "--user-pool-id", POOL, "--group-name", "riders").path("Users");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).path("Attributes").findValuesAsText("Value")).contains(email);

        ok("admin-remove-user-from-group", "--user-pool-id", POOL, "--group-name", "riders", "--username", email);
        assertThat(ok("list-users-in-group", "--user-pool-id", POOL, "--group-name", "riders").path("Users")).isEmpty();
        ok("delete-group", "--user-pool-id", POOL, "--group-name", "riders");
        assertThat(names(ok("list-groups", "--user-pool-id", POOL).path("Groups"))).containsExactly("editors");
    }

    @Test
    void cognitosErrorsReachTheCli() throws Exception {
        ok("create-group", "--user-pool-id", POOL, "--group-name", "riders");
        assertThat(aws.cognitoIdp("create-group", "--user-pool-id", POOL, "--group-name", "riders").stderr())
                .contains("(GroupExistsException) when calling the CreateGroup operation: A group with the name already exists.");
        assertThat(aws.cognitoIdp("get-group", "--user-pool-id", POOL, "--group-name", "nope").stderr())
                .contains("(ResourceNotFoundException) when calling the GetGroup operation: Group not found.");
        assertThat(aws.cognitoIdp("admin-add-user-to-group", "--user-pool-id", POOL, "--group-name", "riders",
                "--username", "ghost@example.com").stderr())
                .contains("(UserNotFoundException) when calling the AdminAddUserToGroup operation: User does not exist.");
        // the CLI checks the range of Precedence itself (min 0) before sending: a name it cannot check is the pool's to refuse
        assertThat(aws.cognitoIdp("create-group", "--user-pool-id", POOL, "--group-name", "two words").stderr())
                .contains("(InvalidParameterException) when calling the CreateGroup operation: 1 validation error detected");
    }

    private static List<String> names(JsonNode groups) {
        List<String> all = new ArrayList<>();
        groups.forEach(g -> all.add(g.path("GroupName").asText()));
        return all;
    }
}
