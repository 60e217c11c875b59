package cn.gonggaigong.security.keycloak;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.gonggaigong.security.IdentityMode;
import cn.gonggaigong.security.SecurityConfiguration;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Real identity (profile {@code keycloak}): people log in at Keycloak (OIDC authorization code flow, client
 * {@code ggg-app}) for the Camunda webapps and every other page; programs call {@code /api/**} and
 * {@code /engine-rest/**} with a Keycloak access token (JWT bearer; no session, no redirect: a missing or bad
 * token is 401). Either way the user id is the Keycloak user name ({@code preferred_username}) and each entry
 * of the token's {@code groups} claim becomes an authority {@code GROUP_<group>}, the same ids Camunda gets
 * from the Keycloak identity plugin ({@link KeycloakIdentityConfiguration}).
 */
@Component
@Profile("keycloak")
public class KeycloakIdentityMode implements IdentityMode {

    private static final Logger log = LoggerFactory.getLogger(KeycloakIdentityMode.class);

    /** The claim with the user name; Camunda's user id (the plugin's {@code useUsernameAsCamundaUserId}). */
    public static final String USER_NAME_CLAIM = "preferred_username";

    /** The claim with the user's group names (the realm's {@code groups} mapper, {@code full.path=false}). */
    public static final String GROUPS_CLAIM = "groups";

    /** Bearer tokens are read on these paths only; everywhere else the browser session counts. */
    private static final RequestMatcher BEARER_PATHS = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"));

    /** Where Keycloak tells the application of a session it ended (OIDC back-channel logout; registration keycloak). */
    public static final String BACK_CHANNEL_LOGOUT = "/logout/connect/back-channel/keycloak";

    /** Spring Security's error code for an answer whose state names no login the session waits for. */
    private static final String AUTHORIZATION_REQUEST_NOT_FOUND = "authorization_request_not_found";

    /** The page of Keycloak's account console where a user changes their password, under the realm's issuer. */
    static final String PASSWORD_PAGE = "/account/account-security/signing-in";

    private final JwtDecoder jwtDecoder;
    private final KeycloakProperties keycloak;
    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final ClientRegistrationRepository clients;
    private final AnnouncedLogouts announcedLogouts;
    private final Duration recheckInterval;

    /** The client registration of the login (application-keycloak.yaml). */
    static final String REGISTRATION = "keycloak";

    public KeycloakIdentityMode(JwtDecoder jwtDecoder, KeycloakProperties keycloak,
                                OAuth2AuthorizedClientRepository authorizedClients, ClientRegistrationRepository clients,
                                AnnouncedLogouts announcedLogouts,
                                @Value("${ggg.keycloak.recheck-interval:PT1M}") Duration recheckInterval) {
        this.jwtDecoder = jwtDecoder;
        this.keycloak = keycloak;
        this.authorizedClients = authorizedClients;
        this.clients = clients;
        this.announcedLogouts = announcedLogouts;
        this.recheckInterval = recheckInterval;
    }

    /**
     * Keycloak's account console: users and passwords are the realm's, which Camunda only reads, so the welcome page's
     * 修改密码 and 编辑个人资料 would be refused (the identity service is read-only).
     */
    @Override
    public Optional<String> passwordPage() {
        return Optional.of(keycloak.issuer() + PASSWORD_PAGE);
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        RestClient realm = realmCalls();
        // The login page is the application's /login (KeycloakLoginController), which leads to the realm's.
        http.oauth2Login(login -> login.loginPage("/login")
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestRepository(new PendingLogins()))
                        .successHandler(backToThePageAskedFor())
                        .failureHandler(loginFailed())
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(loginAuthoritiesMapper())))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(apiBearerTokenResolver())
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(jwtAuthenticationConverter())))
                // Logging out ends the realm's session too, and the next page asks for the password again.
                .logout(logout -> logout
                        .addLogoutHandler(new KeycloakSessionLogout(authorizedClients, realm))
                        .defaultLogoutSuccessHandlerFor(afterPageLogout(), SecurityConfiguration.PAGE_LOGOUT)
                        .logoutSuccessUrl("/"))
                // And a session ended at Keycloak (by an administrator, or by the user in the account console) ends
                // here: Keycloak calls BACK_CHANNEL_LOGOUT, when the realm's client is given that address. (A session
                // that times out there is not announced; the renewal below finds it.)
                .oidcLogout(logout -> logout.backChannel(Customizer.withDefaults()))
                // A login follows the realm: renewed once a minute (groups, a session ended or a user disabled there),
                // and at once after Keycloak announced the end of another session of the same person.
                .addFilterBefore(new RealmSessionCheck(announcedLogouts, authorizedClients, realm, recheckInterval,
                        Clock.systemUTC()),
                        AnonymousAuthenticationFilter.class);
    }

    /**
     * For the application's own calls to Keycloak made while a person waits (ending a session at 退出登录, asking
     * whether one is still active): a Keycloak that does not answer holds the page for seconds, not indefinitely.
     */
    static RestClient realmCalls() {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(3));
        requests.setReadTimeout(Duration.ofSeconds(10));
        return RestClient.builder().requestFactory(requests).build();
    }

    /**
     * After the login, the page that led to it: the one its own tab asked for ({@link PendingLogins#RETURN_TO}), not
     * the last one the session asked for, which is another tab's when two waited at Keycloak's form; without one,
     * Spring Security's saved request, or the start page.
     */
    static AuthenticationSuccessHandler backToThePageAskedFor() {
        RequestCache savedRequests = new HttpSessionRequestCache();
        return new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws ServletException, IOException {
                if (!(request.getAttribute(PendingLogins.RETURN_TO) instanceof String page)) {
                    super.onAuthenticationSuccess(request, response, authentication);
                    return;
                }
                savedRequests.removeRequest(request, response);
                clearAuthenticationAttributes(request);
                getRedirectStrategy().sendRedirect(request, response, page);
            }
        };
    }

    /**
     * A login that came back from Keycloak and could not be completed here: the page says so and offers to start
     * again (KeycloakLoginController); the log says why, which the page does not (for whoever looks after the system).
     * Except an answer to a login this session no longer waits for while it is logged in (the browser's Back to
     * Keycloak's form after the login, which lets the person through again with the used state): the start page,
     * still logged in.
     */
    private static AuthenticationFailureHandler loginFailed() {
        SimpleUrlAuthenticationFailureHandler page = new SimpleUrlAuthenticationFailureHandler("/login?error");
        SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        return (request, response, exception) -> {
            if (exception instanceof OAuth2AuthenticationException refused
                    && AUTHORIZATION_REQUEST_NOT_FOUND.equals(refused.getError().getErrorCode())
                    && sessions.loadDeferredContext(request).get().getAuthentication() instanceof OAuth2AuthenticationToken) {
                log.info("统一身份认证（Keycloak）返回了本会话未在等待的登录，会话已登录，转到首页");
                response.sendRedirect(request.getContextPath() + "/");
                return;
            }
            log.warn("统一身份认证（Keycloak）登录未能完成：{}", exception.getMessage());
            page.onAuthenticationFailure(request, response, exception);
        };
    }

    /**
     * Where the pages' 退出登录 leads. With a session, the realm's session was ended from the server
     * ({@link KeycloakSessionLogout}) and the next page asks for the password: the start page. Without one (the page
     * was older than its session) there was nothing here to end, while the realm's session, which outlives the
     * application's when in use elsewhere, would log the officer straight in again on the next page: the realm's own
     * logout page, which asks to confirm (没有令牌可证明是谁在退出) and ends it.
     */
    private LogoutSuccessHandler afterPageLogout() {
        String realmLogout = keycloak.issuer() + "/protocol/openid-connect/logout?client_id="
                + URLEncoder.encode(clients.findByRegistrationId(REGISTRATION).getClientId(), StandardCharsets.UTF_8);
        return (request, response, authentication) -> response.sendRedirect(
                authentication == null ? realmLogout : request.getContextPath() + "/");
    }

    /** Principal name {@code preferred_username}, authorities {@code GROUP_<g>} for each entry of {@code groups}. */
    static JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(USER_NAME_CLAIM);
        converter.setJwtGrantedAuthoritiesConverter(
                (Converter<Jwt, Collection<GrantedAuthority>>) jwt -> groupAuthorities(jwt.getClaimAsStringList(GROUPS_CLAIM)));
        return converter;
    }

    /** Adds {@code GROUP_<g>} for each entry of the ID token's (or user info's) {@code groups} claim. */
    static GrantedAuthoritiesMapper loginAuthoritiesMapper() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    Object groups = oidc.getUserInfo() != null && oidc.getUserInfo().hasClaim(GROUPS_CLAIM)
                            ? oidc.getUserInfo().getClaim(GROUPS_CLAIM)
                            : oidc.getIdToken().getClaim(GROUPS_CLAIM);
                    mapped.addAll(groupAuthorities(groups));
                } else if (authority instanceof OAuth2UserAuthority oauth2) {
                    mapped.addAll(groupAuthorities(oauth2.getAttributes().get(GROUPS_CLAIM)));
                }
            }
            return mapped;
        };
    }

    static List<GrantedAuthority> groupAuthorities(Object groupsClaim) {
        return groupNames(groupsClaim).stream()
                .<GrantedAuthority>map(group -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + group))
                .toList();
    }

    /** The group ids a {@code groups} claim names (none unless it is a list). */
    static List<String> groupNames(Object groupsClaim) {
        if (!(groupsClaim instanceof Collection<?> groups)) {
            return List.of();
        }
        return groups.stream()
                .map(String::valueOf)
                // A full group path ("/town-zhanlong") names the same group as the plugin's path-based id.
                .map(group -> group.startsWith("/") ? group.substring(1) : group)
                .filter(group -> !group.isBlank())
                .distinct()
                .toList();
    }

    private static BearerTokenResolver apiBearerTokenResolver() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return request -> BEARER_PATHS.matches(request) ? header.resolve(request) : null;
    }
}
