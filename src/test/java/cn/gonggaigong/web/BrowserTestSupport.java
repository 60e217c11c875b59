package cn.gonggaigong.web;

import java.time.Duration;

import cn.gonggaigong.ApplicationTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the whole application (the shared context of {@link ApplicationTestSupport}) and one
 * headless Debian Chromium per test class ({@link Chromium}). When a test fails, its screenshot, page HTML and console are saved
 * under target/e2e-screenshots/.
 */
public abstract class BrowserTestSupport extends ApplicationTestSupport {

    /** How long a page may take to do what the test waits for (a condition, not a measured time). */
    static final Duration PATIENCE = Chromium.PATIENCE;

    @RegisterExtension
    static final Chromium.PerClass CHROMIUM = new Chromium.PerClass();

    /** The test class's browser (started by {@link #CHROMIUM} before this is set). */
    protected static WebDriver browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void useTheClassesBrowser() {
        browser = CHROMIUM.driver();
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
        logIn(user, "demo");
    }

    /** Logs in on the Chinese login page with this password (forgetting whoever was logged in) and lands on 我的待办. */
    protected void logIn(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.urlContains("/tasks"));
        waitUntilReady();
    }

    /**
     * The login expires (the session ends, as after the server's idle time); the button then leads to the login page,
     * where this user logs in again and is brought back to the page whose address contains backTo.
     */
    protected void expireTheLoginThenClick(String button, String user, String backTo) {
        browser.manage().deleteCookieNamed("JSESSIONID");
        find(button).click();
        waiting().until(ExpectedConditions.urlContains("/login"));
        find("#username").sendKeys(user);
        find("#password").sendKeys("demo");
        find("#login-submit").click();
        waiting().until(ExpectedConditions.urlContains(backTo));
        waitUntilReady();
    }

    /**
     * Whether leaving the page now would be asked about: the page cancels a beforeunload event (the browser then asks
     * in its own words; headless Chromium under WebDriver leaves without showing it, so the page's answer is read).
     */
    protected static boolean pageAsksBeforeLeaving() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;"));
    }

    /** Whether the page's html element has the class (Camunda's webapps: officer-view.js's ggg-officer, ggg-administrator). */
    protected static boolean pageMarkedAs(String mark) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.classList.contains(arguments[0])", mark));
    }

    protected WebElement find(String css) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }
}
