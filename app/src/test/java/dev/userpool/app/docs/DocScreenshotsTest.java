package dev.userpool.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.BrowserOnApp;
import dev.userpool.app.testing.HeadlessBrowser;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Writes the README tour's screenshots, docs/images/*.png, from the real pages in headless Chromium at
 * 800 pixels wide — only when asked, since a new PNG differs by a few pixels each time:
 * {@code mvn -B -q -o -pl app -am -DskipITs -Dtest=DocScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false -Dscreenshots.write=true verify}.
 * That the README's images exist is checked by {@link DocsLinksTest} on every build.
 */
class DocScreenshotsTest {
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");
    private static final String EMAIL = "rider@example.com";
    private static final String PASSWORD = "Giddy-Up-Unicorn-7";

    @Test
    void writeTheTourScreenshots() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("screenshots.write"), "writes docs/images only with -Dscreenshots.write=true");
        Path images = DocFiles.root().resolve("docs/images");
        try (BrowserOnApp session = BrowserOnApp.start(Map.of(), "/", images)) {
            HeadlessBrowser browser = session.browser();
            browser.driver().manage().window().setSize(new Dimension(800, 800));

            browser.open("register.html");
            browser.type("email", EMAIL);
            browser.type("password", PASSWORD);
            browser.type("password2", PASSWORD);
            shot(browser, "register", null);
            browser.click("submit");
            browser.waiting().until(ExpectedConditions.urlContains("verify.html"));

            browser.open("mailbox.html?to=" + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8));
            String code = browser.waiting().until(d -> codeIn(browser));
            shot(browser, "mailbox", "messages-section");

            browser.open("verify.html?email=" + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8));
            browser.type("code", code);
            shot(browser, "verify", null);
            browser.click("submit");
            browser.waiting().until(ExpectedConditions.urlContains("signin.html"));

            browser.type("password", PASSWORD);
            shot(browser, "signin", null);
            browser.click("submit");
            browser.waiting().until(ExpectedConditions.urlContains("ride.html"));
            browser.waiting().until(ExpectedConditions.textToBe(By.id("who"), EMAIL));
            shot(browser, "ride", null);
        }
        assertThat(images.resolve("ride.png")).isRegularFile();
    }

    /** Without the focus ring and caret, scrolled to the top or to {@code showId}. */
    private static void shot(HeadlessBrowser browser, String name, String showId) throws IOException {
        ((JavascriptExecutor) browser.driver()).executeScript("if (document.activeElement) document.activeElement.blur();"
                + "if (arguments[0]) document.getElementById(arguments[0]).scrollIntoView(); else window.scrollTo(0, 0);", showId);
        browser.shot(name);
    }

    private static String codeIn(HeadlessBrowser browser) {
        for (WebElement body : browser.driver().findElements(By.cssSelector("#messages .text-body"))) {
            Matcher m = SIX_DIGITS.matcher(body.getText());
            if (m.find()) return m.group(1);
        }
        return null;
    }
}
