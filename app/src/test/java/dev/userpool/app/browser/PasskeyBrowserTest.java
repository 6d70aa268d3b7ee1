package dev.userpool.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.HeadlessBrowser;
import dev.userpool.app.testing.RunningApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Issue 14, passkeys in headless Chromium with a virtual authenticator (the DevTools WebAuthn domain): a
 * signed-in user adds a passkey on the profile page, signs out, and signs in with it on the sign-in page;
 * an assertion whose client data claims another origin is refused by the server, and the same passkey from
 * a page on 127.0.0.1 (another origin of this server) signs nobody in. The server runs on
 * {@code http://localhost:PORT}, a secure context.
 */
class PasskeyBrowserTest {
    private RunningApp app;
    private HeadlessBrowser browser;
    private ApiClient api;
    private VirtualAuthenticator authenticator;
    private int port;

    @BeforeEach
    void start() {
        HeadlessBrowser.requireChromium();
        app = RunningApp.start(Map.of("USERPOOL_BASE_URL", "http://localhost:{port}"));
        port = app.baseUrl().getPort();
        browser = HeadlessBrowser.start("http://localhost:" + port + "/", Path.of("target", "screenshots"));
        api = new ApiClient(app.baseUrl());
        authenticator = ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));
    }

    @AfterEach
    void stop() {
        try {
            if (browser != null) browser.close();
        } finally {
            if (app != null) app.close();
        }
    }

    @Test
    void aUserAddsAPasskeySignsOutAndSignsInWithIt() throws Exception {
        String email = "passkey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        api.register(email);

        browser.open("signin.html");
        browser.type("email", email);
        browser.type("password", ApiClient.PASSWORD);
        browser.click("submit");
        browser.waiting().until(ExpectedConditions.urlContains("ride.html"));

        browser.open("profile.html");
        browser.click("add-passkey");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#passkey-list [data-credential-id]")));
        List<Credential> held = authenticator.getCredentials();
        assertThat(held).hasSize(1);
        assertThat(held.get(0).getRpId()).isEqualTo("localhost");
        assertThat(held.get(0).isResidentCredential()).isTrue();
        browser.shot("passkey-added");

        browser.open("ride.html");
        browser.click("signout");
        browser.waiting().until(d -> ((JavascriptExecutor) d).executeScript("return sessionStorage.length") instanceof Long n && n == 0);

        browser.open("signin.html");
        browser.type("email", email);
        browser.click("passkey-submit");
        browser.waiting().until(ExpectedConditions.urlContains("ride.html"));
        String token = (String) ((JavascriptExecutor) browser.driver())
                .executeScript("return sessionStorage.getItem('userpool.accessToken')");
        assertThat(api.get("/api/me", token).json().path("email").asText()).isEqualTo(email);
        assertThat(authenticator.getCredentials().get(0).getSignCount()).isPositive();
        assertThat(browser.policyViolations()).isEmpty();
        browser.shot("passkey-signed-in");

        // an assertion made by this very passkey, whose client data is made to claim another origin
        @SuppressWarnings("unchecked")
        Map<String, Object> forged = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(FORGED_ORIGIN, email);
        assertThat(forged).containsEntry("status", 400L).containsEntry("code", "WebAuthnOriginNotAllowed");

        // the same passkey from a page of this server on 127.0.0.1: another origin, and no sign-in
        browser.driver().get("http://127.0.0.1:" + port + "/signin.html");
        browser.type("email", email);
        browser.click("passkey-submit");
        assertThat(browser.messageOfKind("error")).isNotBlank();
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return sessionStorage.getItem('userpool.accessToken')")).isNull();
    }

    /** Asks for an assertion as the page does, rewrites its clientDataJSON's origin, and posts it. */
    private static final String FORGED_ORIGIN = """
            var email = arguments[0], done = arguments[arguments.length - 1];
            function bytes(s) { s = s.replace(/-/g, '+').replace(/_/g, '/'); while (s.length % 4) s += '=';
              return Uint8Array.from(atob(s), function (c) { return c.charCodeAt(0); }).buffer; }
            function b64(buf) { return btoa(String.fromCharCode.apply(null, new Uint8Array(buf)))
              .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, ''); }
            function post(path, body) { return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify(body) }); }
            post('api/signin/passkey/options', { email: email }).then(function (r) { return r.json(); }).then(function (c) {
              var o = c.options; o.challenge = bytes(o.challenge);
              return navigator.credentials.get({ publicKey: o }).then(function (cred) {
                var client = JSON.parse(new TextDecoder().decode(cred.response.clientDataJSON));
                client.origin = 'https://evil.example';
                var forged = new TextEncoder().encode(JSON.stringify(client));
                return post('api/signin/passkey', { email: email, session: c.session, credential: {
                  id: cred.id, rawId: b64(cred.rawId), type: cred.type, clientExtensionResults: {},
                  response: { clientDataJSON: b64(forged), authenticatorData: b64(cred.response.authenticatorData),
                    signature: b64(cred.response.signature), userHandle: b64(cred.response.userHandle) } } });
              });
            }).then(function (r) { return r.json().then(function (p) { done({ status: r.status, code: p.code }); }); })
              .catch(function (e) { done({ error: String(e) }); });
            """;
}
