package dev.userpool.app.oauth;

import static dev.userpool.app.oauth.OAuthFixture.CALLBACK;
import static dev.userpool.app.oauth.OAuthFixture.authorize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.testing.MutableClock;
import dev.userpool.core.testing.Oathtool;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The managed login for an account with an authenticator app (issue 14 meets issue 15): after the right
 * password, the code page; the right code (from oathtool) goes back to the client with a code; a wrong
 * one is refused and uses the challenge up; a replayed one is refused too.
 */
class ManagedLoginMfaTest {
    private static final MutableClock CLOCK = MutableClock.at(Instant.parse("2031-05-06T07:08:00Z"));
    private static RunningApp app;
    private static OAuthFixture fixture;

    @BeforeAll
    static void start() {
        app = RunningApp.start(Map.of(), CLOCK);
        fixture = new OAuthFixture(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** A confirmed user whose authenticator app is on; answers the app's secret. */
    private static String userWithApp(String email) {
        fixture.api.register(email);
        String token = fixture.api.accessToken(email);
        String secret = fixture.api.post("/api/me/mfa/totp", Map.of(), token).json().path("secret").asText();
        fixture.api.post("/api/me/mfa/totp/verify", Map.of("code", Oathtool.code(secret, CLOCK.instant())), token);
        fixture.api.send("PUT", "/api/me/mfa", Map.of("enabled", true, "preferred", true), token);
        CLOCK.advance(Duration.ofSeconds(30));   // the enrolment's code is spent; sign-ins use the next step's
        return secret;
    }

    /** Signs in with the password; answers the code page, and the query its form posts to. */
    private static HttpResponse<String> passwordStep(OAuthBrowser browser, Map<String, String> request, String email) {
        HttpResponse<String> page = browser.signIn(OAuthBrowser.query(request), email, ApiClient.PASSWORD);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"mfa-form\"", "action=\"/login/mfa?");
        return page;
    }

    private static HttpResponse<String> codeStep(OAuthBrowser browser, Map<String, String> request, String email,
                                                 HttpResponse<String> page, String code) {
        return browser.post("/login/mfa?" + OAuthBrowser.query(request), Map.of("_csrf", OAuthBrowser.csrf(page.body()),
                "username", email, "session", OAuthBrowser.session(page.body()).orElseThrow(), "code", code), Map.of());
    }

    @Test
    void theRightCodeAfterThePasswordGoesBackToTheClientWithACode() {
        String email = "ml-mfa-" + OAuthFixture.id() + "@example.com";
        String secret = userWithApp(email);
        OAuthBrowser browser = new OAuthBrowser(app.baseUrl());
        Map<String, String> request = authorize(fixture.publicClient);

        HttpResponse<String> page = passwordStep(browser, request, email);
        assertThat(page.headers().allValues("Set-Cookie")).as("no session before the code")
                .noneSatisfy(c -> assertThat(c).startsWith("userpool_session="));
        HttpResponse<String> back = codeStep(browser, request, email, page, Oathtool.code(secret, CLOCK.instant()));

        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(OAuthBrowser.location(back)).startsWith(CALLBACK + "?code=");
        String code = OAuthBrowser.parameters(OAuthBrowser.location(back), false).get("code");
        assertThat(fixture.exchange(browser, fixture.publicClient, code).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongCodeIsRefusedOnTheLoginPageAndOpensNoSession() {
        String email = "ml-mfa-" + OAuthFixture.id() + "@example.com";
        String secret = userWithApp(email);
        OAuthBrowser browser = new OAuthBrowser(app.baseUrl());
        Map<String, String> request = authorize(fixture.publicClient);
        HttpResponse<String> page = passwordStep(browser, request, email);
        String right = Oathtool.code(secret, CLOCK.instant());

        HttpResponse<String> refused = codeStep(browser, request, email, page, right.equals("000000") ? "111111" : "000000");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Invalid code received for user", "Sign in again.", "id=\"signin-form\"");
        assertThat(refused.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("userpool_session="));
        HttpResponse<String> again = codeStep(browser, request, email, page, right);
        assertThat(again.statusCode()).as("the challenge is used up by the wrong code").isEqualTo(400);
    }

    @Test
    void aCodeThatSignedInOnceDoesNotSignInAgain() {
        String email = "ml-mfa-" + OAuthFixture.id() + "@example.com";
        String secret = userWithApp(email);
        Map<String, String> request = authorize(fixture.publicClient);
        OAuthBrowser first = new OAuthBrowser(app.baseUrl());
        String code = Oathtool.code(secret, CLOCK.instant());
        assertThat(codeStep(first, request, email, passwordStep(first, request, email), code).statusCode()).isEqualTo(302);

        OAuthBrowser second = new OAuthBrowser(app.baseUrl());
        HttpResponse<String> replay = codeStep(second, request, email, passwordStep(second, request, email), code);

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("userpool_session="));
    }
}
