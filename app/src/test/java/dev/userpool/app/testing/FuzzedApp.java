package dev.userpool.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.testing.ApiClient.Response;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The real app (embedded adapters, production wiring) for the HTTP fuzz tests: started once per JVM on a
 * free loopback port, with accounts whose tokens an input names by placeholder, so the fuzzer gets past
 * the bearer check without learning a password: {@code $ACCESS}, {@code $ID}, {@code $REFRESH} (a
 * signed-in user), {@code $ADMIN} (an admin's access token), {@code $EMAIL} (that user's address).
 * An input that may have spent those tokens (sign-out, delete, password change, admin actions) makes the
 * next input use fresh accounts.
 */
public final class FuzzedApp {
    private static final int ADMINS = 200;
    private static FuzzedApp instance;

    private final RunningApp app;
    private final ApiClient api;
    private final AtomicInteger generation = new AtomicInteger();
    private Map<String, String> tokens;

    private FuzzedApp() {
        String admins = IntStream.range(0, ADMINS).mapToObj(FuzzedApp::admin).collect(Collectors.joining(","));
        app = RunningApp.start(Map.of("USERPOOL_ADMIN_EMAILS", admins, "USERPOOL_HASH_CONCURRENCY", "2"));
        api = new ApiClient(app.baseUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
    }

    public static synchronized FuzzedApp get() {
        if (instance == null) {
            instance = new FuzzedApp();
        }
        return instance;
    }

    public ApiClient api() {
        return api;
    }

    public RunningApp app() {
        return app;
    }

    /** {@code text} with its placeholders replaced by live tokens (made on first use). */
    public synchronized String withTokens(String text) {
        if (!text.contains("$")) return text;
        if (tokens == null) tokens = freshAccounts();
        String result = text;
        for (Map.Entry<String, String> t : tokens.entrySet()) result = result.replace(t.getKey(), t.getValue());
        return result;
    }

    /** The next input signs in anew: this one may have signed out, deleted or changed an account. */
    public synchronized void forgetTokens() {
        tokens = null;
    }

    private Map<String, String> freshAccounts() {
        int n = generation.incrementAndGet();
        String user = "fuzz-" + n + "@example.com";
        api.register(user);
        JsonNode signIn = api.signIn(user, ApiClient.PASSWORD);
        String admin = admin(n % ADMINS);
        String adminToken = "none";
        try {
            if (api.signUp(admin).status() == 201) {
                api.post("/api/confirm", Map.of("email", admin, "code", api.latestCode(admin)));
            }
            adminToken = api.accessToken(admin);
        } catch (AssertionError e) {
            // this admin was disabled, deleted or locked by an earlier input: admin inputs fail until the next one
        }
        return Map.of("$ACCESS", signIn.path("accessToken").asText(), "$ID", signIn.path("idToken").asText(),
                "$REFRESH", signIn.path("refreshToken").asText(), "$ADMIN", adminToken, "$EMAIL", user);
    }

    private static String admin(int i) {
        return "fuzz-admin-" + i + "@example.com";
    }

    /** No answer of ours is a failure on our side, and every answer is in its API's format. */
    public static void assertAnsweredWell(Response r, String expectedContentType, String request) {
        assertThat(r.status()).as("status of %s → %s", request, r.text()).isLessThan(500);
        if (r.status() >= 400) {
            assertThat(r.contentType()).as("content type of %s → %s", request, r.text()).startsWith(expectedContentType);
            assertThat(r.json()).as("error body of %s", request).isNotNull();
        }
    }
}
