package dev.userpool.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.BrowserOnApp;
import dev.userpool.app.testing.HeadlessBrowser;
import dev.userpool.app.testing.RunningApp;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The walk-through as a person does it, in a real (headless) Chromium against the real server:
 * register, read the code in the development mailbox, verify, sign in, see who is signed in on
 * ride.html, sign out, and be sent back to sign-in.
 */
class SignUpFlowBrowserTest {
    static final Pattern SIX_DIGITS = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");
    static final String PASSWORD = "Giddy-Up-Unicorn-7";

    private BrowserOnApp session;
    private RunningApp app;
    private HeadlessBrowser browser;

    @BeforeEach
    void startBrowserAndServer() {
        session = BrowserOnApp.start(Map.of("USERPOOL_VERIFICATION", "code"), "/", Path.of("target", "screenshots"));
        app = session.app();
        browser = session.browser();
    }

    @AfterEach
    void stop() {
        if (session != null) session.close();
    }

    @Test
    void registerVerifySignInSeeTheRideAndSignOut() throws IOException {
        String email = "rider-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        // A protected page without tokens sends the visitor to sign in.
        browser.open("ride.html");
        browser.waiting().until(ExpectedConditions.urlContains("signin.html"));

        // Register.
        browser.open("register.html");
        browser.type("email", email);
        browser.type("password", PASSWORD);
        browser.type("password2", PASSWORD);
        browser.click("submit");
        browser.waiting().until(ExpectedConditions.urlContains("verify.html"));
        assertThat(browser.field("email").getDomProperty("value")).isEqualTo(email);
        browser.shot("verify");

        // Read the code where the embedded server "sent" it.
        browser.open("mailbox.html?to=" + encode(email));
        String code = browser.waiting().until(d -> codeInMailbox());
        browser.shot("mailbox");

        // A wrong code is refused in words a person understands.
        browser.open("verify.html?email=" + encode(email));
        browser.type("code", HeadlessBrowser.otherThan(code));
        browser.click("submit");
        assertThat(browser.messageOfKind("error")).contains("That code is not right");

        // The right code confirms the account and leads to sign-in.
        browser.type("code", code);
        browser.click("submit");
        browser.waiting().until(ExpectedConditions.urlContains("signin.html"));
        assertThat(browser.field("email").getDomProperty("value")).isEqualTo(email);

        // A wrong password is refused with the server's words, not a generic failure.
        browser.type("password", "Not-The-Password-1");
        browser.click("submit");
        assertThat(browser.messageOfKind("error")).isNotBlank().doesNotContain("Something went wrong");

        // Sign in and see who is signed in.
        browser.type("password", PASSWORD);
        browser.click("submit");
        browser.waiting().until(ExpectedConditions.urlContains("ride.html"));
        browser.waiting().until(ExpectedConditions.textToBe(By.id("who"), email));
        assertThat(browser.field("status").getText()).isEqualTo("CONFIRMED");
        assertThat(browser.field("email-verified").getText()).startsWith("Yes");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("eyJ");   // tokens never travel in a URL
        assertThat(sessionItem("userpool.accessToken")).isNotBlank();
        browser.shot("ride");

        // Sign out: tokens are gone and the protected page sends us to sign in again.
        browser.click("signout");
        browser.waiting().until(ExpectedConditions.urlContains("signin.html"));
        assertThat(sessionItem("userpool.idToken")).isNull();
        assertThat(sessionItem("userpool.accessToken")).isNull();
        assertThat(sessionItem("userpool.refreshToken")).isNull();
        browser.open("ride.html");
        browser.waiting().until(ExpectedConditions.urlContains("signin.html"));
    }

    // ------------------------------------------------------------------ helpers







    /** The six-digit code of the newest message, or null (after asking the page to look again). */
    private String codeInMailbox() {
        for (WebElement body : browser.driver().findElements(By.cssSelector("#messages .text-body"))) {
            Matcher m = SIX_DIGITS.matcher(body.getText());
            if (m.find()) return m.group(1);
        }
        WebElement again = browser.driver().findElement(By.id("submit"));
        if (again.isEnabled()) again.click();
        return null;
    }

    private String sessionItem(String key) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("return window.sessionStorage.getItem(arguments[0]);", key);
    }



    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
