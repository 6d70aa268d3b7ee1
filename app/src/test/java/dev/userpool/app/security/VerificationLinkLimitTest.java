package dev.userpool.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/verify-link} obeys the same per-address limit as resending a code (5 an hour), for
 * an account and for an unknown address alike, and is refused when the pool verifies by code.
 *
 * <p>Before the fix (commit 6e938da) it had no limit at all — 20 links in a row were all sent to the
 * same mailbox — and a pool verifying by code sent links anyway.
 */
class VerificationLinkLimitTest {

    @Test
    void aSixthLinkWithinTheHourIsRefused() {
        try (RunningApp app = RunningApp.start(Map.of("USERPOOL_VERIFICATION", "link"))) {
            ApiClient api = new ApiClient(app.baseUrl());
            String account = SecurityFixture.address("linked");
            assertThat(api.signUp(account).status()).isEqualTo(201);   // the sign-up's own link is not one of the five
            String ghost = SecurityFixture.address("ghost");
            for (String email : new String[] {account, ghost}) {
                for (int i = 0; i < 5; i++) {
                    assertThat(api.post("/api/verify-link", Map.of("email", email)).status()).as(email).isEqualTo(202);
                }
                ApiClient.Response sixth = api.post("/api/verify-link", Map.of("email", email));
                assertThat(sixth.status()).as(email).isEqualTo(429);
                assertThat(sixth.code()).isEqualTo("LimitExceeded");
            }
            assertThat(api.get("/api/dev/mailbox?to=" + account).json().path("messages")).as("the sign-up's link and five more")
                    .hasSize(6);
        }
    }

    @Test
    void aPoolThatVerifiesByCodeSendsNoLink() {
        try (RunningApp app = RunningApp.start(Map.of("USERPOOL_VERIFICATION", "code"))) {
            ApiClient api = new ApiClient(app.baseUrl());
            String email = SecurityFixture.address("coded");
            api.signUp(email);

            ApiClient.Response refused = api.post("/api/verify-link", Map.of("email", email));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("InvalidParameter");
            assertThat(refused.json().path("detail").asText()).contains("by code");
            assertThat(api.get("/api/dev/mailbox?to=" + email).json().path("messages")).as("only the sign-up code").hasSize(1);
        }
    }
}
