package dev.userpool.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lockout under a burst: 100 wrong passwords for one account sent at once test at most five of
 * them against the account (Cognito's free failures), whichever door they come through — the REST
 * API, Cognito's {@code USER_PASSWORD_AUTH}, or SRP — and then the right password does not get in.
 *
 * <p>Before the fix (commit 6e938da) every request passed the lock check before the first failure was
 * counted: over the REST API all 100 answered "Incorrect username or password." (each one a password
 * tested; none "Password attempts exceeded"), and the right password then still got in.
 */
class ConcurrentLockoutTest {
    private static final int BURST = 100;
    private static RunningApp app;
    private static ApiClient api;
    private static CognitoWire cognito;

    @BeforeAll
    static void start() {
        // A deep hashing queue, so that the burst is decided by the lockout, not by load shedding; and a
        // clock that stands still, so that the lock the burst earns (1 s) is still on for the right password.
        app = RunningApp.start(Map.of("USERPOOL_HASH_QUEUE", "1000"), MutableClock.at(Instant.now()));
        api = new ApiClient(app.baseUrl());
        cognito = new CognitoWire(api);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    @Test
    void restApi() throws Exception {
        String email = SecurityFixture.confirmedUser(api, "burst-rest");
        long before = SecurityFixture.passwordsChecked(app, email);
        List<ApiClient.Response> answers = burst(() -> api.post("/api/signin", Map.of("email", email, "password", "Wrong-Horse-9!")));

        assertAtMostFiveTested(email, before, answers, r -> r.json().path("detail").asText());
        ApiClient.Response right = api.post("/api/signin", Map.of("email", email, "password", ApiClient.PASSWORD));
        assertThat(right.status()).isEqualTo(401);
        assertThat(right.json().path("detail").asText()).isEqualTo("Password attempts exceeded");
    }

    @Test
    void cognitoPasswordAuth() throws Exception {
        String email = SecurityFixture.confirmedUser(api, "burst-cognito");
        long before = SecurityFixture.passwordsChecked(app, email);
        List<ApiClient.Response> answers = burst(() -> cognito.passwordSignIn(email, "Wrong-Horse-9!"));

        assertAtMostFiveTested(email, before, answers, CognitoWire::message);
        ApiClient.Response right = cognito.passwordSignIn(email, ApiClient.PASSWORD);
        assertThat(CognitoWire.type(right)).isEqualTo("NotAuthorizedException");
        assertThat(CognitoWire.message(right)).isEqualTo("Password attempts exceeded");
    }

    @Test
    void srp() throws Exception {
        String email = SecurityFixture.confirmedUser(api, "burst-srp");
        // USER_SRP_AUTH needs the verifier a password sign-in makes.
        assertThat(api.post("/api/signin", Map.of("email", email, "password", ApiClient.PASSWORD)).status()).isEqualTo(200);
        long before = SecurityFixture.passwordsChecked(app, email);
        List<ApiClient.Response> answers = burst(() -> cognito.srpSignIn(email, "Wrong-Horse-9!"));

        assertAtMostFiveTested(email, before, answers, CognitoWire::message);
        ApiClient.Response right = cognito.srpSignIn(email, ApiClient.PASSWORD);
        assertThat(CognitoWire.message(right)).isEqualTo("Password attempts exceeded");
    }

    private static void assertAtMostFiveTested(String email, long checkedBefore, List<ApiClient.Response> answers,
                                               Function<ApiClient.Response, String> message) {
        long incorrect = answers.stream().filter(r -> message.apply(r).equals("Incorrect username or password.")).count();
        long locked = answers.stream().filter(r -> message.apply(r).equals("Password attempts exceeded")).count();
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.text()).isIn(400, 401, 429));
        assertThat(incorrect).as("answers that tested the password").isBetween(1L, 5L);
        assertThat(locked).as("answers refused by the lock").isGreaterThan(0);
        assertThat(SecurityFixture.passwordsChecked(app, email) - checkedBefore).as("sign-in events with passwordChecked=true")
                .isEqualTo(incorrect);
        assertThat(SecurityFixture.events(app, email).stream().filter(e -> e.type().name().equals("SIGN_IN")))
                .as("every sign-in event says whether the password was checked")
                .allSatisfy(e -> assertThat(e.passwordChecked()).isPresent());
    }

    private static List<ApiClient.Response> burst(Callable<ApiClient.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<ApiClient.Response> answers = new ArrayList<>();
            for (Future<ApiClient.Response> f : futures) answers.add(f.get());
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
