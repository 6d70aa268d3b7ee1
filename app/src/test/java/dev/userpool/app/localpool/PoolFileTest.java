package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.app.config.InvalidSettingsException;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.cognito.AppClient;
import dev.userpool.core.domain.AuditEventType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/**
 * {@code USERPOOL_POOL_FILE}: the pool's clients and resource servers as a project keeps them in git
 * (examples/pool-file/pool.json), applied at start-up with their pinned ids and secrets, again unchanged at
 * the next start (no event, nothing rewritten), and an entry that cannot be applied stops the start-up
 * naming the file and the entry.
 */
class PoolFileTest {
    private static final String POOL = LocalPoolSettings.DEFAULT_POOL_ID;
    private static final Path EXAMPLE = Path.of("..", "examples", "pool-file", "pool.json");

    @TempDir
    Path dir;

    private RunningApp start(Path file) {
        return RunningApp.start(Map.of("USERPOOL_POOL_FILE", file.toString(), "USERPOOL_DATA_DIR", dir.resolve("data").toString()));
    }

    @Test
    void theExampleFileMakesItsClientsAndAPinnedClientSignsIn() throws Exception {
        AppClient backend = AppClient.withSecret("backend00000000000000000001", "backend-secret-for-local-development-only");
        String email = "pool-file@example.com";
        try (RunningApp app = start(EXAMPLE); CognitoIdentityProviderClient sdk = CognitoSdk.client(app.baseUrl())) {
            assertThat(sdk.listUserPoolClients(b -> b.userPoolId(POOL)).userPoolClients()).extracting(c -> c.clientName())
                    .containsExactlyInAnyOrder("web app", "backend", "worker", LocalPoolSettings.DEFAULT_CLIENT_ID);
            assertThat(sdk.describeResourceServer(b -> b.userPoolId(POOL).identifier("https://api.example.com"))
                    .resourceServer().scopes()).hasSize(2);
            new ApiClient(app.baseUrl()).register(email);
            var tokens = sdk.initiateAuth(b -> b.clientId(backend.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", email, "PASSWORD", "Correct-Horse-9",
                            "SECRET_HASH", backend.secretHash(email).orElseThrow()))).authenticationResult();
            var access = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(tokens.accessToken().split("\\.")[1]));
            assertThat(access.path("client_id").asText()).isEqualTo(backend.clientId());
            assertThat(access.path("exp").asLong() - access.path("iat").asLong()).isEqualTo(900);
        }
        // the next start applies the same file: nothing changes, nothing is recorded
        try (RunningApp again = start(EXAMPLE)) {
            var events = again.component().auditLog().between(java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(60),
                    dev.userpool.core.domain.PageRequest.first(60)).items();
            assertThat(events).filteredOn(e -> e.type() == AuditEventType.APP_CLIENT_CREATED).hasSize(3);
            assertThat(events).filteredOn(e -> e.type() == AuditEventType.APP_CLIENT_UPDATED).isEmpty();
            assertThat(events).filteredOn(e -> e.type() == AuditEventType.RESOURCE_SERVER_CREATED).hasSize(1);
        }
    }

    @Test
    void anEntryThatCannotBeAppliedStopsTheStartUpNamingIt() throws Exception {
        Path bad = dir.resolve("bad-pool.json");
        Files.writeString(bad, """
                {"UserPoolClients": [
                  {"ClientName": "fine"},
                  {"ClientName": "web", "CallbackURLs": ["http://app.example.com/cb"], "AllowedOAuthFlows": ["code"],
                   "AllowedOAuthScopes": ["openid"], "AllowedOAuthFlowsUserPoolClient": true}
                ]}""");
        assertThatThrownBy(() -> start(bad)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("USERPOOL_POOL_FILE=" + bad)
                .hasMessageContaining("UserPoolClients[1] (ClientName web)")
                .hasMessageContaining("InvalidParameterException");
        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, "{\"Clients\": []}");
        assertThatThrownBy(() -> start(unknown)).isInstanceOf(InvalidSettingsException.class).hasMessageContaining("unknown member Clients");
    }
}
