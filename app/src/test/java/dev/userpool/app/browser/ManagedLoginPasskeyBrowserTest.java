package dev.userpool.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.HeadlessBrowser;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.AppClientRules;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Issue 14 on the managed login, in headless Chromium with a virtual authenticator: a user adds a passkey on
 * the app's profile page; a relying party (a JDK HTTP server on loopback, a client allowed
 * {@code ALLOW_USER_AUTH}) sends the browser to {@code /oauth2/authorize}; on the login page the user chooses
 * "Sign in with a passkey", the page's script asks the authenticator, and the browser lands back at the
 * relying party, which exchanges the code and greets the user — no password typed, no policy violation.
 * The pool runs on {@code http://localhost:PORT}, a secure context.
 */
class ManagedLoginPasskeyBrowserTest {
    private RunningApp app;
    private HeadlessBrowser browser;
    private ManagedLoginBrowserTest.RelyingParty rp;
    private VirtualAuthenticator authenticator;

    @BeforeEach
    void start() throws Exception {
        HeadlessBrowser.requireChromium();
        app = RunningApp.start(Map.of("USERPOOL_BASE_URL", "http://localhost:{port}"));
        URI pool = URI.create("http://localhost:" + app.baseUrl().getPort());
        browser = HeadlessBrowser.start(pool + "/", Path.of("target", "screenshots"));
        authenticator = ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));
        rp = new ManagedLoginBrowserTest.RelyingParty(pool);
        AppClient plain = rp.client();
        app.component().appClients().create(new AppClient(plain.clientId(), plain.name(), plain.secret(), plain.allowedOAuthFlows(),
                plain.allowedScopes(), plain.callbackUrls(), plain.logoutUrls(), Set.of(AppClientRules.ALLOW_USER_AUTH),
                plain.idTokenValidity(), plain.accessTokenValidity(), plain.refreshTokenValidity()));
    }

    @AfterEach
    void stop() {
        try {
            if (rp != null) rp.close();
            if (browser != null) browser.close();
        } finally {
            if (app != null) app.close();
        }
    }

    @Test
    void aUserSignsInToTheRelyingPartyWithTheirPasskey() throws Exception {
        String email = "ml-passkey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        new ApiClient(app.baseUrl()).register(email);
        addPasskey(email);

        browser.driver().get(rp.url("/"));
        browser.waiting().until(ExpectedConditions.urlContains("/login?"));
        browser.type("username", email);
        browser.click("passkey-submit");
        browser.field("passkey-form");
        assertThat(browser.driver().getCurrentUrl()).contains("/login/passkey?", "client_id=" + rp.client().clientId());
        browser.shot("managed-login-passkey");
        int signsBefore = authenticator.getCredentials().get(0).getSignCount();
        browser.click("passkey-use");

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in"), email));
        assertThat(authenticator.getCredentials().get(0).getSignCount()).isGreaterThan(signsBefore);
        assertThat(browser.policyViolations()).isEmpty();
        browser.shot("managed-login-passkey-signed-in");
    }

    /** Signs in on the app's own pages and adds a passkey on the profile page, as PasskeyBrowserTest does; then signs out. */
    private void addPasskey(String email) {
        browser.open("signin.html");
        browser.type("email", email);
        browser.type("password", ApiClient.PASSWORD);
        browser.click("submit");
        browser.waiting().until(ExpectedConditions.urlContains("ride.html"));
        browser.open("profile.html");
        browser.click("add-passkey");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#passkey-list [data-credential-id]")));
        assertThat(authenticator.getCredentials()).hasSize(1);
        ((JavascriptExecutor) browser.driver()).executeScript("sessionStorage.clear()");
    }
}
