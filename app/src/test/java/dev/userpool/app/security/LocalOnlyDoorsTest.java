package dev.userpool.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.app.config.InvalidSettingsException;
import dev.userpool.app.testing.HttpFromAddress;
import dev.userpool.app.testing.HttpFromAddress.Reply;
import dev.userpool.app.testing.RunningApp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local-only doors — the development mailbox ({@code /api/dev/mailbox}, {@code /mailbox.html}),
 * {@code /metrics} and the local pool's admin operations on {@code POST /} — answer only callers in
 * {@code USERPOOL_LOCAL_NETWORKS}, judged by the socket's remote address: forwarded-for headers change
 * nothing, a web page (a request with {@code Origin}) never passes, nor does a request that names
 * this machine by another host name (DNS rebinding). The server runs with the list narrowed to
 * {@code 127.0.0.1/32}; the "other machine" is a socket bound to 127.0.0.2 (Linux routes all of
 * 127.0.0.0/8 to {@code lo}).
 *
 * <p>Observed against the code before the fix (commit 6e938da, this class run unchanged): 8 of 9
 * tests failed, each with "expected: 403 (or 400) but was: 200" — from 127.0.0.2 the mailbox answered
 * 200 with the outbox ({@code USERPOOL_LOCAL_NETWORKS} did not exist), so did {@code /metrics}, and
 * ListUsers answered 200 (the old check took every loopback address for "this machine"); forwarded
 * headers, {@code Origin} on the mailbox and {@code Host: rebound.example} all got 200; with
 * {@code USERPOOL_POOL_ADMIN=any} the metrics answered 127.0.0.2; and {@code USERPOOL_LOCAL_NETWORKS=127.0.0.1/33}
 * started the server ("Expecting code to raise a throwable"). Only {@code theMailboxAnswersThisMachine} passed.
 * ({@code withoutTheEmbeddedOutboxTheMailboxDoesNotExist} was written after the fix and not run
 * against the old code; there {@code /mailbox.html} was a plain static file, served whatever
 * {@code USERPOOL_EMAIL} said.)
 */
class LocalOnlyDoorsTest {
    private static final String LIST_USERS = "{\"UserPoolId\":\"local_Userpool1\"}";
    private static final Map<String, String> FORWARDED_AS_LOCAL = Map.of(
            "X-Forwarded-For", "127.0.0.1",
            "Forwarded", "for=127.0.0.1;proto=http",
            "X-Real-IP", "127.0.0.1",
            "X-Forwarded-Host", "localhost",
            "X-Client-IP", "127.0.0.1");

    private static RunningApp app;
    private static HttpFromAddress here;
    private static HttpFromAddress elsewhere;

