package dev.userpool.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin API's groups over REST: an administrator manages groups and members; everyone else is
 * refused (401 without a token, 403 for a non-administrator); bad input is {@code application/problem+json}
 * with the core's code, and nothing is half-written.
 */
class AdminGroupRoutesTest {
    private static final String ADMIN = "boss@example.com";

    private RunningApp app;
    private ApiClient api;
    private String admin;

    @BeforeEach
    void start() {
        app = RunningApp.start(Map.of("USERPOOL_ADMIN_EMAILS", ADMIN));
        api = new ApiClient(app.baseUrl());
        api.register(ADMIN);
        admin = api.accessToken(ADMIN);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private Response create(String name, Integer precedence) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("description", "about " + name);
        if (precedence != null) body.put("precedence", precedence);
        return api.send("POST", "/api/admin/groups", body, admin);
    }

    private static void problem(Response r, int status, String code) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo(code);
    }

    @Test
    void anAdministratorManagesGroupsAndMembers() {
        String member = "m-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        api.register(member);

        Response created = create("riders", 2);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("name").asText()).isEqualTo("riders");
        assertThat(created.json().path("precedence").asInt()).isEqualTo(2);
        assertThat(api.get("/api/admin/groups/riders", admin).json().path("description").asText()).isEqualTo("about riders");

        Response changed = api.send("PATCH", "/api/admin/groups/riders", Map.of("precedence", 0), admin);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("precedence").asInt()).isZero();
        assertThat(changed.json().path("description").asText()).isEqualTo("about riders");

        assertThat(api.send("PUT", "/api/admin/groups/riders/members/" + member, null, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/admin/groups/riders/members", admin).json().path("users").get(0).path("email").asText())
                .isEqualTo(member);
        assertThat(api.get("/api/admin/users/" + member + "/groups", admin).json().path("groups").get(0).path("name").asText())
                .isEqualTo("riders");
        assertThat(api.get("/api/admin/groups", admin).json().path("groups")).hasSize(1);

        assertThat(api.delete("/api/admin/groups/riders/members/" + member, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/admin/groups/riders/members", admin).json().path("users")).isEmpty();
        assertThat(api.delete("/api/admin/groups/riders", admin).status()).isEqualTo(204);
        problem(api.get("/api/admin/groups/riders", admin), 404, "ResourceNotFound");
    }

    @Test
    void badInputIsAProblemAndNothingIsWritten() {
        create("riders", null);
        problem(create("riders", 1), 409, "GroupExists");
        problem(create("two words", null), 400, "InvalidParameter");
        problem(create("g".repeat(129), null), 400, "InvalidParameter");
        problem(create("negative", -1), 400, "InvalidParameter");
        problem(api.send("POST", "/api/admin/groups", Map.of("name", "fraction", "precedence", 1.5), admin), 400, "InvalidParameter");
        problem(api.send("POST", "/api/admin/groups", Map.of("name", "wordy", "description", "d".repeat(2049)), admin), 400, "InvalidParameter");
        problem(api.send("POST", "/api/admin/groups", Map.of("description", "no name"), admin), 400, "InvalidParameter");
        problem(api.send("PATCH", "/api/admin/groups/nope", Map.of("precedence", 1), admin), 404, "ResourceNotFound");
        problem(api.send("PUT", "/api/admin/groups/nope/members/" + ADMIN, null, admin), 404, "ResourceNotFound");
        problem(api.send("PUT", "/api/admin/groups/riders/members/ghost@example.com", null, admin), 404, "UserNotFound");
        problem(api.get("/api/admin/users/ghost@example.com/groups", admin), 404, "UserNotFound");

        assertThat(api.get("/api/admin/groups", admin).json().path("groups")).hasSize(1);
        assertThat(api.get("/api/admin/groups/riders", admin).json().path("precedence").isNull()).isTrue();
    }

    @Test
    void onlyAdministratorsReachTheGroupRoutes() {
        String someone = "s-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        api.register(someone);
        String token = api.accessToken(someone);

        problem(api.send("POST", "/api/admin/groups", Map.of("name", "riders"), null), 401, "NotAuthorized");
        problem(api.send("POST", "/api/admin/groups", Map.of("name", "riders"), token), 403, "NotAuthorized");
        problem(api.send("PUT", "/api/admin/groups/admins/members/" + someone, null, token), 403, "NotAuthorized");
        problem(api.get("/api/admin/groups", token), 403, "NotAuthorized");
        assertThat(api.get("/api/admin/groups", admin).json().path("groups")).isEmpty();
    }
}
