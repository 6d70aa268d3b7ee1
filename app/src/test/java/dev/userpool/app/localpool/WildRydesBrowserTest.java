package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The walk-through's browser code — amazon-cognito-identity-js in the pages under /wildrydes/, the
 * library file the build took from the npm package — in a real headless Chromium against the local
 * pool: register, verify with the mailed code, sign in (SRP, in the browser), the protected page, sign
 * out. Skipped locally without Chromium and its driver; under CI=true their absence fails the build.
 */
class WildRydesBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String SKIPPED = "Browser test skipped: install Chromium and its driver with "
            + "`apt-get install chromium chromium-driver`";
    static final String PASSWORD = "Giddy-Up-Unicorn-7";
    static final Path SCREENSHOTS = Path.of("target", "screenshots", "wildrydes");
    static final Duration WAIT = Duration.ofSeconds(20);

    private RunningApp app;
    private ApiClient api;
    private Path profile;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowserAndServer() throws IOException {
        requireBrowser();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        app = RunningApp.start(Map.of());
        api = new ApiClient(app.baseUrl());
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
        wait.ignoring(StaleElementReferenceException.class);
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
    void registerVerifySignInAndRideWithTheCognitoLibrary() throws IOException {
        String email = "wild-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        // Without a session the protected page sends the visitor to sign in.
        open("ride.html");
        wait.until(ExpectedConditions.urlContains("signin.html"));

        open("register.html");
        type("emailInputRegister", email);
        type("passwordInputRegister", PASSWORD);
        type("password2InputRegister", PASSWORD);
        click("registerButton");
        wait.until(ExpectedConditions.urlContains("verify.html"));
        assertThat(field("emailInputVerify").getDomProperty("value")).isEqualTo(email);

        // A wrong code is refused with Cognito's words, through the library.
        String code = api.latestCode(email);
        type("codeInputVerify", otherThan(code));
        click("verifyButton");
        assertThat(messageOfKind("error")).isEqualTo("Invalid verification code provided, please try again.");
        type("codeInputVerify", code);
        click("verifyButton");
        wait.until(ExpectedConditions.urlContains("signin.html"));
        shot("verified");

        type("passwordInputSignin", "Not-The-Password-1");
        click("signinButton");
        assertThat(messageOfKind("error")).isEqualTo("Incorrect username or password.");

        type("passwordInputSignin", PASSWORD);
        click("signinButton");
        wait.until(ExpectedConditions.urlContains("ride.html"));
        wait.until(ExpectedConditions.textToBe(By.id("who"), email));
        assertThat(field("status").getText()).isEqualTo("CONFIRMED");
        assertThat(field("issuer").getText()).isEqualTo(app.baseUrl() + "/local_Userpool1");
        assertThat(libraryStorageKeys()).as("the library keeps its session where it keeps a Cognito session")
                .anyMatch(k -> k.startsWith("CognitoIdentityServiceProvider.userpool-local.") && k.endsWith(".idToken"));
        assertThat(driver.getCurrentUrl()).doesNotContain("eyJ");
        shot("ride");

        click("signOut");
        wait.until(ExpectedConditions.urlContains("signin.html"));
        assertThat(libraryStorageKeys()).noneMatch(k -> k.endsWith(".idToken"));
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
        driver.get(app.baseUrl() + "/wildrydes/" + page);
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

    private String messageOfKind(String kind) {
        return wait.until(d -> {
            WebElement message = d.findElement(By.id("message"));
            String classes = message.getDomAttribute("class");
            return classes != null && classes.contains(kind) && !message.getText().isBlank() ? message.getText() : null;
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> libraryStorageKeys() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("return Object.keys(window.localStorage);");
    }

    private void shot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(taken, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String otherThan(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static void deleteQuietly(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
