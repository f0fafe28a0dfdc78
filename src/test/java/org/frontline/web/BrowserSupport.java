package org.frontline.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base for browser tests: one headless Debian Chromium per test class, driven by Debian's chromedriver (no
 * browser download). Without them the tests are skipped with a loud notice — except in CI ({@code CI=true}),
 * where a missing browser is a failure. Subclasses add {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}.
 */
public abstract class BrowserSupport {

    static final Path CHROMIUM = Path.of(System.getProperty("frontline.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("frontline.chromedriver", "/usr/bin/chromedriver"));

    protected static ChromeDriver browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!browserAvailable()) {
            String msg = "BROWSER TESTS NOT RUN: need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg + " — CI=true, so this is a failure");
            }
            System.err.println("\n" + "!".repeat(100) + "\n!!! " + msg + "\n" + "!".repeat(100) + "\n");
            Assumptions.assumeTrue(false, msg);
        }
        browser = launch();
    }

    public static boolean browserAvailable() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A fresh headless Chromium with its own profile under target/ and the console log kept. */
    public static ChromeDriver launch() throws IOException {
        Path profile = Files.createDirectories(Path.of("target", "chromium-profiles"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,860",
                // Keep timers and animation frames running even if Chromium thinks the page is hidden:
                // the map waits for a frame before it reports a redraw done.
                "--disable-renderer-backgrounding",
                "--disable-background-timer-throttling",
                "--disable-backgrounding-occluded-windows",
                "--user-data-dir="
                        + Files.createTempDirectory(profile, "profile-").toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    protected String url(String pathAndQuery) {
        return "http://localhost:" + port + pathAndQuery;
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    protected WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    /** Console messages at SEVERE level since the last call (reading the log empties it). */
    protected List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
    }

    protected Path screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = dir.resolve(name);
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
