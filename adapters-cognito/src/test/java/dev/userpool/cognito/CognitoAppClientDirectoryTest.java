package dev.userpool.cognito;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.AppClientSettings;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.ResourceServer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * With the users in Amazon Cognito, the app clients are Cognito's to manage: the configured client is
 * known, every change is refused with a message saying where to make it (the contract's writes do not apply).
 */
class CognitoAppClientDirectoryTest {
    private final CognitoAppClientDirectory clients = new CognitoAppClientDirectory(AppClient.withSecret("abc123", "s3cret"));

    @Test
    void theConfiguredClientIsKnownWithItsSecret() {
        assertThat(clients.find("abc123").orElseThrow().secret()).contains("s3cret");
        assertThat(clients.find("other")).isEmpty();
        assertThat(clients.list()).hasSize(1);
    }

    @Test
    void changesAreRefusedAndSaySo() {
        var other = AppClientSettings.defaults("x").toClient("zzz", Optional.empty(), Instant.EPOCH, Instant.EPOCH);
        assertThat(assertRefused(() -> clients.create(other), ErrorCode.INVALID_PARAMETER)).hasMessageContaining("managed on Cognito");
        assertRefused(() -> clients.replace(other), ErrorCode.INVALID_PARAMETER);
        assertRefused(() -> clients.delete("abc123"), ErrorCode.INVALID_PARAMETER);
        CognitoResourceServerDirectory servers = new CognitoResourceServerDirectory();
        assertThat(servers.list()).isEmpty();
        assertRefused(() -> servers.create(new ResourceServer("a", "b", List.of())), ErrorCode.INVALID_PARAMETER);
    }
}
