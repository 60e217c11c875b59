package cn.gonggaigong.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import cn.gonggaigong.ApplicationTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the whole application (the shared context of {@link ApplicationTestSupport}) and one
 * headless Debian Chromium per test class, driven through Debian's chromedriver (never a downloaded browser or
 * driver), 1366×768, Chinese locale, a fresh profile. When a test fails, its screenshot and page HTML are saved
 * under target/e2e-screenshots/.
 */
@ExtendWith(BrowserTestSupport.SaveOnFailure.class)
public abstract class BrowserTestSupport extends ApplicationTestSupport {

    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    /** How long a page may take to do what the test waits for (a condition, not a measured time). */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    protected static WebDriver browser;
    private static Path profile;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chromium-profiles")).toAbsolutePath(), "profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1366,768", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(PATIENCE);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens a page of the application and waits until its script has drawn it. */
    protected void open(String path) {
        browser.get(url(path));
        waitUntilReady();
    }

    protected void waitUntilReady() {
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    protected WebDriverWait waiting() {
        return new WebDriverWait(browser, PATIENCE);
    }

    /** Logs in on the Chinese login page as a demo user (forgetting whoever was logged in) and lands on 我的待办. */
    protected void logIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.urlContains("/tasks"));
        waitUntilReady();
    }

    /** Whether the page's html element has the class (Camunda's webapps: officer-view.js's ggg-officer, ggg-administrator). */
    protected static boolean pageMarkedAs(String mark) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.classList.contains(arguments[0])", mark));
    }

    protected WebElement find(String css) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Saves what the browser showed when a test failed: target/e2e-screenshots/Class.method.png and .html. */
    static class SaveOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser == null) {
                return;
            }
            try {
                Path dir = Files.createDirectories(Path.of("target", "e2e-screenshots"));
                String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
                Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                Files.writeString(dir.resolve(name + ".html"), browser.getPageSource(), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
