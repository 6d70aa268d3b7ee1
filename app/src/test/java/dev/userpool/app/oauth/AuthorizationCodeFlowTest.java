package dev.userpool.app.oauth;

import static dev.userpool.app.oauth.OAuthFixture.CALLBACK;
import static dev.userpool.app.oauth.OAuthFixture.authorize;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.testing.RunningApp;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The authorization code flow with PKCE on the managed login, by HTTP: the tokens it ends in, the
 * session that spares a second sign-in, and every refusal of a bad authorization request — an error
 * page (never a redirect) while the client or its redirect URI is in doubt, the client's redirect URI
 * with RFC 6749's error after.
 */
class AuthorizationCodeFlowTest {
    private static RunningApp app;
    private static OAuthFixture fixture;

    @BeforeAll
    static void start() {
        app = RunningApp.start(Map.of());
        fixture = new OAuthFixture(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    @Test
    void aUserSignsInOnTheManagedLoginAndTheClientExchangesTheCode() {
        String email = fixture.user();
        OAuthBrowser browser = new OAuthBrowser(app.baseUrl());
        Map<String, String> request = authorize(fixture.publicClient);

        HttpResponse<String> back = browser.signIn(OAuthBrowser.query(request), email, dev.userpool.app.testing.ApiClient.PASSWORD);
        assertThat(back.statusCode()).isEqualTo(302);
        String location = OAuthBrowser.location(back);
        assertThat(location).startsWith(CALLBACK + "?code=");
        Map<String, String> answer = OAuthBrowser.parameters(location, false);
        assertThat(answer.get("state")).isEqualTo(request.get("state"));
        assertThat(back.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("userpool_session=").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure"));

        HttpResponse<String> tokens = fixture.exchange(browser, fixture.publicClient, answer.get("code"));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = OAuthBrowser.json(tokens);
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("refresh_token").asText()).isNotBlank();
        JsonNode id = OAuthBrowser.claims(body.path("id_token").asText());
        assertThat(id.path("aud").asText()).isEqualTo(fixture.publicClient.clientId());
        assertThat(id.path("nonce").asText()).isEqualTo(request.get("nonce"));
        assertThat(id.path("email").asText()).isEqualTo(email);
        assertThat(id.path("at_hash").asText()).isEqualTo(atHash(body.path("access_token").asText()));
        JsonNode access = OAuthBrowser.claims(body.path("access_token").asText());
        assertThat(access.path("client_id").asText()).isEqualTo(fixture.publicClient.clientId());
        assertThat(access.path("scope").asText()).isEqualTo("openid email");
        assertThat(access.path("token_use").asText()).isEqualTo("access");

        // the session cookie spares the form: a second authorization request goes straight back with a code
        HttpResponse<String> again = browser.get("/oauth2/authorize?" + OAuthBrowser.query(authorize(fixture.publicClient)));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(OAuthBrowser.location(again)).startsWith(CALLBACK + "?code=");
    }

    static String atHash(String accessToken) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSignInWithoutTheFormsCsrfTokenIsRefusedAndOpensNoSession() {
        String email = fixture.user();
        OAuthBrowser browser = new OAuthBrowser(app.baseUrl());
        String query = OAuthBrowser.query(authorize(fixture.publicClient));
        browser.get("/login?" + query);   // the form key cookie is set; the token is not sent
        HttpResponse<String> posted = browser.post("/login?" + query,
                Map.of("username", email, "password", dev.userpool.app.testing.ApiClient.PASSWORD), Map.of());
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.headers().firstValue("Location")).isEmpty();
        assertThat(posted.body()).contains("The form expired or was not sent from this site.");
        assertThat(browser.cookie("userpool_session")).isEmpty();

        HttpResponse<String> forged = browser.post("/login?" + query,
                Map.of("_csrf", "forged", "username", email, "password", dev.userpool.app.testing.ApiClient.PASSWORD), Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.cookie("userpool_session")).isEmpty();
    }

    @Test
    void aWrongPasswordShowsOnTheFormAsCognitoSaysIt() {
        String email = fixture.user();
        OAuthBrowser browser = new OAuthBrowser(app.baseUrl());
        HttpResponse<String> refused = browser.signIn(OAuthBrowser.query(authorize(fixture.publicClient)), email, "Wrong-password-1");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Incorrect username or password.");
        HttpResponse<String> unknown = browser.signIn(OAuthBrowser.query(authorize(fixture.publicClient)),
                "nobody-" + OAuthFixture.id() + "@example.com", "Wrong-password-1");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Incorrect username or password.");
    }

    @ParameterizedTest(name = "redirect_uri {0} is refused on an error page")
    @ValueSource(strings = {"https://rp.example.evil.com/callback", "https://rp.example/callback.evil.com",
            "https://rp.example/callback/", "https://rp.example/callback?next=https://evil.example",
            "https://rp.example/callback/../evil", "//evil.example/callback", "https://rp.example@evil.example/callback",
            "https://evil.example@rp.example/callback", "https://rp.example:8443/callback", "http://rp.example/callback",
            "HTTPS://RP.EXAMPLE/callback", "https://rp.example/Callback", "https://rp.example/callback#x"})
    void aRedirectUriThatIsNotExactlyACallbackUrlIsAnErrorPage(String redirectUri) {
        HttpResponse<String> page = new OAuthBrowser(app.baseUrl()).get("/oauth2/authorize?"
                + OAuthBrowser.query(authorize(fixture.publicClient, "redirect_uri", redirectUri)));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("<span id=\"error-code\">invalid_request</span>")
                .contains("redirect_uri is not one of the client&#39;s callback URLs.");
    }

    @Test
    void anUnknownClientOrAMissingRedirectUriIsAnErrorPage() {
        HttpResponse<String> unknown = new OAuthBrowser(app.baseUrl()).get("/oauth2/authorize?"
                + OAuthBrowser.query(authorize(fixture.publicClient, "client_id", "no-such-client")));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Location")).isEmpty();
        assertThat(unknown.body()).contains("invalid_client").contains("The client is unknown.");

        HttpResponse<String> missing = new OAuthBrowser(app.baseUrl()).get("/oauth2/authorize?"
                + OAuthBrowser.query(authorize(fixture.publicClient, "redirect_uri", null)));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Location")).isEmpty();
        assertThat(missing.body()).contains("redirect_uri is required.");
    }

    @Test
    void aResponseTypeTheClientIsNotAllowedGoesBackAsUnauthorizedClient() {
        Map<String, String> request = authorize(fixture.publicClient, "response_type", "token");
        Map<String, String> error = errorRedirect(request, true);
        assertThat(error).containsEntry("error", "unauthorized_client")
                .containsEntry("error_description", "The client is not allowed the implicit flow.")
                .containsEntry("state", request.get("state"));

        Map<String, String> unsupported = errorRedirect(authorize(fixture.publicClient, "response_type", "id_token"), false);
        assertThat(unsupported).containsEntry("error", "unsupported_response_type");
    }

    @Test
    void aScopeTheClientIsNotAllowedGoesBackAsInvalidScope() {
        Map<String, String> error = errorRedirect(authorize(fixture.publicClient, "scope", "openid orders/read"), false);
        assertThat(error).containsEntry("error", "invalid_scope")
                .containsEntry("error_description", "The scope orders/read is not allowed for this client.");
    }

    @Test
    void plainPkceIsRefused() {
        Map<String, String> plain = errorRedirect(authorize(fixture.publicClient, "code_challenge", OAuthFixture.VERIFIER,
                "code_challenge_method", "plain"), false);
        assertThat(plain).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "code_challenge_method must be S256.");
        Map<String, String> noMethod = errorRedirect(authorize(fixture.publicClient, "code_challenge_method", null), false);
        assertThat(noMethod).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "code_challenge_method must be S256.");
    }

    private static Map<String, String> errorRedirect(Map<String, String> request, boolean fragment) {
        HttpResponse<String> back = new OAuthBrowser(app.baseUrl()).get("/oauth2/authorize?" + OAuthBrowser.query(request));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        String location = OAuthBrowser.location(back);
        assertThat(location).startsWith(CALLBACK + (fragment ? "#" : "?"));
        return OAuthBrowser.parameters(location, fragment);
    }

    @Test
    void theDiscoveryDocumentListsTheEndpoints() {
        JsonNode doc = OAuthBrowser.json(new OAuthBrowser(app.baseUrl()).get(
                app.component().getClass() == null ? "" : "/.well-known/openid-configuration"));
        String base = app.baseUrl().toString();
        assertThat(doc.path("authorization_endpoint").asText()).isEqualTo(base + "/oauth2/authorize");
        assertThat(doc.path("token_endpoint").asText()).isEqualTo(base + "/oauth2/token");
        assertThat(doc.path("userinfo_endpoint").asText()).isEqualTo(base + "/oauth2/userInfo");
        assertThat(doc.path("revocation_endpoint").asText()).isEqualTo(base + "/oauth2/revoke");
        assertThat(doc.path("end_session_endpoint").asText()).isEqualTo(base + "/logout");
        assertThat(doc.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(doc.path("jwks_uri").asText()).isEqualTo(doc.path("issuer").asText() + "/.well-known/jwks.json");
    }
}
