package dev.userpool.app.oauth;

import static dev.userpool.app.oauth.OAuthFixture.CALLBACK;
import static dev.userpool.app.oauth.OAuthFixture.authorize;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.testing.MutableClock;
import dev.userpool.core.testing.Oathtool;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The managed login of a pool that requires MFA (issue 14 meets issue 15): an account without an
 * authenticator app gets, after its password, the set-up page (QR code and key); the app's code (from
 * oathtool) signs it in and goes back to the client with a code that the token endpoint exchanges for
 * that account's tokens. A wrong code shows the same key again; the set-up lasts the challenge's 3 minutes.
 */
class ManagedLoginMfaSetupTest {
    private static final MutableClock CLOCK = MutableClock.at(Instant.parse("2031-06-07T08:09:00Z"));
    private static final Pattern SECRET = Pattern.compile("id=\"mfa-setup-secret\">([A-Z2-7=]+)<");
    private static RunningApp app;
    private static OAuthFixture fixture;

    @BeforeAll
    static void start() {
        app = RunningApp.start(Map.of("USERPOOL_MFA", "on"), CLOCK);
        fixture = new OAuthFixture(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    /** The password step of a new account without an app: the set-up page. */
    private static HttpResponse<String> passwordStep(OAuthBrowser browser, Map<String, String> request, String email) {
        HttpResponse<String> page = browser.signIn(OAuthBrowser.query(request), email, ApiClient.PASSWORD);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"mfa-setup-form\"", "action=\"/login/mfaSetup?", "src=\"data:image/png;base64,");
        return page;
    }

    private static String secretOf(HttpResponse<String> page) {
        Matcher m = SECRET.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> codeStep(OAuthBrowser browser, Map<String, String> request, String email,
                                                 HttpResponse<String> page, String code) {
        Map<String, String> form = new HashMap<>(Map.of("_csrf", OAuthBrowser.csrf(page.body()), "username", email,
                "session", OAuthBrowser.session(page.body()).orElseThrow(), "secret", secretOf(page), "code", code));
        return browser.post("/login/mfaSetup?" + OAuthBrowser.query(request), form, Map.of());
    }

    private static String wrong(String right) {
        return right.equals("000000") ? "111111" : "000000";
    }

    @Test
    void anAccountSetsItsAppUpAfterThePasswordAndTheClientGetsItsTokens() {
        String email = fixture.user();
        OAuthBrowser browser = new OAuthBrowser(app.baseUrl());
        Map<String, String> request = authorize(fixture.publicClient);

        HttpResponse<String> page = passwordStep(browser, request, email);
        assertThat(page.headers().allValues("Set-Cookie")).as("no session before the app is set up")
                .noneSatisfy(c -> assertThat(c).startsWith("userpool_session="));
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("img-src 'self' data:");
        assertThat(OAuthBrowser.actionParameters(page.body(), "/login/mfaSetup")).as("the authorization request rides along")
                .isEqualTo(request);
        String secret = secretOf(page);

        HttpResponse<String> back = codeStep(browser, request, email, page, Oathtool.code(secret, CLOCK.instant()));

        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        String location = OAuthBrowser.location(back);
        assertThat(location).startsWith(CALLBACK + "?code=");
        Map<String, String> answer = OAuthBrowser.parameters(location, false);
        assertThat(answer.get("state")).isEqualTo(request.get("state"));
        HttpResponse<String> tokens = fixture.exchange(browser, fixture.publicClient, answer.get("code"));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode id = OAuthBrowser.claims(OAuthBrowser.json(tokens).path("id_token").asText());
        assertThat(id.path("email").asText()).isEqualTo(email);
        assertThat(id.path("nonce").asText()).isEqualTo(request.get("nonce"));

        // the same form again: the challenge was answered once, and signs nobody in a second time
        HttpResponse<String> replayed = codeStep(new OAuthBrowser(app.baseUrl()), request, email, page,
                Oathtool.code(secret, CLOCK.instant()));
        assertThat(replayed.statusCode()).as("another browser has no CSRF token of this page").isEqualTo(403);
        OAuthBrowser other = new OAuthBrowser(app.baseUrl());
        HttpResponse<String> otherLogin = other.get(OAuthBrowser.location(other.get("/oauth2/authorize?" + OAuthBrowser.query(request))));
        Map<String, String> form = new HashMap<>(Map.of("_csrf", OAuthBrowser.csrf(otherLogin.body()), "username", email,
                "session", OAuthBrowser.session(page.body()).orElseThrow(), "secret", secret, "code", Oathtool.code(secret, CLOCK.instant())));
        HttpResponse<String> replay = other.post("/login/mfaSetup?" + OAuthBrowser.query(request), form, Map.of());
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("id=\"signin-form\"");
        assertThat(replay.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("userpool_session="));

        // the app is the account's now: the next sign-in asks for its code, not for a set-up
        CLOCK.advance(Duration.ofSeconds(30));
        HttpResponse<String> next = new OAuthBrowser(app.baseUrl()).signIn(OAuthBrowser.query(authorize(fixture.publicClient)),
                email, ApiClient.PASSWORD);
        assertThat(next.body()).contains("id=\"mfa-form\"").doesNotContain("mfa-setup-form");
    }

    @Test
    void aWrongCodeShowsTheSameKeyAgainAndTheRightOneThenSignsIn() {
        String email = fixture.user();
        OAuthBrowser browser = new OAuthBrowser(app.baseUrl());
        Map<String, String> request = authorize(fixture.publicClient);
        HttpResponse<String> page = passwordStep(browser, request, email);
        String secret = secretOf(page);

        HttpResponse<String> refused = codeStep(browser, request, email, page, wrong(Oathtool.code(secret, CLOCK.instant())));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"mfa-setup-form\"", "id=\"error\"");
        assertThat(secretOf(refused)).isEqualTo(secret);
        assertThat(OAuthBrowser.session(refused.body())).isEqualTo(OAuthBrowser.session(page.body()));
        assertThat(refused.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("userpool_session="));

        HttpResponse<String> back = codeStep(browser, request, email, refused, Oathtool.code(secret, CLOCK.instant()));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(OAuthBrowser.location(back)).startsWith(CALLBACK + "?code=");
        assertThat(OAuthBrowser.parameters(OAuthBrowser.location(back), false).get("state")).isEqualTo(request.get("state"));
    }

    @Test
    void theSetUpExpiresWithTheChallengeAfterThreeMinutes() {
        String email = fixture.user();
        OAuthBrowser browser = new OAuthBrowser(app.baseUrl());
        Map<String, String> request = authorize(fixture.publicClient);
        HttpResponse<String> page = passwordStep(browser, request, email);
        String secret = secretOf(page);

        CLOCK.advance(Duration.ofMinutes(3).plusSeconds(1));
        HttpResponse<String> late = codeStep(browser, request, email, page, Oathtool.code(secret, CLOCK.instant()));

        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("id=\"signin-form\"", "Sign in again.").doesNotContain("mfa-setup-form");
        assertThat(late.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("userpool_session="));
    }

    @Test
    void aFormWithoutTheCsrfTokenDoesNothing() {
        String email = fixture.user();
        OAuthBrowser browser = new OAuthBrowser(app.baseUrl());
        Map<String, String> request = authorize(fixture.publicClient);
        HttpResponse<String> page = passwordStep(browser, request, email);
        String secret = secretOf(page);
        String code = Oathtool.code(secret, CLOCK.instant());

        HttpResponse<String> forged = browser.post("/login/mfaSetup?" + OAuthBrowser.query(request), Map.of("username", email,
                "session", OAuthBrowser.session(page.body()).orElseThrow(), "secret", secret, "code", code), Map.of());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Location")).isEmpty();
        // nothing was verified: the same code, with the token, still sets the app up
        assertThat(codeStep(browser, request, email, page, code).statusCode()).isEqualTo(302);
    }
}
