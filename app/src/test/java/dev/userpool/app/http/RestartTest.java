package dev.userpool.app.http;

import static dev.userpool.app.testing.ApiClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users, signing keys and audit events live in the data directory and survive a restart. */
class RestartTest {
    @TempDir
    Path dataDir;

    @Test
    void usersKeysAndAuditSurviveARestart() {
        Map<String, String> env = Map.of("USERPOOL_DATA_DIR", dataDir.toString(), "USERPOOL_ADMIN_EMAILS", "admin@example.com",
                // the issuer is the public base URL and the pool id, which stay the same across restarts (the port does not matter)
                "USERPOOL_BASE_URL", "https://auth.example.test");
        JsonNode tokens;
        String jwksBefore;
        try (RunningApp first = RunningApp.start(env)) {
            ApiClient api = new ApiClient(first.baseUrl());
            api.register("admin@example.com");
            api.register("stays@example.com");
            tokens = api.signIn("stays@example.com", PASSWORD);
            jwksBefore = api.get("/.well-known/jwks.json").text();
        }
        try (RunningApp second = RunningApp.start(env)) {
            ApiClient api = new ApiClient(second.baseUrl());
            assertThat(api.get("/.well-known/jwks.json").text()).isEqualTo(jwksBefore);
            for (String field : List.of("idToken", "accessToken")) {
                assertThat(api.get("/api/me", tokens.path(field).asText()).json().path("email").asText())
                        .as("a " + field + " issued before the restart").isEqualTo("stays@example.com");
            }
            assertThat(api.post("/api/refresh", Map.of("refreshToken", tokens.path("refreshToken").asText())).status())
                    .isEqualTo(200);
            JsonNode again = api.signIn("stays@example.com", PASSWORD);
            assertThat(api.get("/api/me", again.path("idToken").asText()).json().path("email").asText())
                    .isEqualTo("stays@example.com");
            List<String> types = api.get("/api/admin/audit?email=stays@example.com", api.accessToken("admin@example.com"))
                    .json().path("events").findValuesAsText("type");
            assertThat(types).containsSubsequence("SIGN_IN", "SIGN_IN", "SIGN_UP_CONFIRMED", "SIGN_UP");
        }
    }
}
