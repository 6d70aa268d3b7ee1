package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.BrowserOnApp;
import dev.userpool.app.testing.HeadlessBrowser;
import dev.userpool.app.testing.RunningApp;
import java.io.IOException;
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

/**
 * The walk-through's browser code — amazon-cognito-identity-js in the pages under /wildrydes/, the
 * library file the build took from the npm package — in a real headless Chromium against the local
 * pool: register, verify with the mailed code, sign in (SRP, in the browser), the protected page, sign
 * out. Skipped locally without Chromium and its driver; under CI=true their absence fails the build.
 */
class WildRydesBrowserTest {
    static final String PASSWORD = "Giddy-Up-Unicorn-7";

    private BrowserOnApp session;
    private RunningApp app;
    private ApiClient api;
    private HeadlessBrowser browser;

    @BeforeEach
    void startBrowserAndServer() {
        session = BrowserOnApp.start(Map.of(), "/wildrydes/", Path.of("target", "screenshots", "wildrydes"));
        app = session.app();
        browser = session.browser();
        api = new ApiClient(app.baseUrl());
    }

    @AfterEach
    void stop() {
        if (session != null) session.close();
    }

    @Test
    void registerVerifySignInAndRideWithTheCognitoLibrary() throws IOException {
        String email = "wild-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        // Without a session the protected page sends the visitor to sign in.
        browser.open("ride.html");
        browser.waiting().until(ExpectedConditions.urlContains("signin.html"));

        browser.open("register.html");
        browser.type("emailInputRegister", email);
        browser.type("passwordInputRegister", PASSWORD);
        browser.type("password2InputRegister", PASSWORD);
        browser.click("registerButton");
        browser.waiting().until(ExpectedConditions.urlContains("verify.html"));
        assertThat(browser.field("emailInputVerify").getDomProperty("value")).isEqualTo(email);

        // A wrong code is refused with Cognito's words, through the library.
        String code = api.latestCode(email);
        browser.type("codeInputVerify", HeadlessBrowser.otherThan(code));
        browser.click("verifyButton");
        assertThat(browser.messageOfKind("error")).isEqualTo("Invalid verification code provided, please try again.");
        browser.type("codeInputVerify", code);
        browser.click("verifyButton");
        browser.waiting().until(ExpectedConditions.urlContains("signin.html"));
        browser.shot("verified");

        browser.type("passwordInputSignin", "Not-The-Password-1");
        browser.click("signinButton");
        assertThat(browser.messageOfKind("error")).isEqualTo("Incorrect username or password.");

        browser.type("passwordInputSignin", PASSWORD);
        browser.click("signinButton");
        browser.waiting().until(ExpectedConditions.urlContains("ride.html"));
        browser.waiting().until(ExpectedConditions.textToBe(By.id("who"), email));
        assertThat(browser.field("status").getText()).isEqualTo("CONFIRMED");
        assertThat(browser.field("issuer").getText()).isEqualTo(app.baseUrl() + "/local_Userpool1");
        assertThat(libraryStorageKeys()).as("the library keeps its session where it keeps a Cognito session")
                .anyMatch(k -> k.startsWith("CognitoIdentityServiceProvider.userpool-local.") && k.endsWith(".idToken"));
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("eyJ");
        browser.shot("ride");

        browser.click("signOut");
        browser.waiting().until(ExpectedConditions.urlContains("signin.html"));
        assertThat(libraryStorageKeys()).noneMatch(k -> k.endsWith(".idToken"));
        browser.open("ride.html");
        browser.waiting().until(ExpectedConditions.urlContains("signin.html"));
    }

    // ------------------------------------------------------------------ helpers







    @SuppressWarnings("unchecked")
    private List<String> libraryStorageKeys() {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("return Object.keys(window.localStorage);");
    }



}
