package cn.gonggaigong.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Chinese login page of the embedded identity: pages send a stranger to it, a wrong password is told in
 * Chinese, the right one leads to the page first asked for; the APIs still answer 401, the assets are public, and
 * the session cookie is not sent with other sites' requests (the pages' API calls need no CSRF token).
 */
class LoginPageBrowserIT extends BrowserTestSupport {

    @Autowired
    IdentityService identityService;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** An officer of this test's own, whose password it changes (the other tests' users keep theirs). */
    private static final String NEW_OFFICER = "pwchange1";
    /** An officer of this test's own, whom it locks out. */
    private static final String LOCKED_OFFICER = "locktest1";

    /** The other tests share this application: lift the delay Camunda puts on a user after a wrong password. */
    @AfterEach
    void unlockTheUserWhoMistyped() {
        identityService.unlockUser("applicant2");
        for (String own : new String[] {NEW_OFFICER, LOCKED_OFFICER}) {
            if (identityService.createUserQuery().userId(own).count() > 0) {
                identityService.deleteUser(own);
            }
        }
    }

    /**
     * Camunda's 注销, in each webapp, ends the session as the pages' 退出登录 does: before, Camunda forgot only its own
     * record, and its container-based authentication logged the user in again from the session at once. Tasklist as an
     * officer, Cockpit as the leading group, Admin as the administrator.
     */
    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({"tasklist, zhanlong1", "cockpit, leader1", "admin, admin"})
    void camundasLogoutEndsTheSession(String webapp, String user) {
        String app = "/camunda/app/" + webapp + "/default/";
        logIn(user);
        browser.get(url(app));
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account a[uib-dropdown-toggle]"))).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout a"))).click();
        // The product's login page, not Camunda's own form (#/login), which the webapp shows first.
        waiting().until(d -> d.getCurrentUrl().startsWith(url("/login")));
        assertThat(find("#username").isDisplayed()).isTrue();
        // The place the webapp was at is not kept for the next login, which may be another person's.
        assertThat(((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('ggg.placeAfterLogin')"))
                .isNull();
        browser.get(url("/tasks"));
        waiting().until(d -> d.getCurrentUrl().startsWith(url("/login")));

        // Logging in again leads back to the webapp.
        browser.get(url(app));
        waiting().until(d -> d.getCurrentUrl().startsWith(url("/login")));
        find("#username").sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account a[uib-dropdown-toggle]")));
        assertThat(browser.getCurrentUrl()).startsWith(url(app));
    }

    /**
     * Every page's header offers 修改密码: in the embedded mode Camunda keeps the passwords, and its welcome page (in
     * Chinese) changes one's own. The new password is the one that logs in after.
     */
    @Test
    void anOfficerChangesTheirOwnPasswordFromTheHeader() {
        zhanlongOfficer(NEW_OFFICER, "改密测试");

        logIn(NEW_OFFICER);
        WebElement change = find("#change-password");
        assertThat(change.getText()).isEqualTo("修改密码");
        change.click();
        waiting().until(ExpectedConditions.urlContains("/camunda/app/welcome/"));
        find(".user-profile .action-links a[ng-click=\"showForm('password')\"]").click();
        find("#user-password-current").sendKeys("demo");
        find(".change-password [cam-widget-password] input[type=password]").sendKeys("Gaimi-2026-new");
        find("#user-password-confirmation").sendKeys("Gaimi-2026-new");
        WebElement submit = find(".change-password button[type=submit]");
        waiting().until(ExpectedConditions.elementToBeClickable(submit)).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "密码已修改"));

        assertThat(identityService.checkPassword(NEW_OFFICER, "Gaimi-2026-new")).isTrue();
        logIn(NEW_OFFICER, "Gaimi-2026-new");
        assertThat(find("#current-user").getDomAttribute("data-user-id")).isEqualTo(NEW_OFFICER);
    }

    /**
     * Camunda refuses a user's attempts for a while after a wrong password (without looking at the password), and for
     * good after 10 in a row. The login page says which it is, counts down the last wrong passwords left, and says
     * who unlocks the account; before, every one of these was "用户名或密码错误", the right password too.
     */
    @Test
    void theLoginPageSaysWhenAndWhyAnAccountIsLockedAndHowManyTriesAreLeft() {
        zhanlongOfficer(LOCKED_OFFICER, "锁定测试");
        browser.manage().deleteAllCookies();

        // Seven wrong passwords already: the eighth leaves two, and a wait of a minute.
        jdbc.update("update act_id_user set attempts_ = 7, lock_exp_time_ = null where id_ = ?", LOCKED_OFFICER);
        String refused = loginRefused(LOCKED_OFFICER, "wrong-password");
        assertThat(refused).startsWith("用户名或密码错误，请重新输入。").contains("再输错2次，账号将被锁定")
                .containsPattern("请于(5[0-9]|60)秒后再试");
        // The right password during that minute is refused without being looked at, and says so.
        refused = loginRefused(LOCKED_OFFICER, "demo");
        assertThat(refused).startsWith("账号暂时锁定").containsPattern("请于(5[0-9]|60)秒后重新登录")
                .contains("本次输入的密码未经核对");

        // The tenth wrong password locks the account until an administrator unlocks it; the right one is refused.
        jdbc.update("update act_id_user set attempts_ = 9, lock_exp_time_ = null where id_ = ?", LOCKED_OFFICER);
        assertThat(loginRefused(LOCKED_OFFICER, "wrong-again")).startsWith("账号已锁定：密码已连续输错10次")
                .contains("请联系系统管理员解锁");
        assertThat(loginRefused(LOCKED_OFFICER, "demo")).startsWith("账号已锁定");
        assertThat(loginRefused("no-such-user", "demo")).isEqualTo("用户名或密码错误，请重新输入。");

        identityService.unlockUser(LOCKED_OFFICER); // Admin's 解锁用户
        logIn(LOCKED_OFFICER);
        assertThat(find("#current-user").getDomAttribute("data-user-id")).isEqualTo(LOCKED_OFFICER);
    }

    /** A town officer of 占陇镇 of this test's own, password demo. */
    private void zhanlongOfficer(String id, String firstName) {
        User officer = identityService.newUser(id);
        officer.setFirstName(firstName);
        officer.setLastName("经办员");
        officer.setPassword("demo");
        identityService.saveUser(officer);
        identityService.createMembership(id, "town-zhanlong");
    }

    /** Logs in on the login page and expects the refusal; its text. */
    private String loginRefused(String user, String password) {
        browser.get(url("/login"));
        find("#username").sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.urlContains("/login?error"));
        return find("#login-error").getText();
    }

    /**
     * A login page left open until its session ended (timeout, or the application restarted) comes back saying so,
     * and the login goes through on it; before, its form's stale token led to the error page 无法处理该请求.
     */
    @Test
    void aLoginPageLeftOpenTooLongSaysItHadExpired() {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        find("#username").sendKeys("zhanlong1");
        browser.findElement(By.id("password")).sendKeys("demo");
        // What the session's end does to the page: its session, and the CSRF token kept in it, are gone.
        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.findElement(By.id("login-submit")).click();

        waiting().until(ExpectedConditions.urlContains("/login?expired"));
        assertThat(find("#login-expired").getText()).isEqualTo("登录页面已过期（长时间未操作，或系统已重新启动），请重新输入用户名和密码。");
        find("#username").sendKeys("zhanlong1");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.urlContains("/tasks"));
        waitUntilReady();
        assertThat(find("#current-user").getDomAttribute("data-user-id")).isEqualTo("zhanlong1");
    }

    /** 退出登录 on a page left open until its session ended logs out all the same, and says so. */
    @Test
    void loggingOutFromAPageOlderThanItsSessionLogsOut() {
        logIn("zhanlong1");
        browser.manage().deleteCookieNamed("JSESSIONID");
        find("#logout").click();
        waiting().until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(find("#login-logout").getText()).isEqualTo("您已安全退出。");

        // And on a page whose session was replaced (logged in again in another tab): that session ends.
        logIn("zhanlong1");
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelector('#logout').closest('form').querySelector('input[type=hidden]').value = 'stale'");
        find("#logout").click();
        waiting().until(ExpectedConditions.urlContains("/login?logout"));
        browser.get(url("/tasks"));
        waiting().until(d -> d.getCurrentUrl().startsWith(url("/login")));
        assertThat(browser.manage().getCookieNamed("JSESSIONID").getValue()).isNotEqualTo(session);
    }

    @Test
    void pagesAskForLoginInChineseAndReturnToThePageAskedFor() {
        browser.manage().deleteAllCookies();
        browser.get(url("/my-applications"));
        waiting().until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.getTitle()).startsWith("登录");
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("用户名");
        assertThat(browser.findElement(By.cssSelector("label[for=password]")).getText()).isEqualTo("密码");

        browser.findElement(By.id("username")).sendKeys("applicant2");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.urlContains("/login?error"));
        assertThat(find("#login-error").getText()).isEqualTo("用户名或密码错误，请重新输入。");
        assertThat(browser.findElement(By.id("login-error")).getDomAttribute("role")).isEqualTo("alert");

        browser.findElement(By.id("username")).sendKeys("applicant1");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.urlContains("/my-applications"));
        waitUntilReady();
        assertThat(find("#current-user").getDomAttribute("data-user-id")).isEqualTo("applicant1");
        // The address as it was asked for, with nothing of the login's added (Spring Security's ?continue).
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/my-applications"));

        find("#logout").click();
        waiting().until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(find("#login-logout").getText()).isEqualTo("您已安全退出。");
        browser.get(url("/tasks"));
        waiting().until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void aLinkToATaskInTasklistOpensThatTaskAfterTheLogin() {
        browser.manage().deleteAllCookies();
        String link = url("/camunda/app/tasklist/default/#/?searchQuery=%5B%5D&task=no-such-task-from-a-notice");
        browser.get(link);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys("zhanlong1");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
        waiting().until(d -> d.getCurrentUrl().contains("task=no-such-task-from-a-notice"));
        assertThat(browser.getCurrentUrl()).contains("/camunda/app/tasklist/default/").contains("#/?searchQuery=");
        // Tasklist drawn: left while it still starts, the next test's first page raced its requests (renderer timeout).
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tasks-list")));
    }

    /**
     * The session ended under an open Tasklist (here its cookie is gone; a timeout or a restart does the same), and the
     * officer then opens a task there, or a link to one in the same tab, which changes only the place after #: Tasklist's
     * next call is refused and it goes to its login form, which leads to the product's. After the login, that task
     * opens, not Tasklist's start.
     */
    @Test
    void aTaskOpenedInTasklistAfterItsSessionEndedOpensAfterTheLogin() {
        logIn("zhanlong1");
        browser.get(url("/camunda/app/tasklist/default/"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tasks-list")));
        browser.manage().deleteAllCookies();

        browser.get(url("/camunda/app/tasklist/default/#/?searchQuery=%5B%5D&task=no-such-task-opened-late"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(url("/login"));
        browser.findElement(By.id("username")).sendKeys("zhanlong1");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login-submit")).click();
        waiting().until(d -> d.getCurrentUrl().contains("task=no-such-task-opened-late"));
        assertThat(browser.getCurrentUrl()).startsWith(url("/camunda/app/tasklist/default/"));
        assertThat(((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('ggg.placeAfterLogin')"))
                .isNull();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tasks-list")));
    }

    @Test
    void apisAnswer401AssetsArePublicAndTheSessionCookieStaysOnThisSite() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(url("/api/tasks")))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(url("/tasks")))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).get().asString().endsWith("/login");
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax"));
        HttpResponse<String> script = client.send(HttpRequest.newBuilder(URI.create(url("/assets/tasks.js"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).get().asString().contains("javascript");
    }
}
