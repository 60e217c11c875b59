package cn.gonggaigong.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * One headless Debian Chromium, driven through Debian's chromedriver (never a downloaded browser or driver), 1366×768,
 * Chinese locale, a fresh profile under target/chromium-profiles, removed after. Used by the browser tests of both
 * identity modes ({@link BrowserTestSupport}, and the Keycloak mode's own) through {@link PerClass}.
 */
public final class Chromium {

    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    /** How long a page may take to do what the test waits for (a condition, not a measured time). */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final Path profile;

    private Chromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Chromium start() throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chromium-profiles")).toAbsolutePath(), "profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1366,768", "--lang=zh-CN");
        // The page's console, kept for a failed test's record (testFailed).
        options.setCapability("goog:loggingPrefs", java.util.Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE);
        return new Chromium(driver, profile);
    }

    private void stop() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * One browser per test class, for {@code @RegisterExtension static final Chromium.PerClass}: started before the
     * class's own {@code @BeforeAll} methods, stopped after its tests. When a test fails, what the browser showed is
     * saved: target/e2e-screenshots/Class.method.png, .html and .console.txt (the page's console).
     */
    public static final class PerClass implements BeforeAllCallback, AfterAllCallback, TestWatcher {

        private Chromium chromium;

        /** The browser of the running test class. */
        public WebDriver driver() {
            return chromium.driver;
        }

        /** Forgets every site's cookies (WebDriver's own deleteAllCookies forgets only the open page's site's). */
        public void forgetEveryLogin() {
            ((ChromeDriver) chromium.driver).executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        }

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            chromium = Chromium.start();
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            if (chromium != null) {
                chromium.stop();
                chromium = null;
            }
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (chromium == null) {
                return;
            }
            WebDriver browser = chromium.driver;
            try {
                Path dir = Files.createDirectories(Path.of("target", "e2e-screenshots"));
                String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
                Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                Files.writeString(dir.resolve(name + ".html"), browser.getPageSource(), StandardCharsets.UTF_8);
                // The console since the last read (each read empties it): errors of the page's scripts and of its requests.
                StringBuilder console = new StringBuilder();
                for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                    console.append(java.time.Instant.ofEpochMilli(entry.getTimestamp())).append(' ').append(entry.getLevel())
                            .append(' ').append(entry.getMessage()).append('\n');
                }
                Files.writeString(dir.resolve(name + ".console.txt"), console, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