    @BeforeAll
    static void start() {
        app = RunningApp.start(Map.of("USERPOOL_LOCAL_NETWORKS", "127.0.0.1/32"));
        here = HttpFromAddress.boundTo("127.0.0.1", app.baseUrl());
        elsewhere = HttpFromAddress.boundTo("127.0.0.2", app.baseUrl());
        // something in the outbox to steal
        Reply signUp = here.post("/api/signup", Map.of("Content-Type", "application/json"),
                "{\"email\":\"victim@example.com\",\"password\":\"Correct-Horse-9\"}");
        assertThat(signUp.status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    @Test
    void theMailboxAnswersThisMachine() {
        Reply mailbox = here.get("/api/dev/mailbox?to=victim@example.com", Map.of());
        assertThat(mailbox.status()).isEqualTo(200);
        assertThat(mailbox.body()).contains("victim@example.com");
        assertThat(here.get("/mailbox.html", Map.of()).status()).isEqualTo(200);
        assertThat(here.get("/metrics", Map.of()).status()).isEqualTo(200);
        assertThat(adminCall(here, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void theMailboxRefusesAnotherMachine() {
        Reply mailbox = elsewhere.get("/api/dev/mailbox?to=victim@example.com", Map.of());
        assertThat(mailbox.status()).isEqualTo(403);
        assertThat(mailbox.body()).doesNotContain("victim@example.com").contains("USERPOOL_LOCAL_NETWORKS");
        assertThat(elsewhere.get("/mailbox.html", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void metricsRefuseAnotherMachine() {
        Reply metrics = elsewhere.get("/metrics", Map.of());
        assertThat(metrics.status()).isEqualTo(403);
        assertThat(metrics.body()).doesNotContain("userpool_");
    }

    @Test
    void poolAdminOperationsRefuseAnotherMachine() {
        Reply list = adminCall(elsewhere, Map.of());
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.body()).contains("AccessDeniedException").contains("USERPOOL_LOCAL_NETWORKS")
                .doesNotContain("victim@example.com");
        // the pool's user-facing operations stay open to everybody
        Reply signUp = elsewhere.post("/", cognito("SignUp"), "{\"ClientId\":\"userpool-local\",\"Username\":"
                + "\"remote@example.com\",\"Password\":\"Correct-Horse-9\"}");
        assertThat(signUp.status()).isEqualTo(200);
    }

    @Test
    void forwardedForHeadersChangeNothing() {
        assertThat(elsewhere.get("/api/dev/mailbox?to=victim@example.com", FORWARDED_AS_LOCAL).status()).isEqualTo(403);
        assertThat(elsewhere.get("/mailbox.html", FORWARDED_AS_LOCAL).status()).isEqualTo(403);
        assertThat(elsewhere.get("/metrics", FORWARDED_AS_LOCAL).status()).isEqualTo(403);
        assertThat(adminCall(elsewhere, FORWARDED_AS_LOCAL).body()).contains("AccessDeniedException");
        // nor do they turn this machine into a stranger
        Map<String, String> forwardedAsStranger = Map.of("X-Forwarded-For", "203.0.113.7", "Forwarded", "for=203.0.113.7",
                "X-Real-IP", "203.0.113.7");
        assertThat(here.get("/api/dev/mailbox?to=victim@example.com", forwardedAsStranger).status()).isEqualTo(200);
        assertThat(here.get("/metrics", forwardedAsStranger).status()).isEqualTo(200);
    }

    @Test
    void webPagesNeverPass() {
        Map<String, String> fromPage = Map.of("Origin", "http://evil.example");
        assertThat(here.get("/api/dev/mailbox?to=victim@example.com", fromPage).status()).isEqualTo(403);
        assertThat(here.get("/metrics", fromPage).status()).isEqualTo(403);
        assertThat(adminCall(here, fromPage).body()).contains("AccessDeniedException");
        // not even this server's own origin: its pages never send Origin on the GETs they make
        Map<String, String> ownOrigin = Map.of("Origin", app.baseUrl().toString());
        assertThat(here.get("/api/dev/mailbox?to=victim@example.com", ownOrigin).status()).isEqualTo(403);
    }

    @Test
    void aRequestForAnotherHostNameDoesNotPass() {
        // DNS rebinding: a page of rebound.example whose name now resolves to 127.0.0.1 is "same origin"
        // with itself and sends no Origin on a GET; its Host header still names it.
        Map<String, String> rebound = Map.of("Host", "rebound.example:" + app.baseUrl().getPort());
        assertThat(here.get("/api/dev/mailbox?to=victim@example.com", rebound).status()).isEqualTo(403);
        assertThat(here.get("/metrics", rebound).status()).isEqualTo(403);
        assertThat(adminCall(here, rebound).body()).contains("AccessDeniedException");
        // the names this machine goes by pass
        for (String host : new String[] {"localhost", "127.0.0.1", "[::1]"}) {
            Map<String, String> named = Map.of("Host", host + ":" + app.baseUrl().getPort());
            assertThat(here.get("/metrics", named).status()).as(host).isEqualTo(200);
        }
    }

    @Test
    void aNetworkListThatIsNotUnderstoodStopsStartUp() {
        for (String bad : new String[] {"127.0.0.1/33", "127.0.0/8", "localhost", "::1/129", "10.0.0.0/8,", "300.1.1.1"}) {
            assertThatThrownBy(() -> RunningApp.start(Map.of("USERPOOL_LOCAL_NETWORKS", bad)).close()).as(bad)
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageContaining("USERPOOL_LOCAL_NETWORKS");
        }
    }

    @Test
    void withPoolAdminAnyTheAdminOperationsStillRefuseWebPages() {
        try (RunningApp open = RunningApp.start(Map.of("USERPOOL_LOCAL_NETWORKS", "127.0.0.1/32", "USERPOOL_POOL_ADMIN", "any"))) {
            HttpFromAddress stranger = HttpFromAddress.boundTo("127.0.0.2", open.baseUrl());
            assertThat(adminCall(stranger, Map.of()).status()).as("any: from anywhere").isEqualTo(200);
            assertThat(adminCall(stranger, Map.of("Origin", "http://evil.example")).body()).contains("AccessDeniedException");
            // the mailbox and metrics still follow USERPOOL_LOCAL_NETWORKS
            assertThat(stranger.get("/metrics", Map.of()).status()).isEqualTo(403);
        }
    }

    @Test
    void withoutTheEmbeddedOutboxTheMailboxDoesNotExist() {
        // SES at a local port where nothing listens: nothing is sent here, the setting only removes the outbox
        try (RunningApp ses = RunningApp.start(Map.of("USERPOOL_EMAIL", "ses", "USERPOOL_SES_FROM", "no-reply@example.com",
                "USERPOOL_SES_ENDPOINT", "http://127.0.0.1:9", "AWS_REGION", "us-east-1"))) {
            HttpFromAddress local = HttpFromAddress.boundTo("127.0.0.1", ses.baseUrl());
            assertThat(local.get("/mailbox.html", Map.of()).status()).isEqualTo(404);
            assertThat(local.get("/api/dev/mailbox?to=victim@example.com", Map.of()).status()).isEqualTo(404);
            assertThat(local.get("/metrics", Map.of()).status()).as("the other doors stay").isEqualTo(200);
        }
    }

    private static Reply adminCall(HttpFromAddress from, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(cognito("ListUsers"));
        headers.putAll(extra);
        return from.post("/", headers, LIST_USERS);
    }

    private static Map<String, String> cognito(String operation) {
        return Map.of("Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", "AWSCognitoIdentityProviderService." + operation);
    }
}
