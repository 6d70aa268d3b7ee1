package dev.userpool.app.http;

import static dev.userpool.app.testing.ApiClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.testing.MutableClock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signed-in user's attributes over REST: sign-up with attributes, {@code GET /api/me} and
 * {@code /api/me/attributes}, {@code PATCH /api/me/attributes}; refusals as problem+json, nothing written.
 * The app client here may not write {@code website}.
 */
class AttributeRoutesTest {
    private static final String ADMIN = "attr-admin@example.com";
    static RunningApp app;
    static ApiClient api;

    @BeforeAll
    static void start() {
        app = RunningApp.start(Map.of("USERPOOL_ADMIN_EMAILS", ADMIN,
                "USERPOOL_CLIENT_WRITE_ATTRIBUTES", "email,name,given_name,nickname,birthdate,phone_number"),
                MutableClock.at(java.time.Instant.now()));
        api = new ApiClient(app.baseUrl());
        api.register(ADMIN);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String registered(Map<String, String> attributes) {
        String email = "rest-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Response signUp = api.post("/api/signup", Map.of("email", email, "password", PASSWORD, "attributes", attributes));
        assertThat(signUp.status()).as(signUp.text()).isEqualTo(201);
        assertThat(api.post("/api/confirm", Map.of("email", email, "code", api.latestCode(email))).status()).isEqualTo(200);
        return email;
    }

    @Test
    void signUpAttributesShowInMeAndAPatchChangesAndRemovesThem() {
        String email = registered(Map.of("name", "Ada Lovelace", "nickname", "Countess"));
        String token = api.accessToken(email);
        assertThat(api.get("/api/me", token).json().path("attributes").path("name").asText()).isEqualTo("Ada Lovelace");

        Map<String, Object> patch = new HashMap<>();
        patch.put("name", "Ada King");
        patch.put("nickname", null);
        patch.put("birthdate", "1815-12-10");
        Response edited = api.send("PATCH", "/api/me/attributes", patch, token);
        assertThat(edited.status()).as(edited.text()).isEqualTo(200);
        assertThat(edited.json().path("attributes").path("name").asText()).isEqualTo("Ada King");
        assertThat(edited.json().path("attributes").has("nickname")).isFalse();

        Response view = api.get("/api/me/attributes", token);
        assertThat(view.json().path("attributes").path("birthdate").asText()).isEqualTo("1815-12-10");
        assertThat(view.json().path("writable").findValuesAsText("name")).contains("name", "nickname").doesNotContain("website", "email", "sub");
        // the operator sees them too
        String admin = api.accessToken(ADMIN);
        assertThat(api.get("/api/admin/users/" + email, admin).json().path("attributes").path("name").asText()).isEqualTo("Ada King");
    }

    @Test
    void badValuesAreProblemsAndChangeNothing() {
        String email = registered(Map.of("name", "Ada"));
        String token = api.accessToken(email);

        Response phone = api.send("PATCH", "/api/me/attributes", Map.of("name", "Eve", "phone_number", "0123"), token);
        assertThat(phone.status()).isEqualTo(400);
        assertThat(phone.contentType()).startsWith("application/problem+json");
        assertThat(phone.json().path("detail").asText()).isEqualTo("Invalid phone number format.");

        Response badDate = api.send("PATCH", "/api/me/attributes", Map.of("birthdate", "10/12/1815"), token);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().path("detail").asText()).contains("birthdate: The attribute must be a date in the format YYYY-MM-DD");

        // with a client that writes only what it lists, an attribute not in the schema is not its to write either
        Response unknown = api.send("PATCH", "/api/me/attributes", Map.of("shoe_size", "9"), token);
        assertThat(unknown.status()).isEqualTo(403);

        Response notAString = api.send("PATCH", "/api/me/attributes", Map.of("name", 42), token);
        assertThat(notAString.status()).isEqualTo(400);

        Response notAllowed = api.send("PATCH", "/api/me/attributes", Map.of("website", "https://example.com"), token);
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(notAllowed.json().path("detail").asText()).isEqualTo("A client attempted to write unauthorized attribute");

        Response noToken = api.send("PATCH", "/api/me/attributes", Map.of("name", "Eve"), null);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(api.get("/api/me", token).json().path("attributes").path("name").asText()).isEqualTo("Ada");
    }

    @Test
    void signUpWithABadAttributeCreatesNoAccount() {
        String email = "rest-bad-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Response refused = api.post("/api/signup", Map.of("email", email, "password", PASSWORD, "attributes", Map.of("birthdate", "tomorrow")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("birthdate");
        assertThat(api.post("/api/signup", Map.of("email", email, "password", PASSWORD)).status()).isEqualTo(201);
    }
}
