package dev.userpool.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.BrowserOnApp;
import dev.userpool.app.testing.HeadlessBrowser;
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
import org.openqa.selenium.support.ui.ExpectedConditions;

/** "Email me a code" on the sign-in page (issue 14): the code from the mailbox signs in without the password. */
class EmailCodeBrowserTest {
    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\b(\\d{8})\\b");

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
    void aCodeByMailSignsIn() throws Exception {
        String email = "code-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        api.register(email);

        browser.open("signin.html");
        browser.type("email", email);
        browser.click("email-code-request");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("email-code-form")));
        assertThat(browser.field("email-code-sent").getText()).contains(email.charAt(0) + "***@e***.com");

        browser.type("email-code-input", "00000000");
        browser.click("email-code-submit");
        browser.waiting().until(ExpectedConditions.attributeContains(By.id("email-code-message"), "class", "error"));

        browser.type("email-code-input", latestSignInCode(email));
        browser.click("email-code-submit");
        browser.waiting().until(ExpectedConditions.urlContains("ride.html"));
        browser.waiting().until(ExpectedConditions.textToBe(By.id("who"), email));
        browser.shot("signed-in-with-an-emailed-code");
        assertThat(browser.policyViolations()).isEmpty();
    }

    private String latestSignInCode(String email) {
        JsonNode messages = api.get("/api/dev/mailbox?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8)).json().path("messages");
        for (JsonNode message : messages) {
            Matcher m = EIGHT_DIGITS.matcher(message.path("textBody").asText());
            if (message.path("subject").asText().equals("Your sign-in code") && m.find()) return m.group(1);
        }
        throw new AssertionError("no sign-in code mailed to " + email);
    }
}
