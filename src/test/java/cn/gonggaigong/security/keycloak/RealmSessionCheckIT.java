package cn.gonggaigong.security.keycloak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import cn.gonggaigong.ApplicationTestSupport;
import cn.gonggaigong.TestClock;
import cn.gonggaigong.security.CurrentUser;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link RealmSessionCheck} renews a login at Keycloak, and what it does with the answer; announcements kept for
 * every node ({@link AnnouncedLogouts}, in the application's database). The answers come from a small HTTP endpoint in
 * the test standing in for Keycloak's token endpoint, so that each answer and the number of requests can be set and
 * counted; KeycloakBrowserIT runs the same filter against a real Keycloak.
 */
class RealmSessionCheckIT extends ApplicationTestSupport {

    private static final Duration EVERY = Duration.ofMinutes(1);

    /** The realm user of the test (a new one each time: the announcements are kept in the database). */
    private final String subject = "user-" + UUID.randomUUID();

    @Autowired
    JdbcTemplate jdbc;

    private final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private AnnouncedLogouts announced;

    @BeforeEach
    void oneNode() {
        announced = new AnnouncedLogouts(jdbc, clock);
    }
    private final HttpSessionOAuth2AuthorizedClientRepository authorizedClients = new HttpSessionOAuth2AuthorizedClientRepository();
    private final List<String> questions = new CopyOnWriteArrayList<>();
    private volatile String answer = tokens("refresh-token-2", "town-zhanlong");
    private volatile int status = 200;
    private volatile long answerDelay;
    private HttpServer keycloak;

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        if (keycloak != null) {
            keycloak.stop(0);
        }
    }

    @Test
    void withoutAnAnnouncementTheLoginIsRenewedOncePerInterval() throws Exception {
        RealmSessionCheck check = check(tokenEndpoint());
        MockHttpSession session = new MockHttpSession();

        pass(check, session); // the first request after the login: its tokens are new
        clock.advance(EVERY.minusSeconds(1));
        pass(check, session);
        assertThat(questions).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        pass(check, session);
        pass(check, session);
        assertThat(questions).hasSize(1);
        assertThat(session.isInvalid()).isFalse();

        // The renewed refresh token is the one used next time.
        clock.advance(EVERY);
        pass(check, session);
        assertThat(questions).hasSize(2);
        assertThat(questions.get(1)).contains("refresh_token=refresh-token-2");
    }

    @Test
    void aRenewalWithOtherGroupsMovesTheLoginToThem() throws Exception {
        RealmSessionCheck check = check(tokenEndpoint());
        MockHttpSession session = new MockHttpSession();
        pass(check, session);
        answer = tokens("refresh-token-2", "/town-liushadong", "applicants");
        clock.advance(EVERY);

        pass(check, session);

        assertThat(CurrentUser.of(SecurityContextHolder.getContext().getAuthentication()).orElseThrow().groups())
                .containsExactlyInAnyOrder("town-liushadong", "applicants");
        SecurityContext saved = (SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(CurrentUser.of(saved.getAuthentication()).orElseThrow().groups())
                .containsExactlyInAnyOrder("town-liushadong", "applicants");
        assertThat(saved.getAuthentication()).isInstanceOf(OAuth2AuthenticationToken.class);
    }

    @Test
    void onlyARefusedGrantEndsTheLoginNotAnyOtherRefusal() throws Exception {
        RealmSessionCheck check = check(tokenEndpoint());
        MockHttpSession session = new MockHttpSession();
        pass(check, session);
        status = 400;
        answer = "{\"error\":\"invalid_request\",\"error_description\":\"Missing parameter\"}";
        clock.advance(EVERY);

        pass(check, session);
        assertThat(session.isInvalid()).isFalse();

        refuse();
        pass(check, session);
        assertThat(questions).hasSize(2);
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aRenewalWithoutAnIdTokenKeepsTheGroups() throws Exception {
        RealmSessionCheck check = check(tokenEndpoint());
        MockHttpSession session = new MockHttpSession();
        pass(check, session);
        answer = tokens("refresh-token-2", "town-liushadong").replaceFirst(",\"id_token\":\"[^\"]*\"", "");
        clock.advance(EVERY);

        pass(check, session);

        assertThat(questions).hasSize(1);
        assertThat(CurrentUser.of(SecurityContextHolder.getContext().getAuthentication()).orElseThrow().groups())
                .containsExactly("town-zhanlong");
    }

    @Test
    void aPagesParallelCallsRenewOnceAndAllGoOn() throws Exception {
        RealmSessionCheck check = check(tokenEndpoint());
        MockHttpSession session = new MockHttpSession();
        pass(check, session);
        clock.advance(EVERY);
        answerDelay = 300;

        inParallel(() -> pass(check, session), () -> pass(check, session), () -> pass(check, session));

        assertThat(questions).hasSize(1);
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void aCallWaitingWhileAnotherEndedTheLoginGoesOnWithoutIt() throws Exception {
        RealmSessionCheck check = check(tokenEndpoint());
        MockHttpSession session = new MockHttpSession();
        pass(check, session);
        clock.advance(EVERY);
        refuse();
        answerDelay = 300;
        List<Object> users = new CopyOnWriteArrayList<>();

        inParallel(() -> users.add(String.valueOf(passAndSee(check, session))),
                () -> users.add(String.valueOf(passAndSee(check, session))));

        assertThat(questions).hasSize(1);
        assertThat(session.isInvalid()).isTrue();
        assertThat(users).containsExactly("null", "null");
    }

    /** Runs each at once on its own thread; fails with the first failure. */
    private static void inParallel(ThrowingRunnable... calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.length);
        try {
            List<Future<Object>> done = new ArrayList<>();
            for (ThrowingRunnable call : calls) {
                done.add(threads.submit(() -> {
                    call.run();
                    return null;
                }));
            }
            for (Future<Object> each : done) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** A request through the filter; the authentication the rest of the request sees (null: none). */
    private Object passAndSee(RealmSessionCheck check, MockHttpSession session) throws Exception {
        Request request = request(session);
        check.doFilter(request.http, new MockHttpServletResponse(), request.chain);
        assertThat(request.chain.getRequest()).isNotNull();
        return SecurityContextHolder.getContext().getAuthentication();
    }

    @Test
    void aRefusedRenewalEndsTheLogin() throws Exception {
        RealmSessionCheck check = check(tokenEndpoint());
        MockHttpSession session = new MockHttpSession();
        pass(check, session);
        refuse(); // an administrator disabled the user, or the session ended there unannounced
        clock.advance(EVERY);

        pass(check, session);

        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void anEndedSessionEndsTheLoginHereAndThePageGoesOnAsAnonymous() throws Exception {
        RealmSessionCheck check = check(tokenEndpoint());
        MockHttpSession session = new MockHttpSession();
        announceAnEndOfASessionOfTheUser();
        refuse();

        Request request = request(session);
        check.doFilter(request.http, new MockHttpServletResponse(), request.chain);

        assertThat(questions).hasSize(1);
        assertThat(questions.get(0)).contains("grant_type=refresh_token", "refresh_token=refresh-token-of-the-login",
                "client_id=ggg-app", "client_secret=app-secret");
        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(request.chain.getRequest()).as("the request goes on (to the login)").isNotNull();
    }

    @Test
    void anActiveSessionIsAskedAboutUntilTheAnnouncementHasSettledThenNoMore() throws Exception {
        RealmSessionCheck check = check(tokenEndpoint());
        MockHttpSession session = new MockHttpSession();
        announceAnEndOfASessionOfTheUser();

        pass(check, session);
        pass(check, session);
        assertThat(questions).as("within seconds of the announcement each request asks").hasSize(2);

        clock.advance(RealmSessionCheck.SETTLING.plusSeconds(1));
        pass(check, session);
        pass(check, session);
        pass(check, session);
        assertThat(questions).as("one answer after the settling time is final").hasSize(3);
        assertThat(session.isInvalid()).isFalse();

        // A later announcement (the person logged out on a third computer) is asked about again, once settled.
        clock.advance(Duration.ofMinutes(5));
        announceAnEndOfASessionOfTheUser();
        clock.advance(RealmSessionCheck.SETTLING.plusSeconds(1));
        pass(check, session);
        pass(check, session);
        assertThat(questions).hasSize(4);
    }

    @Test
    void anUnreachableKeycloakLeavesTheLoginAsItIs() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RealmSessionCheck check = check("http://127.0.0.1:" + closedPort + "/token");
        MockHttpSession session = new MockHttpSession();
        pass(check, session); // logged in before the announcement
        announceAnEndOfASessionOfTheUser();
        clock.advance(RealmSessionCheck.SETTLING.plusSeconds(1));

        Request first = request(session);
        check.doFilter(first.http, new MockHttpServletResponse(), first.chain);
        assertThat(session.isInvalid()).isFalse();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotNull();
        assertThat(first.chain.getRequest()).isNotNull();
    }

    @Test
    void anErrorIsNoAnswerAndTheNextRequestAsksAgain() throws Exception {
        RealmSessionCheck check = check(tokenEndpoint());
        MockHttpSession session = new MockHttpSession();
        pass(check, session); // logged in before the announcement
        announceAnEndOfASessionOfTheUser();
        clock.advance(RealmSessionCheck.SETTLING.plusSeconds(1));
        status = 503;

        pass(check, session);
        assertThat(session.isInvalid()).isFalse();

        refuse();
        pass(check, session);
        assertThat(questions).hasSize(2);
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void anAnswerWithoutTokensIsNoAnswer() throws Exception {
        RealmSessionCheck check = check(tokenEndpoint());
        MockHttpSession session = new MockHttpSession();
        pass(check, session); // logged in before the announcement
        announceAnEndOfASessionOfTheUser();
        clock.advance(RealmSessionCheck.SETTLING.plusSeconds(1));
        answer = "{\"note\":\"no tokens\"}";

        pass(check, session);
        pass(check, session);

        assertThat(questions).hasSize(2);
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void theLatestAnnouncementPerUserIsKept() {
        assertThat(announced.lastAnnounced(subject)).isEmpty();
        announceAnEndOfASessionOfTheUser();
        Instant first = clock.instant();
        clock.advance(Duration.ofSeconds(30));
        announceAnEndOfASessionOfTheUser();

        assertThat(announced.lastAnnounced(subject)).contains(first.plusSeconds(30));
        assertThat(announced.lastAnnounced("someone-else")).isEmpty();
    }

    @Test
    void anAnnouncementMadeOnOneNodeIsSeenOnAnotherWithinASecond() {
        AnnouncedLogouts otherNode = new AnnouncedLogouts(jdbc, clock);
        assertThat(otherNode.lastAnnounced(subject)).isEmpty();

        announceAnEndOfASessionOfTheUser(); // Keycloak called this node
        Instant at = clock.instant();
        assertThat(announced.lastAnnounced(subject)).contains(at);
        assertThat(otherNode.lastAnnounced(subject)).as("read a moment ago").isEmpty();
        clock.advance(AnnouncedLogouts.READ_AGAIN);
        assertThat(otherNode.lastAnnounced(subject)).contains(at);
        assertThat(new AnnouncedLogouts(jdbc, clock).lastAnnounced(subject)).as("a node started later").contains(at);

        // A node whose clock is behind does not move the time back.
        new AnnouncedLogouts(jdbc, new TestClock(at.minusSeconds(30))).removeSessionInformation(logoutToken(at));
        assertThat(jdbc.queryForObject("select announced_at from realm_logout_announcement where subject = ?",
                Timestamp.class, subject).toInstant()).isEqualTo(at);
    }

    @Test
    void aNodeWhoseDatabaseRefusesTheAnnouncementStillKnowsIt() {
        JdbcTemplate unreachable = new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none"));
        AnnouncedLogouts node = new AnnouncedLogouts(unreachable, clock);

        node.removeSessionInformation(logoutToken(clock.instant()));
        Instant at = clock.instant();
        clock.advance(AnnouncedLogouts.READ_AGAIN.multipliedBy(5));

        assertThat(node.lastAnnounced(subject)).contains(at);
    }

    @Test
    void aLoginOnANodeKeycloakDidNotCallIsAskedAboutToo() throws Exception {
        AnnouncedLogouts called = new AnnouncedLogouts(jdbc, clock);
        RealmSessionCheck check = check(tokenEndpoint()); // this node's
        MockHttpSession session = new MockHttpSession();
        pass(check, session);
        assertThat(questions).isEmpty();

        called.removeSessionInformation(logoutToken(clock.instant()));
        refuse();
        clock.advance(AnnouncedLogouts.READ_AGAIN);
        pass(check, session);

        assertThat(questions).hasSize(1);
        assertThat(session.isInvalid()).isTrue();
    }

    private OidcLogoutToken logoutToken(Instant issued) {
        return OidcLogoutToken.withTokenValue("logout-token")
                .issuer("http://keycloak.invalid/realms/puning-ggg").audience(List.of("ggg-app")).subject(subject)
                .jti("logout-" + issued).issuedAt(issued)
                .events(Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
                .sessionId("another-session").build();
    }

    /** Keycloak's answer to a refresh: new tokens, with these groups (JWTs; unsigned here). */
    private static String tokens(String refreshToken, String... groups) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"sub\":\"x\",\"groups\":[" + Arrays.stream(groups).map(g -> "\"" + g + "\"")
                .collect(Collectors.joining(",")) + "]}";
        String jwt = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
        return "{\"access_token\":\"" + jwt + "\",\"id_token\":\"" + jwt + "\",\"expires_in\":900,"
                + "\"refresh_token\":\"" + refreshToken + "\",\"token_type\":\"Bearer\"}";
    }

    /** Keycloak refuses the refresh: the session has ended there, or the user was disabled. */
    private void refuse() {
        status = 400;
        answer = "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}";
    }

    private void announceAnEndOfASessionOfTheUser() {
        OidcLogoutToken token = logoutToken(clock.instant());
        assertThat(announced.removeSessionInformation(token)).isEmpty(); // no login here had that session
    }

    private void pass(RealmSessionCheck check, MockHttpSession session) throws Exception {
        passAndSee(check, session);
    }

    private record Request(MockHttpServletRequest http, MockFilterChain chain) {
    }

    /** A page request of the login (its session, its authentication in the security context). */
    private Request request(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tasks");
        request.setSession(session);
        if (!session.isInvalid()) {
            OAuth2AuthenticationToken login = login();
            SecurityContextHolder.getContext().setAuthentication(login);
            if (!session.getAttributeNames().hasMoreElements()) {
                authorizedClients.saveAuthorizedClient(authorizedClient, login, request, new MockHttpServletResponse());
            }
        }
        return new Request(request, new MockFilterChain());
    }

    private ClientRegistration registration;
    private OAuth2AuthorizedClient authorizedClient;

    private RealmSessionCheck check(String tokenEndpoint) {
        registration = ClientRegistration.withRegistrationId("keycloak")
                .clientId("ggg-app").clientSecret("app-secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("http://keycloak.invalid/auth").tokenUri(tokenEndpoint)
                .build();
        Instant now = Instant.now();
        authorizedClient = new OAuth2AuthorizedClient(registration, "zhanlong2",
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", now, now.plusSeconds(900)),
                new OAuth2RefreshToken("refresh-token-of-the-login", now));
        return new RealmSessionCheck(announced, authorizedClients, KeycloakIdentityMode.realmCalls(), EVERY, clock);
    }

    private OAuth2AuthenticationToken login() {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").subject(subject)
                .claim("preferred_username", "zhanlong2").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(900))
                .build();
        DefaultOidcUser user = new DefaultOidcUser(AuthorityUtils.createAuthorityList("GROUP_town-zhanlong"), idToken,
                "preferred_username");
        return new OAuth2AuthenticationToken(user, user.getAuthorities(), "keycloak");
    }

    private String tokenEndpoint() throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/token", exchange -> {
            questions.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(answerDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keycloak.start();
        return "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/token";
    }
}
