package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.config.LocalPoolSettings;
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
 * The AWS CLI's app-client and resource-server commands against the local pool, as a set-up script for a
 * real pool runs them: create-user-pool-client --generate-secret, describe, list (the CLI follows
 * NextToken), update, delete; create / describe / list / update / delete-resource-server; and Cognito's
 * errors as the CLI prints them.
 */
class AwsCliAppClientsIT {
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
    void theAppClientCommandsWork() throws Exception {
        JsonNode created = ok("create-user-pool-client", "--user-pool-id", POOL, "--client-name", "web", "--generate-secret",
                "--explicit-auth-flows", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH",
                "--callback-urls", "https://app.example.com/callback", "http://localhost:3000/callback",
                "--allowed-o-auth-flows", "code", "--allowed-o-auth-scopes", "openid", "email",
                "--allowed-o-auth-flows-user-pool-client", "--supported-identity-providers", "COGNITO").path("UserPoolClient");
        String clientId = created.path("ClientId").asText();
        assertThat(clientId).matches("[a-z0-9]{26}");
        assertThat(created.path("ClientSecret").asText()).hasSize(51);
        assertThat(created.path("UserPoolId").asText()).isEqualTo(POOL);

        JsonNode described = ok("describe-user-pool-client", "--user-pool-id", POOL, "--client-id", clientId).path("UserPoolClient");
        assertThat(described.path("ClientSecret").asText()).isEqualTo(created.path("ClientSecret").asText());
        assertThat(described.path("CallbackURLs")).hasSize(2);
        assertThat(described.path("AllowedOAuthFlowsUserPoolClient").asBoolean()).isTrue();

        ok("create-user-pool-client", "--user-pool-id", POOL, "--client-name", "mobile");
        assertThat(names(ok("list-user-pool-clients", "--user-pool-id", POOL, "--page-size", "1").path("UserPoolClients")))
                .as("the CLI follows NextToken").containsExactlyInAnyOrder(LocalPoolSettings.DEFAULT_CLIENT_ID, "web", "mobile");

        JsonNode updated = ok("update-user-pool-client", "--user-pool-id", POOL, "--client-id", clientId, "--client-name", "web2",
                "--explicit-auth-flows", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH").path("UserPoolClient");
        assertThat(updated.path("ClientName").asText()).isEqualTo("web2");
        assertThat(updated.has("CallbackURLs")).as("left out, reset").isFalse();
        assertThat(updated.path("AllowedOAuthFlowsUserPoolClient").asBoolean()).isFalse();

        assertThat(ok("delete-user-pool-client", "--user-pool-id", POOL, "--client-id", clientId)).isNull();
        assertThat(aws.cognitoIdp("describe-user-pool-client", "--user-pool-id", POOL, "--client-id", clientId).stderr())
                .contains("(ResourceNotFoundException) when calling the DescribeUserPoolClient operation: User pool client "
                        + clientId + " does not exist.");
        // (two URLs: the AWS CLI v1 fetches a lone parameter that looks like a URL)
        assertThat(aws.cognitoIdp("create-user-pool-client", "--user-pool-id", POOL, "--client-name", "web",
                "--callback-urls", "https://app.example.com/cb", "http://localhost:3000/cb", "--allowed-o-auth-flows", "code",
                "--allowed-o-auth-scopes", "shop/buy",
                "--allowed-o-auth-flows-user-pool-client").stderr())
                .contains("(ScopeDoesNotExistException) when calling the CreateUserPoolClient operation: Invalid scope requested: shop/buy");
        assertThat(ok("describe-user-pool", "--user-pool-id", POOL).path("UserPool").path("Id").asText()).isEqualTo(POOL);
    }

    /** An identifier that is not a URL: the AWS CLI v1 fetches a string parameter that looks like one. */
    @Test
    void theResourceServerCommandsWork() throws Exception {
        JsonNode created = ok("create-resource-server", "--user-pool-id", POOL, "--identifier", "orders-api",
                "--name", "API", "--scopes", "ScopeName=read,ScopeDescription=Read", "ScopeName=write,ScopeDescription=Write")
                .path("ResourceServer");
        assertThat(created.path("Scopes")).hasSize(2);
        assertThat(ok("describe-resource-server", "--user-pool-id", POOL, "--identifier", "orders-api")
                .path("ResourceServer").path("Name").asText()).isEqualTo("API");
        ok("update-resource-server", "--user-pool-id", POOL, "--identifier", "orders-api", "--name", "API v2",
                "--scopes", "ScopeName=read,ScopeDescription=Read");
        JsonNode listed = ok("list-resource-servers", "--user-pool-id", POOL, "--max-results", "10").path("ResourceServers");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("Name").asText()).isEqualTo("API v2");
        JsonNode machine = ok("create-user-pool-client", "--user-pool-id", POOL, "--client-name", "machine", "--generate-secret",
                "--allowed-o-auth-flows", "client_credentials", "--allowed-o-auth-scopes", "orders-api/read",
                "--allowed-o-auth-flows-user-pool-client").path("UserPoolClient");
        assertThat(machine.path("AllowedOAuthScopes").get(0).asText()).isEqualTo("orders-api/read");
        ok("delete-resource-server", "--user-pool-id", POOL, "--identifier", "orders-api");
        assertThat(aws.cognitoIdp("describe-resource-server", "--user-pool-id", POOL, "--identifier", "orders-api").stderr())
                .contains("(ResourceNotFoundException)");
    }

    private static List<String> names(JsonNode clients) {
        List<String> all = new ArrayList<>();
        clients.forEach(c -> all.add(c.path("ClientName").asText()));
        return all;
    }
}
