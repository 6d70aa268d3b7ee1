package dev.userpool.app.http;

import static dev.userpool.app.testing.ApiClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.embedded.EmbeddedDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a sign-in over the REST API costs the embedded default's one SQLite database, which every
 * request shares: the account (with its SRP verifier), the lockout's admission, the session, and the
 * audit event — one round trip each, no token verified or account looked up again by the core.
 */
class SignInRoundTripsTest {
    static final int BUDGET = 4;

    static RunningApp app;
    static ApiClient api;
    static EmbeddedDatabase db;

    @BeforeAll
    static void start() {
        app = RunningApp.start(Map.of());
        api = new ApiClient(app.baseUrl());
        db = app.component().embeddedDatabase();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long roundTripsOf(Runnable request) {
        long before = db.roundTrips();
        request.run();
        return db.roundTrips() - before;
    }

    @Test
    void aSignInTakesAtMostFourRoundTrips() {
        api.register("counted@example.com");

        long first = roundTripsOf(() -> api.signIn("counted@example.com", PASSWORD));
        long again = roundTripsOf(() -> api.signIn("counted@example.com", PASSWORD));

        assertThat(first).as("first sign-in").isLessThanOrEqualTo(BUDGET);
        assertThat(again).as("next sign-in").isLessThanOrEqualTo(BUDGET);
    }

    @Test
    void aRefusedSignInTakesNoMoreThanASuccessfulOne() {
        api.register("refused@example.com");

        long wrong = roundTripsOf(() -> {
            Response r = api.post("/api/signin", Map.of("email", "refused@example.com", "password", "Wrong-Horse-9"));
            assertThat(r.status()).isEqualTo(401);
        });

        assertThat(wrong).isLessThanOrEqualTo(BUDGET);
    }
}
