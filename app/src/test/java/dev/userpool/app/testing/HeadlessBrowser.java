package dev.userpool.app.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, for the browser tests: pages under one root, the
 * steps a person takes (type, click, read the status message), screenshots for humans. Locally a
 * missing browser skips the test; under {@code CI=true} it fails it.
 */
public final class HeadlessBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(20);

    private final String root;
    private final Path screenshots;
    private final Path profile;
    private final WebDriver driver;
    private final WebDriverWait wait;

    private HeadlessBrowser(String root, Path screenshots, Path profile, WebDriver driver) {
        this.root = root.endsWith("/") ? root : root + "/";
        this.screenshots = screenshots;
        this.profile = profile;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);   // pages re-render lists while we read them
    }

    /** Skips the calling test when Chromium is missing, or fails it under {@code CI=true}. */
    public static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) return;
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail("Browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install them with `apt-get install chromium chromium-driver`");
        }
        Assumptions.assumeTrue(false, "Browser test skipped: install Chromium and its driver with "
                + "`apt-get install chromium chromium-driver`");
    }

    /** A fresh browser profile; pages are opened relative to {@code root}. */
    public static HeadlessBrowser start(String root, Path screenshots) {
        requireChromium();
        // Never let Selenium Manager look for (or download) a driver: this one is Debian's.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("userpool-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));   // for policyViolations()
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new HeadlessBrowser(root, screenshots, profile, new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    public void open(String page) {
        driver.get(root + page);
    }

    public WebElement field(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    public void type(String id, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        input.clear();
        input.sendKeys(text);
    }

    public void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Waits until #message shows a status of this kind (error, ok, …) and returns its text. */
    public String messageOfKind(String kind) {
        return wait.until(d -> {
            WebElement message = d.findElement(By.id("message"));
            String classes = message.getDomAttribute("class");
            return classes != null && classes.contains(kind) && !message.getText().isBlank() ? message.getText() : null;
        });
    }

    /**
     * What Chromium refused under the page's Content-Security-Policy since the last call (it reports
     * each refusal on the console: "Refused to … because it violates the following Content Security
     * Policy directive …").
     */
    public List<String> policyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
    }

    public void shot(String name) throws IOException {
        Files.createDirectories(screenshots);
        Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(taken, screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** A six-digit code that is surely not {@code code}. */
    public static String otherThan(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a leftover temp profile is only clutter
            }
        }
    }
}
