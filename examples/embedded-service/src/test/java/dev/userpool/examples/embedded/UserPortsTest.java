package dev.userpool.examples.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.cognito.AppClient;
import dev.userpool.cognito.CognitoAuthenticator;
import dev.userpool.cognito.CognitoPool;
import dev.userpool.cognito.CognitoTokenVerifier;
import dev.userpool.cognito.CognitoUserDirectory;
import dev.userpool.embedded.EmbeddedAdapters;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-line swap: Cognito takes the user ports, the audit log and the mailer stay embedded. Nothing is called. */
class UserPortsTest {
    @TempDir
    Path dir;

    @Test
    void cognitoKeepsTheUsersAndTheEmbeddedAdaptersTheRest() throws Exception {
        try (EmbeddedAdapters edge = EmbeddedAdapters.builder(dir.resolve("users.db"), URI.create("http://127.0.0.1/local_Example1")).build()) {
            UserPorts ports = UserPorts.cognito(edge, CognitoPool.onAws("eu-west-1", "eu-west-1_AbC123"),
                    AppClient.withoutSecret("1example23456789"), Clock.systemUTC());
            try {
                assertThat(ports.directory()).isInstanceOf(CognitoUserDirectory.class);
                assertThat(ports.authenticator()).isInstanceOf(CognitoAuthenticator.class);
                assertThat(ports.tokens()).isInstanceOf(CognitoTokenVerifier.class);
                assertThat(ports.audit()).isSameAs(edge.auditLog());
                assertThat(ports.mailer()).isSameAs(edge.mailer());
            } finally {
                ports.resources().close();
            }

            UserPorts embedded = UserPorts.embedded(edge);
            assertThat(embedded.directory()).isSameAs(edge.directory());
            assertThat(embedded.tokens()).isSameAs(edge.tokenVerifier());
        }
    }
}
