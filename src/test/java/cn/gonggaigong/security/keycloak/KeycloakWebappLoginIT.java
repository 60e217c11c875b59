package cn.gonggaigong.security.keycloak;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.gonggaigong.web.KeycloakLoginController;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Camunda webapps in a browser: not logged in, a page leads to the realm's Keycloak login page; logging in
 * there leads back, logged in to Tasklist as the Keycloak user (single sign-on, no second login).
 */
class KeycloakWebappLoginIT extends KeycloakApplicationTestSupport {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final Pattern APP_LOGIN_LINK = Pattern.compile("id=\"login-at-keycloak\" href=\"([^\"]+)\"");
    private static final Pattern LOGIN_FORM_ACTION = Pattern.compile("<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    /** A browser: keeps cookies, follows redirects, asks for HTML. */
    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new LoopbackIsSecureCookies())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeEach
    void allowTheApplicationsRandomPortAsRedirect() {
        // keycloak-realm.json allows http://localhost:8080/*; this application runs on a random port.
        keycloak().allowRedirect(appUrl("/*"));
    }

    @Test
    void aCamundaPageRedirectsToTheKeycloakLoginPageOfTheRealm() {
        // First the application's login page, which keeps the page's place after # (a browser runs its script) and
        // goes on to the realm's: the page it belongs to is named there.
        HttpResponse<String> ours = browse(TASKLIST);
        assertThat(ours.statusCode()).isEqualTo(200);
        assertThat(ours.uri().getPath()).isEqualTo("/login");
        assertThat(ours.body()).contains("data-return-path=\"" + TASKLIST + "\"",
                "id=\"login-at-keycloak\" href=\"" + KeycloakLoginController.LOGIN_AT_KEYCLOAK + "\"",
                "sessionStorage.setItem('ggg.placeAfterLogin'", "location.replace(");

        HttpResponse<String> page = toKeycloak(TASKLIST);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().toString()).startsWith(keycloak().issuer() + "/protocol/openid-connect/auth?");
        Map<String, String> query = query(page.uri());
        assertThat(query).containsEntry("client_id", KeycloakServer.APP_CLIENT)
                .containsEntry("response_type", "code")
                .containsEntry("redirect_uri", appUrl("/login/oauth2/code/keycloak"));
        assertThat(page.body()).containsPattern(LOGIN_FORM_ACTION);
    }

    @Test
    void loggingInAtKeycloakLogsIntoTasklistAsTheKeycloakUser() {
        HttpResponse<String> afterLogin = logInAtKeycloak(TASKLIST);

        assertThat(afterLogin.statusCode()).as(afterLogin.body()).isEqualTo(200);
        // Back on the page asked for (Spring Security's saved request adds "?continue").
        assertThat(afterLogin.uri().getAuthority()).isEqualTo("localhost:" + port);
        assertThat(afterLogin.uri().getPath()).isEqualTo(TASKLIST);

        HttpResponse<String> camundaUser = send(browser, HttpRequest.newBuilder(
                        URI.create(appUrl("/camunda/api/admin/auth/user/default")))
                .header("Accept", "application/json")
                .GET().build());
        assertThat(camundaUser.statusCode()).as(camundaUser.body()).isEqualTo(200);
        JsonNode user = KeycloakServer.readJson(camundaUser.body());
        assertThat(user.path("userId").asText()).isEqualTo("zhanlong1");
    }

    /** The application's own pages (cn.gonggaigong.web) are behind the same OIDC login; their assets are public. */
    @Test
    void theChinesePagesLeadToTheKeycloakLoginAndOpenAfterIt() {
        assertThat(browse("/assets/tasks.js").statusCode()).isEqualTo(200);
        assertThat(browse("/tasks").uri().toString()).startsWith(keycloak().issuer() + "/protocol/openid-connect/auth?");

        HttpResponse<String> page = logInAtKeycloak("/tasks");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/tasks");
        assertThat(page.body()).contains("<body data-page=\"tasks\">", "<title>我的待办");
    }

    /**
     * The embedded mode's login address (a bookmark, a link from before) leads to the realm's login page too, not to a
     * page of Spring's own in English; logging in there opens 我的待办.
     */
    @Test
    void theLoginAddressLeadsToTheRealmsLoginPage() {
        HttpResponse<String> login = browse("/login");
        assertThat(login.uri().toString()).startsWith(keycloak().issuer() + "/protocol/openid-connect/auth?");
        assertThat(login.body()).containsPattern(LOGIN_FORM_ACTION).doesNotContain("OAuth 2.0");

        HttpResponse<String> page = logInAtKeycloak("/login");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/tasks");
    }

    /** A login that did not succeed at Keycloak is told in Chinese, with the way to try again (not retried by itself). */
    @Test
    void aFailedLoginIsToldInChinese() {
        HttpResponse<String> failed = browse("/login?error");
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.uri().getPath()).isEqualTo("/login");
        assertThat(failed.body()).contains("统一身份认证未能完成登录", "href=\"/oauth2/authorization/keycloak\"", "重新登录");
    }

    /**
     * A login that comes back to the application and cannot be completed here (here: an answer to no login this
     * browser started) gets the same page, and the log says why, for whoever looks after the system.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aLoginThatCannotBeCompletedHereIsLoggedWithItsReason(CapturedOutput log) {
        HttpResponse<String> failed = browse("/login/oauth2/code/keycloak?code=not-from-this-login&state=not-ours");
        assertThat(failed.uri().getPath()).isEqualTo("/login");
        assertThat(failed.uri().getQuery()).isEqualTo("error");
        assertThat(failed.body()).contains("统一身份认证未能完成登录");
        assertThat(log.getOut()).contains("统一身份认证（Keycloak）登录未能完成：[authorization_request_not_found]");
    }

    /**
     * The browser's Back after a login leads to Keycloak's form, which lets the person, logged in there, through again
     * with the state of the login already completed: the application, logged in too, opens its start page instead of
     * saying the login failed; and the person is still logged in.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anAnswerToNoWaitingLoginLeavesALoggedInPersonOnTheStartPage(CapturedOutput log) {
        HttpResponse<String> page = logInAtKeycloak("/notifications");
        assertThat(page.uri().getPath()).as(page.body()).isEqualTo("/notifications");

        HttpResponse<String> again = browse("/login/oauth2/code/keycloak?code=not-from-this-login&state=used-before");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.uri().getPath()).isEqualTo("/tasks");
        assertThat(again.body()).contains("<title>我的待办").doesNotContain("统一身份认证未能完成登录");
        assertThat(log.getOut()).contains("统一身份认证（Keycloak）返回了本会话未在等待的登录")
                .doesNotContain("登录未能完成：[authorization_request_not_found]");
    }

    /** Opens a page, is sent to the realm's login form, and logs in there as zhanlong1. */
    private HttpResponse<String> logInAtKeycloak(String path) {
        HttpResponse<String> loginPage = toKeycloak(path);
        Matcher form = LOGIN_FORM_ACTION.matcher(loginPage.body());
        assertThat(form.find()).as(loginPage.body()).isTrue();
        return send(browser, HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("username=zhanlong1&password=" + DEMO_PASSWORD
                        + "&credentialId="))
                .build());
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    /**
     * Cookies as a browser keeps them. Keycloak marks its login cookies {@code Secure; SameSite=None}; browsers
     * send those to http://127.0.0.1 and http://localhost (loopback counts as a secure context), while
     * {@link CookieManager} sends them over https only.
     */
    private static final class LoopbackIsSecureCookies extends CookieHandler {

        private final CookieManager cookies = new CookieManager();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return cookies.get(isLoopback(uri) ? https(uri) : uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            cookies.put(uri, responseHeaders);
        }

        private static boolean isLoopback(URI uri) {
            return "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
        }

        private static URI https(URI uri) {
            try {
                return new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(),
                        uri.getQuery(), uri.getFragment());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    /**
     * Opens a page and goes on to the realm's login form: from a webapp's page by the application's login page, whose
     * script a browser runs (this client follows its link, where the script goes), from the others by redirects.
     */
    private HttpResponse<String> toKeycloak(String path) {
        HttpResponse<String> page = browse(path);
        Matcher ours = APP_LOGIN_LINK.matcher(page.body());
        return page.uri().getPath().equals("/login") && ours.find() ? browse(ours.group(1)) : page;
    }

    private HttpResponse<String> browse(String path) {
        return send(browser, HttpRequest.newBuilder(URI.create(appUrl(path)))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .GET().build());
    }
}
