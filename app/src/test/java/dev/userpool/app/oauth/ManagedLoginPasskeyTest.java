package dev.userpool.app.oauth;

import static dev.userpool.app.oauth.OAuthFixture.CALLBACK;
import static dev.userpool.app.oauth.OAuthFixture.authorize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.AppClientRules;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Sign in with a passkey" on the managed login (issue 14), by HTTP: the page of WebAuthn request options
 * that the browser test drives ({@code ManagedLoginPasskeyBrowserTest}), and its refusals — a client without
 * {@code ALLOW_USER_AUTH}, a form without the CSRF token, an assertion that is not one. Every address gets
 * the same page. The pool runs on {@code http://localhost:PORT}, where passkeys are on.
 */
class ManagedLoginPasskeyTest {
    private static final Pattern VARYING = Pattern.compile(
            "name=\"(session|_csrf)\" value=\"[^\"]*\"|data-options=\"[^\"]*\"");
    private static RunningApp app;
    private static OAuthFixture fixture;
    private static AppClient choiceClient;

    @BeforeAll
    static void start() {
        app = RunningApp.start(Map.of("USERPOOL_BASE_URL", "http://localhost:{port}"));
        fixture = new OAuthFixture(app);
        choiceClient = app.component().appClients().create(new AppClient("choice-" + OAuthFixture.id(), "Choice RP",
                Optional.empty(), Set.of("code"), Set.of("openid", "email"), List.of(CALLBACK), List.of(OAuthFixture.SIGNED_OUT),
                Set.of(AppClientRules.ALLOW_USER_AUTH), Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(30)));
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    private static HttpResponse<String> loginPage(OAuthBrowser browser, Map<String, String> request) {
        HttpResponse<String> toLogin = browser.get("/oauth2/authorize?" + OAuthBrowser.query(request));
        assertThat(toLogin.statusCode()).isEqualTo(302);
        return browser.get(OAuthBrowser.location(toLogin));
    }

    private static HttpResponse<String> passkeyPage(OAuthBrowser browser, Map<String, String> request, String email) {
        HttpResponse<String> login = loginPage(browser, request);
        return browser.post("/login/passkey?" + OAuthBrowser.query(request),
                Map.of("_csrf", OAuthBrowser.csrf(login.body()), "username", email, "password", ""), Map.of());
    }

    @Test
    void theLoginPageOffersPasskeysToAClientAllowedChoiceBasedSignIn() {
        assertThat(loginPage(new OAuthBrowser(app.baseUrl()), authorize(choiceClient)).body())
                .contains("id=\"passkey-submit\"", "formaction=\"/login/passkey?");
        assertThat(loginPage(new OAuthBrowser(app.baseUrl()), authorize(fixture.publicClient)).body()).doesNotContain("passkey-submit");

        HttpResponse<String> refused = passkeyPage(new OAuthBrowser(app.baseUrl()), authorize(fixture.publicClient), fixture.user());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"signin-form\"", "ALLOW_USER_AUTH").doesNotContain("passkey-form");
    }

    @Test
    void thePasskeyPageCarriesTheOptionsAndTheRequestAndRunsOnlyThisServersScript() {
        String email = fixture.user();
        Map<String, String> request = authorize(choiceClient);
        HttpResponse<String> page = passkeyPage(new OAuthBrowser(app.baseUrl()), request, email);

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"passkey-form\"", "data-options=\"{", "&quot;challenge&quot;",
                "&quot;rpId&quot;:&quot;localhost&quot;", "<script src=\"/managed-login-passkey.js\"></script>");
        assertThat(OAuthBrowser.actionParameters(page.body(), "/login/passkey/verify")).isEqualTo(request);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(fixture.api.get("/managed-login-passkey.js").status()).isEqualTo(200);
    }

    @Test
    void anUnknownAddressGetsTheSamePage() {
        String known = fixture.user();
        String unknown = "nobody-" + OAuthFixture.id() + "@example.com";
        Map<String, String> request = authorize(choiceClient);

        long started = System.nanoTime();
        HttpResponse<String> forKnown = passkeyPage(new OAuthBrowser(app.baseUrl()), request, known);
        Duration knownTook = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        HttpResponse<String> forUnknown = passkeyPage(new OAuthBrowser(app.baseUrl()), request, unknown);
        Duration unknownTook = Duration.ofNanos(System.nanoTime() - started);

        assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode()).isEqualTo(200);
        assertThat(VARYING.matcher(forUnknown.body().replace(unknown, "EMAIL")).replaceAll("X"))
                .isEqualTo(VARYING.matcher(forKnown.body().replace(known, "EMAIL")).replaceAll("X"));
        // both wait out the same floor: the account looked up for the known address does not show in the time
        assertThat(knownTook).isGreaterThanOrEqualTo(dev.userpool.app.http.EvenTiming.FLOOR);
        assertThat(unknownTook).isGreaterThanOrEqualTo(dev.userpool.app.http.EvenTiming.FLOOR);
    }

    @Test
    void anAssertionThatIsNotOneSignsNobodyIn() {
        String email = fixture.user();
        OAuthBrowser browser = new OAuthBrowser(app.baseUrl());
        Map<String, String> request = authorize(choiceClient);
        HttpResponse<String> page = passkeyPage(browser, request, email);

        HttpResponse<String> refused = browser.post("/login/passkey/verify?" + OAuthBrowser.query(request), Map.of(
                "_csrf", OAuthBrowser.csrf(page.body()), "username", email, "session", OAuthBrowser.session(page.body()).orElseThrow(),
                "credential", "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\","
                        + "\"authenticatorData\":\"AAAA\",\"signature\":\"AAAA\"}}"), Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"signin-form\"", "id=\"error\"");
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(refused.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("userpool_session="));
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        OAuthBrowser browser = new OAuthBrowser(app.baseUrl());
        Map<String, String> request = authorize(choiceClient);
        loginPage(browser, request);

        HttpResponse<String> options = browser.post("/login/passkey?" + OAuthBrowser.query(request), Map.of("username",
                fixture.user()), Map.of());
        HttpResponse<String> answer = browser.post("/login/passkey/verify?" + OAuthBrowser.query(request), Map.of("username",
                "someone@example.com", "session", "s", "credential", "{}"), Map.of());

        assertThat(options.statusCode()).isEqualTo(403);
        assertThat(options.body()).doesNotContain("passkey-form");
        assertThat(answer.statusCode()).isEqualTo(403);
    }
}
