package cn.gonggaigong.security.keycloak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
 * When {@link RealmSessionCheck} asks Keycloak about a login here, and what it does with the answer. The answers come
 * from a small HTTP endpoint in the test standing in for Keycloak's introspection endpoint, so that each answer and
 * the number of questions can be set and counted; KeycloakBrowserIT runs the same check against a real Keycloak.
 */
class RealmSessionCheckTest {

    private static final String SUBJECT = "5f3c-user-id";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T02:00:00Z"));
    private final AnnouncedLogouts announced = new AnnouncedLogouts(clock);
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
        assertThat(announced.lastAnnounced(SUBJECT)).isEmpty();
        announceAnEndOfASessionOfTheUser();
        Instant first = clock.instant();
        clock.advance(Duration.ofSeconds(30));
        announceAnEndOfASessionOfTheUser();

        assertThat(announced.lastAnnounced(SUBJECT)).contains(first.plusSeconds(30));
        assertThat(announced.lastAnnounced("someone-else")).isEmpty();
    }

    private void announceAnEndOfASessionOfTheUser() {
        OidcLogoutToken token = OidcLogoutToken.withTokenValue("logout-token")
                .issuer("http://keycloak.invalid/realms/puning-ggg").audience(List.of("ggg-app")).subject(SUBJECT)
                .jti("logout-" + clock.instant()).issuedAt(clock.instant())
                .events(Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
                .sessionId("another-session").build();
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

    private static OAuth2AuthenticationToken login() {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").subject(SUBJECT)
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

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
