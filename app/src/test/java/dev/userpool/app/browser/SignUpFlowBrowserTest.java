package dev.userpool.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.RunningApp;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The walk-through as a person does it, in a real (headless) Chromium against the real server:
 * register, read the code in the development mailbox, verify, sign in, see who is signed in on
 * ride.html, sign out, and be sent back to sign-in.
 */
class SignUpFlowBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String SKIPPED = "Browser test skipped: install Chromium and its driver with "
            + "`apt-get install chromium chromium-driver`";
    static final Pattern SIX_DIGITS = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");
    static final String PASSWORD = "Giddy-Up-Unicorn-7";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(20);

    private RunningApp app;
    private Path profile;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowserAndServer() throws IOException {
        requireBrowser();
        // Never let Selenium Manager look for (or download) a driver: this one is Debian's.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());

        app = RunningApp.start(Map.of("USERPOOL_VERIFICATION", "code"));
        profile = Files.createTempDirectory("userpool-chromium-");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);   // pages re-render lists while we read them
    }

    @AfterEach
    void stop() throws IOException {
        try {
            if (driver != null) driver.quit();
        } finally {
            if (app != null) app.close();
            deleteQuietly(profile);
        }
    }

    @Test
    void registerVerifySignInSeeTheRideAndSignOut() throws IOException {
        String email = "rider-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        // A protected page without tokens sends the visitor to sign in.
        open("ride.html");
        wait.until(ExpectedConditions.urlContains("signin.html"));

        // Register.
        open("register.html");
        type("email", email);
        type("password", PASSWORD);
        type("password2", PASSWORD);
        click("submit");
        wait.until(ExpectedConditions.urlContains("verify.html"));
        assertThat(field("email").getDomProperty("value")).isEqualTo(email);
        shot("verify");

        // Read the code where the embedded server "sent" it.
        open("mailbox.html?to=" + encode(email));
        String code = wait.until(d -> codeInMailbox());
        shot("mailbox");

        // A wrong code is refused in words a person understands.
        open("verify.html?email=" + encode(email));
        type("code", otherThan(code));
        click("submit");
        assertThat(messageOfKind("error")).contains("That code is not right");

        // The right code confirms the account and leads to sign-in.
        type("code", code);
        click("submit");
        wait.until(ExpectedConditions.urlContains("signin.html"));
        assertThat(field("email").getDomProperty("value")).isEqualTo(email);

        // A wrong password is refused with the server's words, not a generic failure.
        type("password", "Not-The-Password-1");
        click("submit");
        assertThat(messageOfKind("error")).isNotBlank().doesNotContain("Something went wrong");

        // Sign in and see who is signed in.
        type("password", PASSWORD);
        click("submit");
        wait.until(ExpectedConditions.urlContains("ride.html"));
        wait.until(ExpectedConditions.textToBe(By.id("who"), email));
        assertThat(field("status").getText()).isEqualTo("CONFIRMED");
        assertThat(field("email-verified").getText()).startsWith("Yes");
        assertThat(driver.getCurrentUrl()).doesNotContain("eyJ");   // tokens never travel in a URL
        assertThat(sessionItem("userpool.accessToken")).isNotBlank();
        shot("ride");

        // Sign out: tokens are gone and the protected page sends us to sign in again.
        click("signout");
        wait.until(ExpectedConditions.urlContains("signin.html"));
        assertThat(sessionItem("userpool.idToken")).isNull();
        assertThat(sessionItem("userpool.accessToken")).isNull();
        assertThat(sessionItem("userpool.refreshToken")).isNull();
        open("ride.html");
        wait.until(ExpectedConditions.urlContains("signin.html"));
    }

    // ------------------------------------------------------------------ helpers

    private static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (present) return;
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail("Browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install them with `apt-get install chromium chromium-driver`");
        }
        Assumptions.assumeTrue(false, SKIPPED);
    }

    private void open(String page) {
        URI base = app.baseUrl();
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        driver.get(root + page);
    }

    private WebElement field(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void type(String id, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        input.clear();
        input.sendKeys(text);
    }

    private void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Waits until #message shows a status of this kind (error, ok, …) and returns its text. */
    private String messageOfKind(String kind) {
        return wait.until(d -> {
            WebElement message = d.findElement(By.id("message"));
            String classes = message.getDomAttribute("class");
            return classes != null && classes.contains(kind) && !message.getText().isBlank() ? message.getText() : null;
        });
    }

    /** The six-digit code of the newest message, or null (after asking the page to look again). */
    private String codeInMailbox() {
        for (WebElement body : driver.findElements(By.cssSelector("#messages .text-body"))) {
            Matcher m = SIX_DIGITS.matcher(body.getText());
            if (m.find()) return m.group(1);
        }
        WebElement again = driver.findElement(By.id("submit"));
        if (again.isEnabled()) again.click();
        return null;
    }

    private String sessionItem(String key) {
        return (String) ((JavascriptExecutor) driver).executeScript("return window.sessionStorage.getItem(arguments[0]);", key);
    }

    private void shot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(taken, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String otherThan(String code) {
        int wrong = (Integer.parseInt(code) + 1) % 1_000_000;
        return String.format("%06d", wrong);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
