package dev.userpool.app.oauth;

import static dev.userpool.app.oauth.OAuthFixture.CALLBACK;
import static dev.userpool.app.oauth.OAuthFixture.SIGNED_OUT;
import static dev.userpool.app.oauth.OAuthFixture.authorize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.RunningApp;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /logout}: a sign-out URL of the client, exactly, ends the browser session and its cookie;
 * anything else is an error page that redirects nowhere and ends nothing.
 */
class LogoutTest {
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

    private OAuthBrowser signedIn() {
        OAuthBrowser browser = new OAuthBrowser(app.baseUrl());
        fixture.code(browser, authorize(fixture.publicClient), fixture.user());
        return browser;
    }

    private static boolean stillSignedIn(OAuthBrowser browser) {
        HttpResponse<String> again = browser.get("/oauth2/authorize?" + OAuthBrowser.query(authorize(fixture.publicClient)));
        return OAuthBrowser.location(again).startsWith(CALLBACK + "?code=");
    }

    @Test
    void aSignOutUrlOfTheClientEndsTheSession() {
        OAuthBrowser browser = signedIn();
        assertThat(stillSignedIn(browser)).isTrue();
        HttpResponse<String> out = browser.get("/logout?client_id=" + fixture.publicClient.clientId()
                + "&logout_uri=" + OAuthBrowser.enc(SIGNED_OUT));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(OAuthBrowser.location(out)).isEqualTo(SIGNED_OUT);
        assertThat(out.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("userpool_session=;").contains("Max-Age=0"));
        HttpResponse<String> again = browser.get("/oauth2/authorize?" + OAuthBrowser.query(authorize(fixture.publicClient)));
        assertThat(OAuthBrowser.location(again)).startsWith("/login?");
    }

    @Test
    void signingInAgainGoesThroughTheAuthorizationRequest() {
        OAuthBrowser browser = signedIn();
        HttpResponse<String> out = browser.get("/logout?client_id=" + fixture.publicClient.clientId() + "&response_type=code"
                + "&redirect_uri=" + OAuthBrowser.enc(CALLBACK) + "&state=again");
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(OAuthBrowser.location(out)).startsWith("/oauth2/authorize?response_type=code&client_id=");
        assertThat(OAuthBrowser.location(browser.get(OAuthBrowser.location(out)))).startsWith("/login?");
    }

    @ParameterizedTest(name = "logout_uri {0} is refused")
    @ValueSource(strings = {"https://evil.example/", "https://rp.example/signed-out.evil.com", "https://rp.example.evil.com/signed-out",
            "//evil.example/signed-out", "https://rp.example@evil.example/signed-out", "https://rp.example:444/signed-out",
            "https://rp.example/signed-out/../../evil", "https://rp.example/signed-out?next=https://evil.example", "javascript:alert(1)"})
    void aLogoutUriThatIsNotExactlyASignOutUrlIsAnErrorPage(String logoutUri) {
        OAuthBrowser browser = signedIn();
        HttpResponse<String> refused = browser.get("/logout?client_id=" + fixture.publicClient.clientId()
                + "&logout_uri=" + OAuthBrowser.enc(logoutUri));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(refused.body()).contains("logout_uri is not one of the client&#39;s sign-out URLs.");
        assertThat(stillSignedIn(browser)).isTrue();
    }

    @Test
    void aRedirectUriToSignInAgainMustBeACallbackUrl() {
        HttpResponse<String> refused = new OAuthBrowser(app.baseUrl()).get("/logout?client_id=" + fixture.publicClient.clientId()
                + "&response_type=code&redirect_uri=" + OAuthBrowser.enc("https://rp.example.evil.com/callback"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(refused.body()).contains("redirect_uri is not one of the client&#39;s callback URLs.");
        HttpResponse<String> unknown = new OAuthBrowser(app.baseUrl()).get("/logout?client_id=nobody&logout_uri=" + OAuthBrowser.enc(SIGNED_OUT));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("The client is unknown.");
    }
}
