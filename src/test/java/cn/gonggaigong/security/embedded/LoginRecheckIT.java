package cn.gonggaigong.security.embedded;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gonggaigong.ApplicationTestSupport;
import cn.gonggaigong.TestClock;
import cn.gonggaigong.security.CurrentUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A logged-in person whom an administrator deletes (离职) or moves to another office (调岗) in Camunda Admin: the
 * login follows ({@link LoginRecheck}), through the real login form and the application's filter chain (the first
 * request after the login reads the person), and in the filter's own timing (then once a minute).
 */
class LoginRecheckIT extends ApplicationTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    private final String userId = "recheck-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void anOfficerOfZhanlong() {
        User user = identityService.newUser(userId);
        user.setFirstName("调岗");
        user.setLastName("测试");
        user.setPassword("demo-" + userId);
        identityService.saveUser(user);
        identityService.createMembership(userId, "town-zhanlong");
    }

    @AfterEach
    void removeTheOfficer() {
        SecurityContextHolder.clearContext();
        if (identityService.createUserQuery().userId(userId).count() > 0) {
            identityService.deleteUser(userId);
        }
    }

    @Test
    void anOfficerDeletedAfterTheLoginIsLoggedOutOnTheNextRequest() throws Exception {
        HttpClient browser = loggedIn();
        identityService.deleteUser(userId);

        HttpResponse<String> me = me(browser);
        assertThat(me.statusCode()).isEqualTo(401);
        HttpResponse<String> page = browser.send(get("/tasks"), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    @Test
    void anOfficerMovedAfterTheLoginHasTheNewTownOnTheNextRequest() throws Exception {
        HttpClient browser = loggedIn();
        identityService.deleteMembership(userId, "town-zhanlong");
        identityService.createMembership(userId, "town-liushadong");

        HttpResponse<String> me = me(browser);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"town\":\"liushadong\"").doesNotContain("town-zhanlong");
        // And it stays so: the session keeps the new groups.
        assertThat(me(browser).body()).contains("\"town\":\"liushadong\"");
    }

    /**
     * Camunda's own webapps (Tasklist, Cockpit, Admin) follow within the same minute as the product's pages: their
     * copy of the login's groups and applications is read again after a minute (their authentication cache,
     * {@code camunda.bpm.webapp.auth.cache.time-to-live}), not after Camunda's default five.
     */
    @Test
    void theWebappsFollowAChangedMembershipWithinAMinute() throws Exception {
        HttpClient browser = loggedIn();
        // Opening an app logs the person into the webapps (ContainerBasedAuthenticationFilter).
        assertThat(browser.send(get("/camunda/app/welcome/default/"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(webappUser(browser).body()).contains("\"userId\":\"" + userId + "\"").doesNotContain("\"admin\"");
        identityService.createMembership(userId, "admins");
        try {
            ClockUtil.setCurrentTime(new java.util.Date(System.currentTimeMillis() + Duration.ofSeconds(61).toMillis()));
            assertThat(webappUser(browser).body()).contains("\"admin\"");
        } finally {
            ClockUtil.reset();
        }
    }

    private HttpResponse<String> webappUser(HttpClient browser) throws Exception {
        HttpResponse<String> user = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/admin/auth/user/default")).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        return user;
    }

    /** The filter's timing: read at the first request, then once the interval is up; a deleted user is logged out. */
    @Test
    void theFilterReadsThePersonAgainOnlyOnceTheIntervalIsUp() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-12-07T03:00:00Z"));
        LoginRecheck recheck = new LoginRecheck(identityService, Duration.ofMinutes(1), clock);
        MockHttpSession session = new MockHttpSession();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                userId, null, AuthorityUtils.createAuthorityList("GROUP_town-zhanlong")));

        pass(recheck, session);
        assertThat(groups()).containsExactly("town-zhanlong");

        identityService.deleteMembership(userId, "town-zhanlong");
        identityService.createMembership(userId, "town-liushadong");
        clock.advance(Duration.ofSeconds(59));
        pass(recheck, session);
        assertThat(groups()).as("within the minute").containsExactly("town-zhanlong");

        clock.advance(Duration.ofSeconds(1));
        pass(recheck, session);
        assertThat(groups()).containsExactly("town-liushadong");
        SecurityContext saved = (SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(CurrentUser.of(saved.getAuthentication()).orElseThrow().groups()).containsExactly("town-liushadong");

        identityService.deleteUser(userId);
        clock.advance(Duration.ofMinutes(1));
        MockFilterChain chain = pass(recheck, session);
        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(chain.getRequest()).as("the request goes on, to the login").isNotNull();
    }

    /** A call that arrives as a parallel one of the same session has just logged the person out goes on without them. */
    @Test
    void aCallOfASessionEndedMeanwhileGoesOnWithoutTheLogin() throws Exception {
        LoginRecheck recheck = new LoginRecheck(identityService, Duration.ofMinutes(1), new TestClock(Instant.now()));
        // Valid when the request took it, invalidated by the other request before this one read it (as Tomcat's).
        MockHttpSession session = new MockHttpSession() {
            @Override
            public Object getAttribute(String name) {
                throw new IllegalStateException("getAttribute: Session already invalidated");
            }
        };
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                userId, null, AuthorityUtils.createAuthorityList("GROUP_town-zhanlong")));

        MockFilterChain chain = pass(recheck, session);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    private static List<String> groups() {
        return CurrentUser.of(SecurityContextHolder.getContext().getAuthentication()).orElseThrow().groupList();
    }

    private static MockFilterChain pass(LoginRecheck recheck, MockHttpSession session) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tasks");
        request.setSession(session);
        MockFilterChain chain = new MockFilterChain();
        recheck.doFilter(request, new MockHttpServletResponse(), chain);
        return chain;
    }

    /** Logged in through the login form; no page opened yet. */
    private HttpClient loggedIn() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as(loginPage).isTrue();
        String body = "username=" + enc(userId) + "&password=" + enc("demo-" + userId) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
        return browser;
    }

    private HttpResponse<String> me(HttpClient browser) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").GET().build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
