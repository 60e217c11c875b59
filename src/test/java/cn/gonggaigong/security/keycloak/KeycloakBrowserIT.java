package cn.gonggaigong.security.keycloak;

import java.util.List;

import cn.gonggaigong.web.Chromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Keycloak mode in a real browser (Debian's Chromium against the real Keycloak of {@link KeycloakServer}): an
 * officer logs in at the realm's login page and lands on Camunda's welcome page, where users and passwords are the
 * realm's, which Camunda only reads.
 */
class KeycloakBrowserIT extends KeycloakApplicationTestSupport {

    private static final String WELCOME = "/camunda/app/welcome/default/";

    @RegisterExtension
    static final Chromium.PerClass CHROMIUM = new Chromium.PerClass();

    private static WebDriver browser;

    @BeforeAll
    static void useTheClassesBrowser() {
        browser = CHROMIUM.driver();
    }

    @BeforeEach
    void allowTheApplicationsRandomPortAsRedirect() {
        // keycloak-realm.json allows http://localhost:8080/*; this application runs on a random port.
        keycloak().allowRedirect(appUrl("/*"));
    }

    /**
     * Camunda's welcome page offers 编辑个人资料 and 修改密码 to everyone, and its read-only identity service refuses
     * both here. An officer is offered 修改密码 on Keycloak's account console instead, there and in the product's
     * header, and that page opens on the Keycloak session of the login.
     */
    @Test
    void theWelcomePageSendsAnOfficerToKeycloakToChangeThePassword() {
        CHROMIUM.forgetEveryLogin();
        browser.get(appUrl(WELCOME));
        logInAtKeycloak("zhanlong1");
        waiting().until(ExpectedConditions.urlContains(WELCOME));

        waiting().until(d -> pageMarkedAs("ggg-external-identity"));
        WebElement password = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".user-profile .action-links li.ggg-password-page a")));
        assertThat(password.getText()).isEqualTo("修改密码");
        String page = keycloak().issuer() + "/account/account-security/signing-in";
        assertThat(password.getDomAttribute("href")).isEqualTo(page);
        // Camunda's own two links are there, and not shown.
        for (String form : List.of("profile", "password")) {
            List<WebElement> camundas = browser.findElements(By.cssSelector(".action-links a[ng-click=\"showForm('" + form + "')\"]"));
            assertThat(camundas).as(form).isNotEmpty().noneMatch(WebElement::isDisplayed);
        }

        // The product's pages offer the same page in their header.
        browser.get(appUrl("/tasks"));
        WebElement header = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("change-password")));
        assertThat(header.getText()).isEqualTo("修改密码");
        assertThat(header.getDomAttribute("href")).isEqualTo(page);

        // The account console opens on the same Keycloak session (no second login) at its password section.
        header.click();
        // The console is a script of its own: it logs in with its own client (on the session) and draws the page.
        waiting().ignoring(StaleElementReferenceException.class).until(d -> d.getCurrentUrl().startsWith(page)
                && d.findElement(By.tagName("body")).getText().contains("密码"));
        assertThat(browser.findElements(By.id("kc-form-login"))).isEmpty();
    }

    /**
     * 退出登录 in the pages and 注销 in Camunda's webapps end the realm's session too: on an office's shared computer the
     * next person is asked for a password, and is not let in as the one who left.
     */
    @Test
    void loggingOutAsksForThePasswordAgain() {
        CHROMIUM.forgetEveryLogin();
        browser.get(appUrl("/tasks"));
        logInAtKeycloak("zhanlong1");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("logout"))).click();
        waitForTheLoginForm();
        browser.get(appUrl("/tasks"));
        waitForTheLoginForm();

        logInAtKeycloak("zhanlong1");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
        browser.get(appUrl("/camunda/app/tasklist/default/"));
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account a[uib-dropdown-toggle]"))).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout a"))).click();
        waitForTheLoginForm();
        browser.get(appUrl("/camunda/app/tasklist/default/"));
        waitForTheLoginForm();
    }

    /**
     * 退出登录 on a page older than the application's session (which ended while the realm's did not, say in use in
     * another tab of Keycloak's account console): nothing was left here to end, and the realm's session would have let
     * the next person straight in. It leads to the realm's own logout, which asks to confirm and ends it.
     */
    @Test
    void loggingOutFromAPageOlderThanItsSessionEndsTheRealmsSessionToo() {
        CHROMIUM.forgetEveryLogin();
        browser.get(appUrl("/tasks"));
        logInAtKeycloak("zhanlong1");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.findElement(By.id("logout")).click();

        waiting().until(ExpectedConditions.urlContains(keycloak().issuer() + "/protocol/openid-connect/logout"));
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("kc-logout"))).click();
        waiting().until(d -> !d.getCurrentUrl().contains("/protocol/openid-connect/logout?"));
        browser.get(appUrl("/tasks"));
        waitForTheLoginForm();
    }

    /**
     * A link to a task in Tasklist (its place after #, which the server never sees) opens that task after the login at
     * Keycloak, whose form comes back without it; and only once: Tasklist opened later in the tab starts at its start.
     * Also when the link is opened in a tab where Tasklist is open and its session has ended (only the place after #
     * changes, Tasklist's next call is refused and it goes to its login form, which leads to Keycloak's).
     */
    @Test
    void aLinkIntoTasklistOpensWhereItPointedAfterTheLogin() {
        CHROMIUM.forgetEveryLogin();
        browser.get(appUrl("/camunda/app/tasklist/default/#/?searchQuery=%5B%5D&task=no-such-task-from-a-link"));
        logInAtKeycloak("zhanlong1");
        waiting().until(ExpectedConditions.urlContains("/camunda/app/tasklist/default/"));
        waiting().until(d -> d.getCurrentUrl().contains("task=no-such-task-from-a-link"));
        assertThat(browser.getCurrentUrl()).startsWith(appUrl("/camunda/app/tasklist/default/"));
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return sessionStorage.getItem('ggg.placeAfterLogin')")).isNull();
        // Drawn before the tab goes on: left while it still started, its calls met the next page's request, which then
        // now and then got another request's script nonce and stayed blank (Camunda's shared nonce; WebappPageNonceFilter).
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tasks-list")));

        browser.get(appUrl("/camunda/app/tasklist/default/"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tasks-list")));
        assertThat(browser.getCurrentUrl()).doesNotContain("no-such-task-from-a-link");

        CHROMIUM.forgetEveryLogin();
        browser.get(appUrl("/camunda/app/tasklist/default/#/?searchQuery=%5B%5D&task=no-such-task-opened-late"));
        logInAtKeycloak("zhanlong1");
        waiting().until(d -> d.getCurrentUrl().contains("task=no-such-task-opened-late"));
        assertThat(browser.getCurrentUrl()).startsWith(appUrl("/camunda/app/tasklist/default/"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tasks-list")));
    }

    /**
     * A session ended at Keycloak (here by an administrator, as for a colleague who left) ends in the application too:
     * Keycloak tells it through the back channel, and the next page asks for the password. Also when the colleague
     * had a second Keycloak session (here a program's token): Keycloak 26.4.7 then announced only one of the two in 5
     * of 8 tries, and the page went on working.
     */
    @Test
    void aSessionEndedAtKeycloakEndsHere() {
        keycloak().sendBackChannelLogoutTo(appUrl(KeycloakIdentityMode.BACK_CHANNEL_LOGOUT));
        keycloak().logOut("zhanlong2"); // sessions left by other tests
        loggedInTwice("zhanlong2");
        assertThat(keycloak().sessionsOf("zhanlong2")).hasSize(2);

        keycloak().logOut("zhanlong2");
        waitForTheLoginFormOnTheNextPage();
    }

    /**
     * The realm's session ended (here by an administrator) while an applicant was filling in an application: 提交申请
     * leads through the realm's login back to the form, filled in again as it was.
     */
    @Test
    void anApplicationBeingFilledInWhenTheRealmSessionEndedComesBackAfterTheLogin() {
        keycloak().sendBackChannelLogoutTo(appUrl(KeycloakIdentityMode.BACK_CHANNEL_LOGOUT));
        CHROMIUM.forgetEveryLogin();
        browser.get(appUrl("/my-applications"));
        logInAtKeycloak("applicant1");
        WebElement name = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("app-name")));
        name.sendKeys("会话结束前填写的项目");

        keycloak().logOut("applicant1");
        // Told through the back channel: the page's session here has ended once the API no longer knows it.
        waiting().until(d -> Long.valueOf(401).equals(((JavascriptExecutor) d).executeScript(
                "const x = new XMLHttpRequest(); x.open('GET', '/api/me', false); x.send(); return x.status;")));
        browser.findElement(By.id("application-submit")).click();
        waitForTheLoginForm();
        logInAtKeycloak("applicant1");
        waiting().until(ExpectedConditions.urlContains("/my-applications"));
        assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("kept-input"))).getText())
                .contains("刚才填写的内容已恢复");
        assertThat(browser.findElement(By.id("app-name")).getDomProperty("value")).isEqualTo("会话结束前填写的项目");
    }

    /**
     * Keycloak ending a session without naming it, and then announcing the end of another session of the same
     * person: the login here asks Keycloak about its own session on its next page and ends with it. (The same
     * happens, by chance, within an administrator's 注销 of everything, above; here each step is made on its own.)
     */
    @Test
    void aSessionKeycloakEndedUnannouncedEndsWhenAnotherIsAnnounced() {
        keycloak().sendBackChannelLogoutTo("");
        String person = "departed-" + Long.toString(System.nanoTime(), 36);
        String id = keycloak().createUser(person, DEMO_PASSWORD);
        try {
            String program = loggedInTwice(person);
            List<String> sessions = keycloak().sessionsOf(person);
            assertThat(sessions).hasSize(2).contains(program);
            String pages = sessions.stream().filter(session -> !session.equals(program)).findFirst().orElseThrow();

            // Unannounced (no back-channel address): the application cannot know, and its page goes on.
            keycloak().endSession(pages);
            browser.get(appUrl("/tasks"));
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));

            keycloak().sendBackChannelLogoutTo(appUrl(KeycloakIdentityMode.BACK_CHANNEL_LOGOUT));
            keycloak().endSession(program);
            waitForTheLoginFormOnTheNextPage();
        } finally {
            keycloak().sendBackChannelLogoutTo(appUrl(KeycloakIdentityMode.BACK_CHANNEL_LOGOUT));
            keycloak().deleteUser(id);
        }
    }

    /**
     * Only the sessions that Keycloak ended end here: announcing the end of a person's other session (the program's
     * token, as when they log out on another computer) leaves the page's login, whose Keycloak session is still
     * active, working.
     */
    @Test
    void anotherSessionOfTheSamePersonEndingLeavesThisOne() {
        keycloak().sendBackChannelLogoutTo(appUrl(KeycloakIdentityMode.BACK_CHANNEL_LOGOUT));
        String person = "two-desks-" + Long.toString(System.nanoTime(), 36);
        String id = keycloak().createUser(person, DEMO_PASSWORD);
        try {
            String program = loggedInTwice(person);

            keycloak().endSession(program);
            assertThat(keycloak().sessionsOf(person)).hasSize(1).doesNotContain(program);
            for (int page = 0; page < 3; page++) {
                browser.get(appUrl("/tasks"));
                waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
                assertThat(browser.getCurrentUrl()).startsWith(appUrl("/tasks"));
            }
        } finally {
            keycloak().deleteUser(id);
        }
    }

    /**
     * What an administrator changes about a logged-in person in the realm applies to the login here within the renewal
     * interval (a minute; 3 s in these tests): moved to another town (调岗), the person works on that town's tasks;
     * disabled (离职), the next page asks for a password, which no longer logs them in.
     */
    @Test
    void aPersonMovedOrDisabledAtKeycloakIsFollowedHere() {
        keycloak().sendBackChannelLogoutTo(appUrl(KeycloakIdentityMode.BACK_CHANNEL_LOGOUT));
        String person = "moved-" + Long.toString(System.nanoTime(), 36);
        String id = keycloak().createUser(person, DEMO_PASSWORD);
        try {
            keycloak().addToGroup(person, "town-zhanlong");
            CHROMIUM.forgetEveryLogin();
            browser.get(appUrl("/tasks"));
            logInAtKeycloak(person);
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
            browser.get(appUrl("/api/me"));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("\"town\":\"zhanlong\"");

            keycloak().moveToGroup(person, "town-zhanlong", "town-liushadong");
            waiting().until(d -> {
                d.get(appUrl("/api/me"));
                return d.findElement(By.tagName("body")).getText().contains("\"town\":\"liushadong\"");
            });

            keycloak().disable(person);
            waitForTheLoginFormOnTheNextPage();
        } finally {
            keycloak().deleteUser(id);
        }
    }

    /**
     * Two tabs of the application waiting at the realm's login form (the session ended while both were open, and each
     * asked for a login): the officer logs in in one, and Keycloak's form in the other notices the new session and
     * comes back by itself. Both tabs end logged in, each on the page it had asked for; neither shows
     * 统一身份认证未能完成登录 (the application kept only the latest login it had sent, and refused the other's return).
     */
    @Test
    void twoTabsWaitingAtTheLoginFormBothComeBackLoggedIn() {
        CHROMIUM.forgetEveryLogin();
        String first = browser.getWindowHandle();
        browser.get(appUrl("/notifications"));
        waitForTheLoginForm();
        browser.switchTo().newWindow(WindowType.TAB);
        try {
            browser.get(appUrl("/tasks"));
            waitForTheLoginForm();
            logInAtKeycloak("zhanlong1");
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
            assertThat(browser.getCurrentUrl()).startsWith(appUrl("/tasks"));
        } finally {
            browser.close();
            browser.switchTo().window(first);
        }
        // Keycloak's form looks for the new session every 2 s and then restarts its login, which the session lets through.
        waiting().until(d -> d.getCurrentUrl().startsWith(appUrl("")) && !d.findElements(By.id("logout")).isEmpty()
                || !d.findElements(By.id("login-error")).isEmpty());
        assertThat(browser.findElements(By.id("login-error"))).isEmpty();
        assertThat(browser.getCurrentUrl()).startsWith(appUrl("/notifications"));
    }

    /**
     * The person logs in on this page (a Keycloak session) and, as a program would, gets a token for their password
     * (a second one); returns the second one's id.
     */
    private String loggedInTwice(String person) {
        CHROMIUM.forgetEveryLogin();
        browser.get(appUrl("/tasks"));
        logInAtKeycloak(person);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
        return KeycloakServer.claims(keycloak().passwordGrant(person, DEMO_PASSWORD)).path("sid").asText();
    }

    /** The next page of the application leads to the realm's login form (its session has ended). */
    private void waitForTheLoginFormOnTheNextPage() {
        waiting().ignoring(StaleElementReferenceException.class).until(d -> {
            d.get(appUrl("/tasks"));
            return d.getCurrentUrl().startsWith(keycloak().issuer()) && !d.findElements(By.id("kc-form-login")).isEmpty();
        });
    }

    /** The realm's login form is shown (a page of the application, asked for, led there and not back). */
    private void waitForTheLoginForm() {
        waiting().ignoring(StaleElementReferenceException.class).until(d -> d.getCurrentUrl().startsWith(keycloak().issuer())
                && !d.findElements(By.id("kc-form-login")).isEmpty());
    }

    /** On the realm's login page (in Chinese, the realm's default locale), as {@code user} with the demo password. */
    private void logInAtKeycloak(String user) {
        waiting().until(ExpectedConditions.urlContains(keycloak().issuer() + "/protocol/openid-connect/auth"));
        // Keycloak 26 names Simplified Chinese zh-Hans (no longer zh-CN, which it would answer in English).
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-Hans");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("登录");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        // Now and then (2 of about 15 runs of this class on 7 December, never alone) the login came back to the
        // application with a state its session did not hold (authorization_request_not_found, logged), right after a
        // test that ended on the realm's login form following a logout; not explained. Since then the session keeps
        // every login it sent (PendingLogins), not only the latest, which a second one started by the same browser
        // would have replaced. Should it happen still, the person sees 统一身份认证未能完成登录 with 重新登录, which is
        // what they would press: so does the test, once, and says so.
        waiting().until(d -> !d.getCurrentUrl().startsWith(keycloak().issuer()));
        if (!browser.findElements(By.id("login-error")).isEmpty()) {
            System.out.println("KeycloakBrowserIT: the login of " + user + " came back unmatched; 重新登录 pressed");
            browser.findElement(By.id("login-again")).click();
        }
    }

    private static boolean pageMarkedAs(String mark) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.classList.contains(arguments[0])", mark));
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Chromium.PATIENCE);
    }
}
