package dev.userpool.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, as a person on the same machine uses it: the defaults (listening on
 * 0.0.0.0, the embedded email, {@code USERPOOL_LOCAL_NETWORKS} unset) with the browser at
 * {@code http://localhost:<port>/} — register, read the code on the development mailbox, verify, sign
 * in; {@code /metrics} answers too. Closing the doors to other machines must not close them to this one.
 *
 * <p>This is a guard, not a proof of a fix: it passed before the change (commit 6e938da) and must keep passing.
 */
class SameMachineRunTest {

    @Test
    void theDefaultRunServesAPersonOnThisMachineMailboxIncluded() {
        try (RunningApp app = RunningApp.start(Map.of("USERPOOL_BIND", "0.0.0.0"))) {
            ApiClient api = new ApiClient(URI.create("http://localhost:" + app.baseUrl().getPort()));
            assertThat(api.get("/mailbox.html").status()).isEqualTo(200);
            api.register("person@example.com");   // the code read from /api/dev/mailbox
            assertThat(api.signIn("person@example.com", ApiClient.PASSWORD).path("accessToken").asText()).isNotBlank();
            assertThat(api.get("/metrics").status()).isEqualTo(200);
        }
    }
}
