package dev.userpool.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.BrowserOnApp;
import dev.userpool.app.testing.HeadlessBrowser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Changing the address on email.html in a real (headless) Chromium: reached from the navigation,
 * a code to the new address, a wrong code refused in words, the right one moves the account.
 */
class EmailChangeBrowserTest {
    private BrowserOnApp session;
    private HeadlessBrowser browser;
    private ApiClient api;

    @BeforeEach
    void startBrowserAndServer() {
        session = BrowserOnApp.start(Map.of("USERPOOL_VERIFICATION", "code"), "/", Path.of("target", "screenshots"));
        browser = session.browser();
        api = new ApiClient(session.app().baseUrl());
    }

    @AfterEach
    void stop() {
        if (session != null) session.close();
    }

    @Test
    void changeTheAddressWithTheCodeSentToTheNewOne() throws IOException {
        String old = "rider-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String next = "newrider-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        api.register(old);

        // Without tokens the page sends the visitor to sign in.
        browser.open("email.html");
        browser.waiting().until(ExpectedConditions.urlContains("signin.html"));
        browser.type("email", old);
        browser.type("password", ApiClient.PASSWORD);
        browser.click("submit");
        browser.waiting().until(ExpectedConditions.urlContains("ride.html"));

        // The navigation leads to the page, which shows the address the account has.
        browser.driver().findElement(By.cssSelector("nav a[href='email.html']")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.id("current"), old));

        browser.type("new-email", next);
        browser.click("send-code");
        assertThat(browser.messageOfKind("ok")).contains("n***@e***.com");
        assertThat(api.get("/api/me", api.accessToken(old)).json().path("email").asText()).isEqualTo(old);
        browser.shot("email-code");

        String code = api.latestCode(next);
        browser.type("code", HeadlessBrowser.otherThan(code));
        browser.click("verify");
        assertThat(browser.messageOfKind("error")).contains("That code is not right");

        browser.type("code", code);
        browser.click("verify");
        assertThat(browser.messageOfKind("ok")).contains("your address is now " + next);
        browser.waiting().until(ExpectedConditions.textToBe(By.id("current"), next));
        assertThat(browser.policyViolations()).isEmpty();
        assertThat(api.signIn(next, ApiClient.PASSWORD).path("accessToken").asText()).isNotBlank();
    }
}
