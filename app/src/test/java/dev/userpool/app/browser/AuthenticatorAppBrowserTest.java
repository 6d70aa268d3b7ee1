package dev.userpool.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.HeadlessBrowser;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.MfaSettings;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.testing.MutableClock;
import dev.userpool.core.testing.Oathtool;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 14, authenticator apps on the app's own pages in headless Chromium: a user sets one up on the profile
 * page from the key the page shows (codes from Debian's oathtool, never our own TOTP code), the QR code image
 * decodes to the same otpauth:// URI, the sign-in page then asks the app's code (a wrong one refused, the right
 * one signs in); an administrator sees the app on the admin page and removes it, and the password alone signs
 * in again. Where the pool requires MFA, the sign-in page sets an app up first (MFA_SETUP), the profile page
 * shows why the app cannot be turned off, and a code entered after the sign-in's 3 minutes is refused. The server's clock is the test's, moved a 30 s step on so that a code
 * already used (each step's code is accepted once) is never needed again.
 */
class AuthenticatorAppBrowserTest {
    private static final String ADMIN = "mfa-admin@example.com";

    private final MutableClock clock = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.MINUTES));
    private RunningApp app;
    private HeadlessBrowser browser;
    private ApiClient api;

    private void start(Map<String, String> env) {
        HeadlessBrowser.requireChromium();
        app = RunningApp.start(env, clock);
        browser = HeadlessBrowser.start(app.baseUrl() + "/", Path.of("target", "screenshots"));
        api = new ApiClient(app.baseUrl());
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
    void aUserSetsAnAppUpOnTheProfileSignsInWithItsCodeAndAnAdministratorRemovesIt() throws Exception {
        start(Map.of("USERPOOL_ADMIN_EMAILS", ADMIN));
        api.register(ADMIN);
        String email = "totp-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        api.register(email);

        signIn(email);
        browser.waiting().until(ExpectedConditions.urlContains("ride.html"));
        browser.open("profile.html");
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("mfa-state"), "data-state", "none"));
        browser.click("mfa-setup");
        String secret = browser.field("mfa-secret").getText().replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(browser.field("mfa-secret").getText()).as("grouped for typing").matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        String uri = browser.field("mfa-uri").getDomAttribute("href");
        assertThat(uri).startsWith("otpauth://totp/").contains("secret=" + secret);
        assertThat(qrCodeText("mfa-qr")).isEqualTo(uri);
        browser.shot("totp-profile-setup");

        // a wrong code is refused with the server's words, and the key stays on the page to try again
        browser.type("mfa-verify-code", wrong(secret));
        browser.click("mfa-verify");
        assertThat(messageOfKind("mfa-message", "error")).isEqualTo("Code mismatch and fail enable Software Token MFA");
        assertThat(browser.field("mfa-secret").getText().replace(" ", "")).isEqualTo(secret);

        browser.type("mfa-verify-code", code(secret));
        browser.click("mfa-verify");
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("mfa-state"), "data-state", "enabled"));
        assertThat(browser.field("mfa-state").getText()).startsWith("On");
        assertThat(browser.driver().findElement(By.id("mfa-verify-form")).isDisplayed()).as("the key is gone").isFalse();
        browser.click("mfa-prefer");
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("mfa-state"), "data-state", "preferred"));
        browser.shot("totp-profile-on");
        signOut();

        // the next sign-in asks the code: a wrong one is refused (and uses the sign-in up), the right one signs in
        clock.advance(Duration.ofSeconds(30));
        signIn(email);
        browser.field("mfa-form");
        browser.type("mfa-code", wrong(secret));
        browser.click("mfa-submit");
        assertThat(browser.messageOfKind("error")).isEqualTo("Invalid code received for user");
        browser.type("password", ApiClient.PASSWORD);
        browser.click("submit");
        browser.type("mfa-code", code(secret));
        browser.click("mfa-submit");
        browser.waiting().until(ExpectedConditions.urlContains("ride.html"));
        assertThat(signedInAs()).isEqualTo(email);
        signOut();

        // the administrator sees the app and removes it
        browser.open("signin.html?next=admin.html");
        browser.type("email", ADMIN);
        browser.type("password", ApiClient.PASSWORD);
        browser.click("submit");
        browser.waiting().until(ExpectedConditions.urlContains("admin.html"));
        browser.type("admin-mfa-email", email);
        browser.click("admin-mfa-show");
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("admin-mfa-state"), "data-verified", "true"));
        assertThat(browser.field("admin-mfa-state").getText()).contains("set up (verified), on, preferred");
        browser.shot("totp-admin-view");
        browser.click("admin-mfa-remove");
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(messageOfKind("admin-mfa-message", "ok")).contains("removed");
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("admin-mfa-state"), "data-verified", "false"));
        assertThat(browser.field("admin-mfa-state").getText()).contains("No authenticator app is set up.");
        signOut();

        // the password alone signs in again
        signIn(email);
        browser.waiting().until(ExpectedConditions.urlContains("ride.html"));
        assertThat(signedInAs()).isEqualTo(email);
        assertThat(browser.policyViolations()).isEmpty();

        List<AuditEvent> trail = app.component().auditQueries().forEmail(email, PageRequest.first(60)).items();
        assertThat(trail).filteredOn(e -> e.type() == AuditEventType.MFA_REMOVED_BY_ADMIN).hasSize(1);
        assertThat(trail.toString()).doesNotContain(secret);
    }

    @Test
    void wherePoolRequiresMfaTheSignInPageSetsAnAppUpFirstAndTheProfileSaysWhyItStaysOn() throws Exception {
        start(Map.of("USERPOOL_MFA", "on"));
        String email = "totp-setup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        api.register(email);

        signIn(email);
        browser.field("mfa-setup-form");
        String secret = browser.field("mfa-setup-secret").getText().replace(" ", "");
        assertThat(qrCodeText("mfa-setup-qr"))
                .isEqualTo(browser.field("mfa-setup-uri").getDomAttribute("href")).contains("secret=" + secret);
        browser.type("mfa-setup-code", wrong(secret));
        browser.click("mfa-setup-submit");
        assertThat(messageOfKind("mfa-setup-message", "error")).isEqualTo("Code mismatch and fail enable Software Token MFA");
        assertThat(browser.field("mfa-setup-secret").getText().replace(" ", "")).as("the key stays").isEqualTo(secret);
        browser.shot("totp-signin-setup");
        browser.type("mfa-setup-code", code(secret));
        browser.click("mfa-setup-submit");
        browser.waiting().until(ExpectedConditions.urlContains("ride.html"));
        assertThat(signedInAs()).isEqualTo(email);

        // the profile shows the app; turning it off is refused in this pool, and the card says why
        browser.open("profile.html");
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("mfa-state"), "data-state", "verified"));
        browser.click("mfa-enable");
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("mfa-state"), "data-state", "enabled"));
        browser.click("mfa-disable");
        assertThat(messageOfKind("mfa-message", "error")).isEqualTo(MfaSettings.REQUIRED_BY_POOL);
        assertThat(browser.field("mfa-state").getText()).startsWith("On");
        browser.shot("totp-profile-required");
        signOut();

        // the next sign-in asks the app's code; a code entered after the 3 minutes the sign-in lasts is refused
        clock.advance(Duration.ofSeconds(30));
        signIn(email);
        browser.field("mfa-form");
        clock.advance(Duration.ofSeconds(181));
        browser.type("mfa-code", code(secret));
        browser.click("mfa-submit");
        assertThat(browser.messageOfKind("error")).isEqualTo("Invalid session for the user, session is expired.");
        browser.type("password", ApiClient.PASSWORD);
        browser.click("submit");
        browser.type("mfa-code", code(secret));
        browser.click("mfa-submit");
        browser.waiting().until(ExpectedConditions.urlContains("ride.html"));
        assertThat(browser.policyViolations()).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private void signIn(String email) {
        browser.open("signin.html");
        browser.type("email", email);
        browser.type("password", ApiClient.PASSWORD);
        browser.click("submit");
    }

    private void signOut() {
        browser.open("ride.html");
        browser.click("signout");
        browser.waiting().until(d -> ((JavascriptExecutor) d).executeScript("return sessionStorage.length") instanceof Long n && n == 0);
    }

    private String signedInAs() {
        String token = (String) ((JavascriptExecutor) browser.driver()).executeScript("return sessionStorage.getItem('userpool.accessToken')");
        return api.get("/api/me", token).json().path("email").asText();
    }

    /** Waits until the status line {@code id} shows a message of this kind; its text. */
    private String messageOfKind(String id, String kind) {
        return browser.waiting().until(d -> {
            var message = d.findElement(By.id(id));
            String classes = message.getDomAttribute("class");
            return classes != null && classes.contains(kind) && !message.getText().isBlank() ? message.getText() : null;
        });
    }

    private String code(String secret) {
        return Oathtool.code(secret, clock.instant());
    }

    /** A six-digit code that is not the app's now, nor one step either side. */
    private String wrong(String secret) {
        List<String> near = List.of(Oathtool.code(secret, clock.instant().minusSeconds(30)), code(secret),
                Oathtool.code(secret, clock.instant().plusSeconds(30)));
        for (int n = 1; ; n++) {
            String candidate = String.format("%06d", (n * 137_911) % 1_000_000);
            if (!near.contains(candidate)) return candidate;
        }
    }

    /**
     * The text of the QR code the page drew on canvas {@code id} from the server's PNG (createImageBitmap
     * decodes it: a broken PNG draws nothing), read back as a PNG and decoded by zxing.
     */
    private String qrCodeText(String id) throws Exception {
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id(id), "data-drawn", "true"));
        String dataUri = (String) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.getElementById(arguments[0]).toDataURL('image/png')", id);
        assertThat(dataUri).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG").isNotNull();
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
