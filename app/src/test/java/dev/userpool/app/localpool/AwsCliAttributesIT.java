package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI's attribute commands against the local pool, as an operator scripts them:
 * add-custom-attributes, describe-user-pool (the schema), admin-update-user-attributes,
 * admin-get-user, list-users with a filter and --attributes-to-get, admin-delete-user-attributes, and
 * Cognito's refusals as the CLI prints them.
 */
class AwsCliAttributesIT {
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
    void theAttributeCommandsWorkAndPrintWhatAwsPrints() throws Exception {
        String email = "cli-ada@example.com";
        new ApiClient(app.baseUrl()).register(email);
        new ApiClient(app.baseUrl()).register("cli-bob@example.com");

        ok("add-custom-attributes", "--user-pool-id", POOL, "--custom-attributes",
                "Name=plan,AttributeDataType=String,Mutable=true,StringAttributeConstraints={MinLength=1,MaxLength=20}");
        JsonNode schema = ok("describe-user-pool", "--user-pool-id", POOL).path("UserPool").path("SchemaAttributes");
        assertThat(schema.findValuesAsText("Name")).contains("name", "birthdate", "custom:plan");

        ok("admin-update-user-attributes", "--user-pool-id", POOL, "--username", email, "--user-attributes",
                "Name=name,Value=Ada Lovelace", "Name=birthdate,Value=1815-12-10", "Name=custom:plan,Value=gold");
        assertThat(attributes(ok("admin-get-user", "--user-pool-id", POOL, "--username", email).path("UserAttributes")))
                .containsEntry("name", "Ada Lovelace").containsEntry("birthdate", "1815-12-10").containsEntry("custom:plan", "gold");

        JsonNode found = ok("list-users", "--user-pool-id", POOL, "--filter", "name ^= \"Ada\"", "--attributes-to-get", "name")
                .path("Users");
        assertThat(found).hasSize(1);
        assertThat(attributes(found.get(0).path("Attributes"))).containsOnlyKeys("name");

        ok("admin-delete-user-attributes", "--user-pool-id", POOL, "--username", email, "--user-attribute-names", "custom:plan");
        assertThat(attributes(ok("admin-get-user", "--user-pool-id", POOL, "--username", email).path("UserAttributes")))
                .doesNotContainKey("custom:plan").containsEntry("name", "Ada Lovelace");
    }

    @Test
    void cognitosRefusalsReachTheCliAndChangeNothing() throws Exception {
        String email = "cli-carol@example.com";
        new ApiClient(app.baseUrl()).register(email);

        assertThat(aws.cognitoIdp("admin-update-user-attributes", "--user-pool-id", POOL, "--username", email,
                "--user-attributes", "Name=phone_number,Value=0123 456").stderr())
                .contains("(InvalidParameterException) when calling the AdminUpdateUserAttributes operation: Invalid phone number format.");
        assertThat(aws.cognitoIdp("admin-update-user-attributes", "--user-pool-id", POOL, "--username", email,
                "--user-attributes", "Name=shoe_size,Value=42").stderr())
                .contains("(InvalidParameterException)", "shoe_size: Attribute does not exist in the schema.");
        assertThat(aws.cognitoIdp("list-users", "--user-pool-id", POOL, "--attributes-to-get", "shoe_size").stderr())
                .contains("(InvalidParameterException)", "One or more requested attributes do not exist.");
        assertThat(attributes(ok("admin-get-user", "--user-pool-id", POOL, "--username", email).path("UserAttributes")))
                .doesNotContainKeys("phone_number", "shoe_size");
    }

    private static Map<String, String> attributes(JsonNode list) {
        Map<String, String> all = new LinkedHashMap<>();
        list.forEach(a -> all.put(a.path("Name").asText(), a.path("Value").asText()));
        return all;
    }
}
