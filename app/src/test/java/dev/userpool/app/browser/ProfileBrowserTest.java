package dev.userpool.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.BrowserOnApp;
import dev.userpool.app.testing.HeadlessBrowser;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 13, attributes: the profile page in headless Chromium — linked from the navigation once signed
 * in, it edits the name and other writable attributes, and shows a refusal in the server's words.
 */
class ProfileBrowserTest {
    private BrowserOnApp session;
    private HeadlessBrowser browser;
    private ApiClient api;

    @BeforeEach
    void start() {
        session = BrowserOnApp.start(Map.of(), "/", Path.of("target", "screenshots"));
        browser = session.browser();
        api = new ApiClient(session.app().baseUrl());
    }

    @AfterEach
    void stop() {
        if (session != null) session.close();
    }

    @Test
    void aSignedInUserEditsTheirNameOnTheProfilePage() throws Exception {
        String email = "profile-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        api.register(email);

        browser.open("index.html");
        assertThat(profileLink().isDisplayed()).as("no profile link before signing in").isFalse();
        browser.open("signin.html");
        browser.type("email", email);
        browser.type("password", ApiClient.PASSWORD);
        browser.click("submit");
        browser.waiting().until(ExpectedConditions.urlContains("ride.html"));
        browser.waiting().until(d -> profileLink().isDisplayed());
        profileLink().click();
        browser.waiting().until(ExpectedConditions.urlContains("profile.html"));

        browser.type("attr-name", "Ada Lovelace");
        browser.type("attr-phone_number", "0123 456");
        browser.click("save");
        assertThat(saveMessage("error")).contains("Invalid phone number format.");
        browser.shot("profile-refused");

        browser.type("attr-phone_number", "+441234567890");
        browser.click("save");
        assertThat(saveMessage("ok")).contains("saved");
        String token = api.accessToken(email);
        var attributes = api.get("/api/me", token).json().path("attributes");
        assertThat(attributes.path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(attributes.path("phone_number").asText()).isEqualTo("+441234567890");

        // a field emptied removes the attribute
        browser.type("attr-phone_number", "");
        browser.click("save");
        browser.waiting().until(d -> !api.get("/api/me", token).json().path("attributes").has("phone_number"));
        assertThat(browser.policyViolations()).isEmpty();
        browser.shot("profile");
    }

    private WebElement profileLink() {
        return browser.driver().findElement(By.cssSelector("a[href='profile.html']"));
    }

    private String saveMessage(String kind) {
        return browser.waiting().until(d -> {
            WebElement message = d.findElement(By.id("save-message"));
            String classes = message.getDomAttribute("class");
            return classes != null && classes.contains(kind) && !message.getText().isBlank() ? message.getText() : null;
        });
    }
}
