package cn.gonggaigong.security;

import cn.gonggaigong.ApplicationTestSupport;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person in a browser, on the embedded default: the Camunda webapps send them to the login page, and once
 * logged in there Tasklist knows them without a second login (container-based authentication).
 */
class EmbeddedWebappLoginIT extends ApplicationTestSupport {

    /** What a browser asks for when it loads a page. */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    /** The other tests share this application: lift the delay the mistyped password left on that user. */
    @AfterEach
    void unlockTheUserWhoMistyped() {
        identityService.unlockUser("zhanlong2");
    }

    @Test
    void tasklistAsksForLoginAndThenKnowsTheOfficer() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> tasklist = browser.send(get("/camunda/app/tasklist/default/"), HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location")).get().asString().endsWith("/login");

        String loginPage = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as(loginPage).isTrue();

        // Another officer mistypes (Camunda then delays that user's next attempts for a few seconds).
        HttpResponse<String> wrong = browser.send(form("zhanlong2", "wrong", csrf.group(1)), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.headers().firstValue("Location")).get().asString().contains("/login?error");

        loginPage = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> loggedIn = browser.send(form("zhanlong1", "demo", csrf.group(1)), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location")).get().asString().contains("/camunda/app/tasklist");

        HttpResponse<String> page = browser.send(get("/camunda/app/tasklist/default/"), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> me = browser.send(get("/camunda/api/admin/auth/user/default"), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"zhanlong1\"").contains("tasklist");
    }

    /**
     * Without a login the webapps' API answers 401 with no challenge, whatever the call accepts: a session that ended
     * under an open Tasklist sends it to its login form (and on to the product's), where a redirect to the login page
     * gave it HTML it could not read (加载筛选器时出错), and an HTTP Basic challenge a browser's own password dialog.
     * A program's HTTP Basic credentials still count there.
     */
    @Test
    void theWebappsApiAnswers401WithoutAChallenge() throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : new String[] {"/camunda/api/engine/engine/default/filter?firstResult=0&resourceType=Task",
                "/camunda/api/admin/auth/user/default"}) {
            for (String accept : new String[] {"application/json, text/plain, */*", "application/json", BROWSER_ACCEPT}) {
                HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).as(path + " " + accept).isEqualTo(401);
                assertThat(refused.headers().firstValue("WWW-Authenticate")).as(path + " " + accept).isEmpty();
            }
        }
        // The product's API the same way, and a program that sent no credentials reads why (it read an empty body).
        HttpResponse<String> api = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tasks"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(api.body()).contains("\"status\":401", "\"message\":\"请先登录\"");
        HttpResponse<String> program = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/engine/engine/default/filter?firstResult=0&resourceType=Task"))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "zhanlong1:demo".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(program.statusCode()).as(program.body()).isEqualTo(200);
        assertThat(program.body()).contains("本部门任务");
    }

    /**
     * The login opens the page the browser had opened, also when, meanwhile, a page left open in another tab (its
     * session ended too) loaded a script or called an API: those are not remembered for the login, are not led to the
     * login page (a fetch follows a redirect), and create no session whose cookie would replace the login page's (its
     * form then refused as expired).
     */
    @Test
    void theLoginOpensThePageAskedForNotACallOfAnotherTab() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/notifications"))
                .header("Accept", BROWSER_ACCEPT).header("Sec-Fetch-Dest", "document").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        String loginPage = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as(loginPage).isTrue();

        // Another tab's script and calls, with this session's cookie and without one.
        HttpClient stranger = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String[] call : new String[][] {
                {"/camunda/app/tasklist/scripts/officer-view.js", "*/*", "script"},
                {"/camunda/app/tasklist/locales/zh.json", "*/*", "empty"},
                {"/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js", "*/*", "script"},
                {"/api/tasks/context?ids=a", "*/*", "empty"},
                {"/camunda/api/engine/engine/default/filter", "*/*", null},
                // Tasklist's look for the welcome page, and a page's fetch of a page: the login page is for the tab.
                {"/camunda-welcome", "*/*", "empty"},
                {"/tasks", BROWSER_ACCEPT, "empty"}}) {
            for (HttpClient client : new HttpClient[] {browser, stranger}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call[0]))
                        .header("Accept", call[1]).GET();
                if (call[2] != null) {
                    request.header("Sec-Fetch-Dest", call[2]);
                }
                HttpResponse<String> refused = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).as(call[0]).isEqualTo(401);
                assertThat(refused.headers().allValues("Set-Cookie")).as(call[0]).isEmpty();
            }
        }

        HttpResponse<String> loggedIn = browser.send(form("zhanlong1", "demo", csrf.group(1)), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location")).get().asString().contains("/notifications");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", BROWSER_ACCEPT).GET().build();
    }

    private HttpRequest form(String user, String password, String csrf) {
        String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", BROWSER_ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
