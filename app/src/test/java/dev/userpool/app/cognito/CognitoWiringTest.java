package dev.userpool.app.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.app.config.InvalidSettingsException;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.testing.LocalServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** USERPOOL_DIRECTORY=cognito puts the Cognito adapters behind the API, and refuses to start half-configured. */
class CognitoWiringTest {

    @Test
    void missingSettingsStopStartUpNamingThem() {
        assertThatThrownBy(() -> RunningApp.start(Map.of("USERPOOL_DIRECTORY", "cognito")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("USERPOOL_COGNITO_USER_POOL_ID")
                .hasMessageContaining("USERPOOL_COGNITO_CLIENT_ID")
                .hasMessageContaining("when USERPOOL_DIRECTORY=cognito");
    }

    @Test
    void theApiTalksToCognitoAndSaysSoWhenCognitoIsUnreachable() {
        int nobody = LocalServer.freePort();
        try (RunningApp app = RunningApp.start(Map.of("USERPOOL_DIRECTORY", "cognito", "AWS_REGION", "us-east-1",
                "USERPOOL_COGNITO_USER_POOL_ID", "local_Nowhere1", "USERPOOL_COGNITO_CLIENT_ID", "client-1",
                "USERPOOL_COGNITO_ENDPOINT", "http://127.0.0.1:" + nobody))) {
            ApiClient api = new ApiClient(app.baseUrl());

            ApiClient.Response signUp = api.signUp("rider@example.com");

            assertThat(signUp.status()).isEqualTo(503);
            assertThat(signUp.code()).isEqualTo("ServiceUnavailable");
            assertThat(signUp.text()).contains("Cognito cannot be reached.");
            assertThat(api.get("/.well-known/jwks.json").status()).as("the pool publishes the keys, not the app").isEqualTo(404);
        }
    }
}
