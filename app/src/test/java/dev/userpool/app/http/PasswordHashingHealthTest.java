package dev.userpool.app.http;

import static dev.userpool.app.testing.ApiClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator sees how the pool hashes passwords — the engine a machine really got and the cost of
 * USERPOOL_ARGON2_* — on {@code /health} and {@code /metrics}, and sees old hashes upgraded as people
 * sign in after the cost was raised.
 */
class PasswordHashingHealthTest {
    private static final Pattern ENGINE = Pattern.compile("userpool_password_hash_engine\\{engine=\"([a-z0-9-]+)\"} 1\\.0");

    @TempDir
    Path dataDir;

    @Test
    void healthAndMetricsNameTheEngineAndTheDefaultCost() {
        try (RunningApp app = RunningApp.start(Map.of())) {
            ApiClient api = new ApiClient(app.baseUrl());
            String hashing = api.get("/health").json().path("passwordHashing").asText();
            String engine = engineOf(api.get("/metrics").text());

            assertThat(engine).isIn("libsodium", "argon2-jvm", "bouncy-castle");
            assertThat(hashing).isEqualTo(engine + " argon2id m=19456 t=2 p=1");
        }
    }

    @Test
    void severalLanesAreHashedByAnEngineThatComputesThem() {
        try (RunningApp app = RunningApp.start(Map.of("USERPOOL_ARGON2_MEMORY_KIB", "1024", "USERPOOL_ARGON2_ITERATIONS", "1",
                "USERPOOL_ARGON2_PARALLELISM", "2"))) {
            ApiClient api = new ApiClient(app.baseUrl());
            String engine = engineOf(api.get("/metrics").text());

            assertThat(engine).as("libsodium computes one lane only").isNotEqualTo("libsodium");
            assertThat(api.get("/health").json().path("passwordHashing").asText())
                    .isEqualTo(engine + " argon2id m=1024 t=1 p=2");
        }
    }

    @Test
    void raisingTheCostUpgradesEachHashAtItsNextSignInOnce() {
        Map<String, String> cheap = Map.of("USERPOOL_DATA_DIR", dataDir.toString(),
                "USERPOOL_ARGON2_MEMORY_KIB", "64", "USERPOOL_ARGON2_ITERATIONS", "1");
        try (RunningApp first = RunningApp.start(cheap)) {
            new ApiClient(first.baseUrl()).register("rider@example.com");
        }
        Map<String, String> raised = Map.of("USERPOOL_DATA_DIR", dataDir.toString(),
                "USERPOOL_ARGON2_MEMORY_KIB", "128", "USERPOOL_ARGON2_ITERATIONS", "2");
        try (RunningApp second = RunningApp.start(raised)) {
            ApiClient api = new ApiClient(second.baseUrl());
            assertThat(rehashes(api)).isEqualTo("0.0");

            api.signIn("rider@example.com", PASSWORD);
            assertThat(rehashes(api)).isEqualTo("1.0");

            api.signIn("rider@example.com", PASSWORD);
            assertThat(rehashes(api)).as("the upgraded hash is current").isEqualTo("1.0");
        }
        try (RunningApp third = RunningApp.start(raised)) {
            ApiClient api = new ApiClient(third.baseUrl());
            api.signIn("rider@example.com", PASSWORD);
            assertThat(rehashes(api)).as("the upgrade was stored").isEqualTo("0.0");
        }
    }

    private static String engineOf(String metrics) {
        Matcher m = ENGINE.matcher(metrics);
        assertThat(m.find()).as("an engine series in\n" + metrics).isTrue();
        return m.group(1);
    }

    private static String rehashes(ApiClient api) {
        Matcher m = Pattern.compile("(?m)^userpool_password_rehashes_total(?:\\{[^}]*})? (\\S+)$").matcher(api.get("/metrics").text());
        assertThat(m.find()).as("the rehash counter").isTrue();
        return m.group(1);
    }
}
