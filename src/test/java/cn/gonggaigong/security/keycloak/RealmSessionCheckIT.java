package cn.gonggaigong.security.keycloak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.gonggaigong.ApplicationTestSupport;
import cn.gonggaigong.TestClock;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link RealmSessionCheck} asks Keycloak about a login here, and what it does with the answer; announcements
 * kept for every node ({@link AnnouncedLogouts}, in the application's database). The answers come from a small HTTP
 * endpoint in the test standing in for Keycloak's introspection endpoint, so that each answer and the number of
 * questions can be set and counted; KeycloakBrowserIT runs the same check against a real Keycloak.
 */
class RealmSessionCheckIT extends ApplicationTestSupport {

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
    private volatile String answer = "{\"active\":true}";
    private volatile int status = 200;
    private HttpServer keycloak;

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        if (keycloak != null) {
            keycloak.stop(0);
        }
    }

    @Test
    void nothingIsAskedWhileKeycloakHasAnnouncedNoEndOfTheUsersSessions() throws Exception {
        RealmSessionCheck check = check(introspectionEndpoint());
        MockHttpSession session = new MockHttpSession();

        Request request = request(session);
        check.doFilter(request.http, new MockHttpServletResponse(), request.chain);

        assertThat(questions).isEmpty();
        assertThat(request.chain.getRequest()).isNotNull();
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void anEndedSessionEndsTheLoginHereAndThePageGoesOnAsAnonymous() throws Exception {
        RealmSessionCheck check = check(introspectionEndpoint());
        MockHttpSession session = new MockHttpSession();
        announceAnEndOfASessionOfTheUser();
        answer = "{\"active\":false}";

        Request request = request(session);
        check.doFilter(request.http, new MockHttpServletResponse(), request.chain);

        assertThat(questions).hasSize(1);
        assertThat(questions.get(0)).contains("token=refresh-token-of-the-login", "token_type_hint=refresh_token",
                "client_id=ggg-app", "client_secret=app-secret");
        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(request.chain.getRequest()).as("the request goes on (to the login)").isNotNull();
    }

    @Test
    void anActiveSessionIsAskedAboutUntilTheAnnouncementHasSettledThenNoMore() throws Exception {
        RealmSessionCheck check = check(introspectionEndpoint());
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
        RealmSessionCheck check = check("http://127.0.0.1:" + closedPort + "/introspect");
        MockHttpSession session = new MockHttpSession();
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
        RealmSessionCheck check = check(introspectionEndpoint());
        MockHttpSession session = new MockHttpSession();
        announceAnEndOfASessionOfTheUser();
        clock.advance(RealmSessionCheck.SETTLING.plusSeconds(1));
        status = 503;

        pass(check, session);
        assertThat(session.isInvalid()).isFalse();

        status = 200;
        answer = "{\"active\":false}";
        pass(check, session);
        assertThat(questions).hasSize(2);
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void anAnswerWithoutActiveIsNoAnswer() throws Exception {
        RealmSessionCheck check = check(introspectionEndpoint());
        MockHttpSession session = new MockHttpSession();
        announceAnEndOfASessionOfTheUser();
        clock.advance(RealmSessionCheck.SETTLING.plusSeconds(1));
        answer = "{\"error\":\"invalid_client\"}";

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
        RealmSessionCheck check = check(introspectionEndpoint()); // this node's
        MockHttpSession session = new MockHttpSession();
        pass(check, session);
        assertThat(questions).isEmpty();

        called.removeSessionInformation(logoutToken(clock.instant()));
        answer = "{\"active\":false}";
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

    private void announceAnEndOfASessionOfTheUser() {
        OidcLogoutToken token = logoutToken(clock.instant());
        assertThat(announced.removeSessionInformation(token)).isEmpty(); // no login here had that session
    }

    private void pass(RealmSessionCheck check, MockHttpSession session) throws Exception {
        Request request = request(session);
        check.doFilter(request.http, new MockHttpServletResponse(), request.chain);
        assertThat(request.chain.getRequest()).isNotNull();
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

    private RealmSessionCheck check(String introspection) {
        registration = ClientRegistration.withRegistrationId("keycloak")
                .clientId("ggg-app").clientSecret("app-secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("http://keycloak.invalid/auth").tokenUri("http://keycloak.invalid/token")
                .providerConfigurationMetadata(Map.of("introspection_endpoint", introspection))
                .build();
        Instant now = Instant.now();
        authorizedClient = new OAuth2AuthorizedClient(registration, "zhanlong2",
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", now, now.plusSeconds(900)),
                new OAuth2RefreshToken("refresh-token-of-the-login", now));
        return new RealmSessionCheck(announced, authorizedClients, KeycloakIdentityMode.realmCalls(), clock);
    }

    private OAuth2AuthenticationToken login() {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").subject(subject)
                .claim("preferred_username", "zhanlong2").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(900))
                .build();
        DefaultOidcUser user = new DefaultOidcUser(AuthorityUtils.createAuthorityList("GROUP_town-zhanlong"), idToken,
                "preferred_username");
        return new OAuth2AuthenticationToken(user, user.getAuthorities(), "keycloak");
    }

    private String introspectionEndpoint() throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/introspect", exchange -> {
            questions.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keycloak.start();
        return "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/introspect";
    }
}
