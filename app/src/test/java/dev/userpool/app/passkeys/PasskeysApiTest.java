package dev.userpool.app.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.testing.MutableClock;
import dev.userpool.core.testing.SoftPasskeyAuthenticator;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Passkeys on the JSON API (issue 14), answered by a software authenticator that can lie: a user adds one
 * and signs in with it; every attack a browser would not make — a replayed assertion, another user's
 * passkey, a cloned authenticator's count, an expired challenge, another origin — is refused as a problem.
 */
class PasskeysApiTest {
    static final String ADMIN = "admin-passkeys@example.com";
    private final ObjectMapper json = new ObjectMapper();
    private MutableClock clock;
    private RunningApp app;
    private ApiClient api;
    private SoftPasskeyAuthenticator device;
    private String origin;

    @BeforeEach
    void start() {
        clock = MutableClock.at(Instant.now());
        app = RunningApp.start(Map.of("USERPOOL_BASE_URL", "http://localhost:{port}", "USERPOOL_ADMIN_EMAILS", ADMIN), clock);
        api = new ApiClient(app.baseUrl());
        origin = "http://localhost:" + app.baseUrl().getPort();
        device = new SoftPasskeyAuthenticator(origin);
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private String newUser() {
        String email = "pk-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        api.register(email);
        return email;
    }

    private JsonNode parse(String text) throws Exception {
        return json.readTree(text);
    }

    private ApiClient.Response addPasskey(String token) throws Exception {
        ApiClient.Response options = api.post("/api/passkeys/options", Map.of(), token);
        assertThat(options.status()).as(options.text()).isEqualTo(200);
        return api.post("/api/passkeys", Map.of("credential", parse(device.register(options.text()))), token);
    }

    private record Challenge(String options, String session) {}

    private Challenge challenge(String email) {
        ApiClient.Response r = api.post("/api/signin/passkey/options", Map.of("email", email));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return new Challenge(r.json().path("options").toString(), r.json().path("session").asText());
    }

    private ApiClient.Response answer(String email, Challenge c, String assertion) throws Exception {
        return api.post("/api/signin/passkey", Map.of("email", email, "session", c.session(), "credential", parse(assertion)));
    }

    @Test
    void aUserAddsAPasskeyListsItSignsInWithItAndDeletesIt() throws Exception {
        assertThat(api.get("/api/passkeys/config").json().path("enabled").asBoolean()).isTrue();
        assertThat(api.get("/api/passkeys/config").json().path("relyingPartyId").asText()).isEqualTo("localhost");
        String email = newUser();
        String token = api.accessToken(email);
        ApiClient.Response added = addPasskey(token);
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        String id = added.json().path("credentialId").asText();
        assertThat(api.get("/api/passkeys", token).json().path("passkeys").get(0).path("credentialId").asText()).isEqualTo(id);

        Challenge c = challenge(email);
        ApiClient.Response signedIn = answer(email, c, device.assertion(c.options()));
        assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
        String passkeyToken = signedIn.json().path("accessToken").asText();
        assertThat(api.get("/api/me", passkeyToken).json().path("email").asText()).isEqualTo(email);
        assertThat(api.get("/api/passkeys", token).json().path("passkeys").get(0).path("lastUsedAt").isNull()).isFalse();

        assertThat(api.delete("/api/passkeys/" + id, passkeyToken).status()).isEqualTo(204);
        assertThat(api.get("/api/passkeys", token).json().path("passkeys")).isEmpty();
    }

    @Test
    void aReplayedAssertionIsRefused() throws Exception {
        String email = newUser();
        addPasskey(api.accessToken(email));
        Challenge c = challenge(email);
        String assertion = device.assertion(c.options());
        assertThat(answer(email, c, assertion).status()).isEqualTo(200);
        ApiClient.Response again = answer(email, c, assertion);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(answer(email, challenge(email), assertion).status()).as("the old assertion on a fresh session").isEqualTo(401);
    }

    @Test
    void anAssertionByAnotherUsersPasskeyIsRefused() throws Exception {
        String ada = newUser();
        String bob = newUser();
        addPasskey(api.accessToken(ada));
        addPasskey(api.accessToken(bob));
        SoftPasskeyAuthenticator.Credential adasKey = device.credentials().get(0);
        Challenge bobs = challenge(bob);
        ApiClient.Response r = answer(bob, bobs, device.assertion(bobs.options(), adasKey));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("NotAuthorized");
    }

    @Test
    void aSignCountThatWentBackIsRefused() throws Exception {
        String email = newUser();
        addPasskey(api.accessToken(email));
        Challenge first = challenge(email);
        assertThat(answer(email, first, device.assertion(first.options())).status()).isEqualTo(200);
        device.credentials().get(0).signCount(0);   // a clone that counts from an older state
        Challenge second = challenge(email);
        assertThat(answer(email, second, device.assertion(second.options())).status()).isEqualTo(401);
    }

    @Test
    void anExpiredChallengeIsRefused() throws Exception {
        String email = newUser();
        addPasskey(api.accessToken(email));
        Challenge c = challenge(email);
        String assertion = device.assertion(c.options());
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(answer(email, c, assertion).status()).isEqualTo(401);
    }

    @Test
    void anAssertionFromAnotherOriginIsRefusedByName() throws Exception {
        String email = newUser();
        addPasskey(api.accessToken(email));
        Challenge c = challenge(email);
        ApiClient.Response r = answer(email, c, device.claimingOrigin("http://127.0.0.1:" + app.baseUrl().getPort()).assertion(c.options()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("WebAuthnOriginNotAllowed");
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anAdministratorSeesAndRemovesAUsersPasskeys() throws Exception {
        api.register(ADMIN);
        String adminToken = api.accessToken(ADMIN);
        String email = newUser();
        String id = addPasskey(api.accessToken(email)).json().path("credentialId").asText();
        assertThat(api.get("/api/admin/users/" + email + "/passkeys", api.accessToken(email)).status()).isEqualTo(403);
        JsonNode listed = api.get("/api/admin/users/" + email + "/passkeys", adminToken).json();
        assertThat(listed.path("passkeys").get(0).path("credentialId").asText()).isEqualTo(id);
        assertThat(api.delete("/api/admin/users/" + email + "/passkeys/" + id, adminToken).status()).isEqualTo(204);
        assertThat(api.get("/api/admin/users/" + email + "/passkeys", adminToken).json().path("passkeys")).isEmpty();
        JsonNode events = api.get("/api/admin/audit?email=" + email, adminToken).json().path("events");
        assertThat(events.toString()).contains("PASSKEY_DELETED").contains("PASSKEY_REGISTERED");
    }

    @Test
    void passkeysAreOffOnABaseUrlThatIsNoSecureContext() {
        try (RunningApp plain = RunningApp.start(Map.of())) {
            ApiClient other = new ApiClient(plain.baseUrl());
            assertThat(other.get("/api/passkeys/config").json().path("enabled").asBoolean()).isFalse();
            String email = "plain-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            other.register(email);
            ApiClient.Response r = other.post("/api/passkeys/options", Map.of(), other.accessToken(email));
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("WebAuthnConfigurationMissing");
            assertThat(r.json().path("detail").asText()).contains("secure context");
            assertThat(other.post("/api/signin/passkey/options", Map.of("email", email)).code()).isEqualTo("WebAuthnConfigurationMissing");
        }
    }
}
