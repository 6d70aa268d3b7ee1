package dev.userpool.app.oauth;

import static dev.userpool.app.oauth.OAuthFixture.SECRET;
import static dev.userpool.app.oauth.OAuthFixture.authorize;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /oauth2/token}, {@code /oauth2/userInfo} and {@code /oauth2/revoke}: each grant, and each
 * refusal with RFC 6749 §5.2's exact error. The clock is the test's, so a code can expire.
 */
class TokenEndpointTest {
    private static final MutableClock CLOCK = MutableClock.at(java.time.Instant.now());
    private static RunningApp app;
    private static OAuthFixture fixture;

    @BeforeAll
    static void start() {
        app = RunningApp.start(Map.of(), CLOCK);
        fixture = new OAuthFixture(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    private static void assertError(HttpResponse<String> response, int status, String error, String description) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = OAuthBrowser.json(response);
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(body.path("error_description").asText()).isEqualTo(description);
    }

    private String code(dev.userpool.core.domain.AppClient client) {
        return fixture.code(new OAuthBrowser(app.baseUrl()), authorize(client), fixture.user());
    }

    @Test
    void aCodeIsExchangedOnce() {
        OAuthBrowser rp = new OAuthBrowser(app.baseUrl());
        String code = code(fixture.publicClient);
        assertThat(fixture.exchange(rp, fixture.publicClient, code).statusCode()).isEqualTo(200);
        assertError(fixture.exchange(rp, fixture.publicClient, code), 400, "invalid_grant",
                "The authorization code is invalid or was already used.");
    }

    @Test
    void aWrongOrMissingVerifierIsRefusedAndSpendsTheCode() {
        OAuthBrowser rp = new OAuthBrowser(app.baseUrl());
        String code = code(fixture.publicClient);
        assertError(fixture.exchange(rp, fixture.publicClient, code, "code_verifier", "another-verifier-" + "y".repeat(40)),
                400, "invalid_grant", "code_verifier does not match the code_challenge.");
        assertError(fixture.exchange(rp, fixture.publicClient, code), 400, "invalid_grant",
                "The authorization code is invalid or was already used.");
        assertError(fixture.exchange(rp, fixture.publicClient, code(fixture.publicClient), "code_verifier", null),
                400, "invalid_grant", "code_verifier is required.");
    }

    @Test
    void aCodeIsBoundToItsClientAndRedirectUri() {
        OAuthBrowser rp = new OAuthBrowser(app.baseUrl());
        assertError(fixture.exchange(rp, fixture.confidentialClient, code(fixture.publicClient)), 400, "invalid_grant",
                "The authorization code was issued to another client.");
        assertError(fixture.exchange(rp, fixture.publicClient, code(fixture.publicClient), "redirect_uri", "https://rp.example/other"),
                400, "invalid_grant", "redirect_uri does not match the authorization request.");
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        OAuthBrowser rp = new OAuthBrowser(app.baseUrl());
        String fresh = code(fixture.publicClient);
        CLOCK.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(fixture.exchange(rp, fixture.publicClient, fresh).statusCode()).isEqualTo(200);
        String code = code(fixture.publicClient);
        CLOCK.advance(Duration.ofMinutes(5));
        assertError(fixture.exchange(rp, fixture.publicClient, code), 400, "invalid_grant", "The authorization code has expired.");
    }

    @Test
    void aConfidentialClientMustProveItsSecret() {
        OAuthBrowser rp = new OAuthBrowser(app.baseUrl());
        String id = fixture.confidentialClient.clientId();
        HttpResponse<String> wrong = rp.post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", "x",
                "redirect_uri", OAuthFixture.CALLBACK), Map.of("Authorization", OAuthBrowser.basic(id, SECRET + "x")));
        assertError(wrong, 401, "invalid_client", "Client authentication failed.");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
        assertError(rp.post("/oauth2/token", Map.of("grant_type", "authorization_code", "client_id", id, "code", "x"), Map.of()),
                401, "invalid_client", "Client authentication failed.");
        assertError(rp.post("/oauth2/token", Map.of("grant_type", "authorization_code", "client_id", id, "client_secret", "nope",
                "code", "x"), Map.of()), 401, "invalid_client", "Client authentication failed.");
        // the code a wrong secret was sent with is not spent
        String code = code(fixture.confidentialClient);
        assertError(fixture.exchange(rp, fixture.confidentialClient, code, "client_secret", "wrong", "client_id",
                fixture.confidentialClient.clientId()), 401, "invalid_client", "Client authentication failed.");
        HttpResponse<String> right = fixture.exchange(rp, fixture.confidentialClient, code, "client_secret", SECRET);
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
    }

    @Test
    void grantTypesAndFormsTheEndpointDoesNotTake() {
        OAuthBrowser rp = new OAuthBrowser(app.baseUrl());
        assertError(rp.post("/oauth2/token", Map.of("grant_type", "password", "client_id", fixture.publicClient.clientId()), Map.of()),
                400, "unsupported_grant_type", "grant_type must be authorization_code, refresh_token or client_credentials.");
        assertError(rp.post("/oauth2/token", Map.of("client_id", fixture.publicClient.clientId()), Map.of()),
                400, "invalid_request", "grant_type is required.");
        assertError(rp.send(java.net.http.HttpRequest.newBuilder(app.url("/oauth2/token")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build()),
                400, "invalid_request", "The body must be application/x-www-form-urlencoded.");
    }

    @Test
    void refreshUserInfoAndRevoke() {
        OAuthBrowser rp = new OAuthBrowser(app.baseUrl());
        String email = fixture.user();
        String code = fixture.code(new OAuthBrowser(app.baseUrl()), authorize(fixture.publicClient), email);
        JsonNode tokens = OAuthBrowser.json(fixture.exchange(rp, fixture.publicClient, code));
        String refresh = tokens.path("refresh_token").asText();

        HttpResponse<String> info = rp.send(java.net.http.HttpRequest.newBuilder(app.url("/oauth2/userInfo"))
                .header("Authorization", "Bearer " + tokens.path("access_token").asText()).GET().build());
        assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
        JsonNode claims = OAuthBrowser.json(info);
        assertThat(claims.path("email").asText()).isEqualTo(email);
        assertThat(claims.path("email_verified").asText()).isEqualTo("true");
        assertThat(claims.path("sub").asText()).isEqualTo(OAuthBrowser.claims(tokens.path("id_token").asText()).path("sub").asText());

        HttpResponse<String> refreshed = rp.post("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id",
                fixture.publicClient.clientId(), "refresh_token", refresh), Map.of());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode renewed = OAuthBrowser.json(refreshed);
        assertThat(renewed.has("refresh_token")).isFalse();
        assertThat(OAuthBrowser.claims(renewed.path("access_token").asText()).path("scope").asText()).isEqualTo("openid email");

        // another client may neither refresh nor revoke it
        assertError(rp.post("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", refresh),
                Map.of("Authorization", OAuthBrowser.basic(fixture.confidentialClient.clientId(), SECRET))),
                400, "invalid_grant", "Invalid Refresh Token");
        assertError(rp.post("/oauth2/revoke", Map.of("token", refresh),
                Map.of("Authorization", OAuthBrowser.basic(fixture.confidentialClient.clientId(), SECRET))),
                400, "unauthorized_client", "The token was issued to another client.");

        HttpResponse<String> revoked = rp.post("/oauth2/revoke", Map.of("client_id", fixture.publicClient.clientId(), "token", refresh), Map.of());
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertError(rp.post("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id", fixture.publicClient.clientId(),
                "refresh_token", refresh), Map.of()), 400, "invalid_grant", "Invalid Refresh Token");
        HttpResponse<String> after = rp.send(java.net.http.HttpRequest.newBuilder(app.url("/oauth2/userInfo"))
                .header("Authorization", "Bearer " + renewed.path("access_token").asText()).GET().build());
        assertError(after, 401, "invalid_token", "Access token is invalid.");
        // RFC 7009: revoking what is no longer there is no error
        assertThat(rp.post("/oauth2/revoke", Map.of("client_id", fixture.publicClient.clientId(), "token", refresh), Map.of())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void userInfoNeedsTheOpenidScope() {
        OAuthBrowser rp = new OAuthBrowser(app.baseUrl());
        String code = fixture.code(new OAuthBrowser(app.baseUrl()), authorize(fixture.publicClient, "scope", "email"), fixture.user());
        JsonNode tokens = OAuthBrowser.json(fixture.exchange(rp, fixture.publicClient, code));
        HttpResponse<String> info = rp.send(java.net.http.HttpRequest.newBuilder(app.url("/oauth2/userInfo"))
                .header("Authorization", "Bearer " + tokens.path("access_token").asText()).GET().build());
        assertError(info, 401, "invalid_token", "Access token does not have the openid scope.");
        assertError(rp.get("/oauth2/userInfo"), 401, "invalid_token", "Access token is missing.");
    }

    @Test
    void clientCredentialsGiveAConfidentialClientItsCustomScopes() {
        OAuthBrowser rp = new OAuthBrowser(app.baseUrl());
        Map<String, String> basic = Map.of("Authorization", OAuthBrowser.basic(fixture.confidentialClient.clientId(), SECRET));
        HttpResponse<String> granted = rp.post("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", "orders/read"), basic);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        JsonNode body = OAuthBrowser.json(granted);
        assertThat(body.has("id_token")).isFalse();
        assertThat(body.has("refresh_token")).isFalse();
        JsonNode access = OAuthBrowser.claims(body.path("access_token").asText());
        assertThat(access.path("sub").asText()).isEqualTo(fixture.confidentialClient.clientId());
        assertThat(access.path("scope").asText()).isEqualTo("orders/read");
        assertThat(access.has("username")).isFalse();

        JsonNode all = OAuthBrowser.json(rp.post("/oauth2/token", Map.of("grant_type", "client_credentials"), basic));
        assertThat(OAuthBrowser.claims(all.path("access_token").asText()).path("scope").asText().split(" "))
                .containsExactlyInAnyOrder("orders/read", "orders/write");

        assertError(rp.post("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", "openid"), basic),
                400, "invalid_scope", "The scope openid is not allowed for this client.");
        assertError(rp.post("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", "orders/delete"), basic),
                400, "invalid_scope", "The scope orders/delete is not allowed for this client.");
        assertError(rp.post("/oauth2/token", Map.of("grant_type", "client_credentials", "client_id", fixture.publicClient.clientId()), Map.of()),
                400, "unauthorized_client", "The client_credentials grant needs a client with a secret.");
    }
}
