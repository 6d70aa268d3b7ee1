package dev.userpool.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.BrowserOnApp;
import dev.userpool.app.testing.HeadlessBrowser;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.app.testing.ServedPages;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every page, loaded in headless Chromium with the server's Content-Security-Policy, runs without a
 * single refusal: the policy is as tight as the pages allow and no tighter (the flows themselves are
 * driven by {@code SignUpFlowBrowserTest} and {@code WildRydesBrowserTest}). The check is proven able
 * to fail: an inline script slipped into a page is reported.
 *
 * <p>This is the guard that the header breaks nothing, not a proof of the fix: it passed before the
 * change too (the pages then carried only a {@code <meta>} policy, which the header now tightens).
 */
class PagesUnderThePolicyBrowserTest {
    private BrowserOnApp session;
    private RunningApp app;
    private HeadlessBrowser browser;

    @BeforeEach
    void start() {
        session = BrowserOnApp.start(Map.of(), "/", Path.of("target", "screenshots"));
        app = session.app();
        browser = session.browser();
    }

    @AfterEach
    void stop() {
        if (session != null) session.close();
    }

    @Test
    void noPageTripsThePolicy() {
        for (String page : ServedPages.paths()) {
            browser.open(page);
            browser.waiting().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            assertThat(browser.policyViolations()).as(page).isEmpty();
        }
    }

    @Test
    void anInlineScriptWouldBeReported() {
        browser.open("index.html");
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var s = document.createElement('script'); s.textContent = 'window.injected = true'; document.head.appendChild(s);");
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.injected === true")).isEqualTo(false);
        assertThat(browser.policyViolations()).anyMatch(m -> m.contains("script-src"));
    }
}
