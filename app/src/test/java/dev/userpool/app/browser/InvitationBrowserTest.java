package dev.userpool.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An administrator invites somebody on the admin page; the invitation arrives in the development
 * mailbox; the invitee signs in with the temporary password, is asked for a password of their own,
 * has a weak one refused, chooses a good one and is signed in; then gives their name on the profile
 * page and moves the account to another address with the code sent there.
 */
class InvitationBrowserTest {
    private static final String ADMIN = "admin@example.com";
    private static final Pattern TEMPORARY = Pattern.compile("choose your own password: (\\S+)");

    private BrowserOnApp session;
    private HeadlessBrowser browser;

    @BeforeEach
    void start() {
        session = BrowserOnApp.start(Map.of("USERPOOL_ADMIN_EMAILS", ADMIN), "/", Path.of("target", "screenshots"));
        browser = session.browser();
        new ApiClient(session.app().baseUrl()).register(ADMIN);
    }

    @AfterEach
    void stop() {
        if (session != null) session.close();
    }

    @Test
    void anInviteeChoosesAPasswordAtTheFirstSignIn() throws Exception {
        String invitee = "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        // The administrator signs in and invites.
        browser.open("signin.html");
        browser.type("email", ADMIN);
        browser.type("password", ApiClient.PASSWORD);
        browser.click("submit");
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("signin.html")));
        browser.open("admin.html");
        browser.type("invite-email", invitee);
        browser.click("invite-submit");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("invite-message"), "Invited " + invitee));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("users-body"), "FORCE_CHANGE_PASSWORD"));
        browser.shot("admin-invited");
        ((JavascriptExecutor) browser.driver()).executeScript("window.sessionStorage.clear();");

        // The invitation, with its temporary password, in the development mailbox.
        browser.open("mailbox.html?to=" + URLEncoder.encode(invitee, StandardCharsets.UTF_8));
        String temporary = browser.waiting().until(d -> temporaryInMailbox());
        browser.shot("invitation");

        // The first sign-in asks for a password of their own.
        browser.open("signin.html");
        browser.type("email", invitee);
        browser.type("password", temporary);
        browser.click("submit");
        browser.field("new-password-form");
        assertThat(browser.driver().findElement(By.id("signin-form")).isDisplayed()).isFalse();
        browser.type("new-password", "weak");
        browser.click("new-password-submit");
        browser.waiting().until(d -> {
            WebElement m = d.findElement(By.id("new-password-message"));
            String classes = m.getDomAttribute("class");
            return classes != null && classes.contains("error") && !m.getText().isBlank();
        });
        browser.type("new-password", "My-Own-Password-2");
        browser.click("new-password-submit");
        browser.waiting().until(ExpectedConditions.urlContains("ride.html"));
        browser.waiting().until(ExpectedConditions.textToBe(By.id("who"), invitee));
        assertThat(browser.field("status").getText()).isEqualTo("CONFIRMED");
        browser.shot("invitee-signed-in");

        // Their profile: a name of their own.
        browser.waiting().until(d -> d.findElement(By.cssSelector("a[href='profile.html']")).isDisplayed());
        browser.driver().findElement(By.cssSelector("a[href='profile.html']")).click();
        browser.waiting().until(ExpectedConditions.urlContains("profile.html"));
        browser.type("attr-name", "Ivy Invitee");
        browser.click("save");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-message"), "saved"));

        // Another address, which becomes the account's once the code sent there is proven.
        String moved = "moved-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        browser.driver().findElement(By.cssSelector("nav a[href='email.html']")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.id("current"), invitee));
        browser.type("new-email", moved);
        browser.click("send-code");
        assertThat(browser.messageOfKind("ok")).contains("m***@e***.com");
        ApiClient api = new ApiClient(session.app().baseUrl());
        browser.type("code", api.latestCode(moved));
        browser.click("verify");
        browser.waiting().until(ExpectedConditions.textToBe(By.id("current"), moved));
        browser.shot("invitee-moved");

        String token = api.signIn(moved, "My-Own-Password-2").path("accessToken").asText();
        var me = api.get("/api/me", token).json();
        assertThat(me.path("email").asText()).isEqualTo(moved);
        assertThat(me.path("attributes").path("name").asText()).isEqualTo("Ivy Invitee");
        assertThat(browser.policyViolations()).isEmpty();
    }

    /** The temporary password in the newest invitation, or null (after asking the page to look again). */
    private String temporaryInMailbox() {
        for (WebElement body : browser.driver().findElements(By.cssSelector("#messages .text-body"))) {
            Matcher m = TEMPORARY.matcher(body.getText());
            if (m.find()) return m.group(1);
        }
        WebElement again = browser.driver().findElement(By.id("submit"));
        if (again.isEnabled()) again.click();
        return null;
    }
}
