package cn.gonggaigong.security.keycloak;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a login here whose Keycloak session has ended although Keycloak did not name it. Once Keycloak has announced
 * the end of one session of a user ({@link AnnouncedLogouts}), the next request of each other login of that user here
 * asks Keycloak whether that login's own session is still active (token introspection of its refresh token, with the
 * application's client credentials); if not, the login ends as a 退出登录 would, and the page goes to the realm's login
 * form (an API call gets 401). A login whose session is still active (the user logged out on another computer only)
 * goes on. Asked once per request at most and, after {@link #SETTLING}, once per announcement: an answer within
 * seconds of the announcement may come before Keycloak has finished ending the user's other sessions, so those
 * requests ask again. Without an answer (Keycloak unreachable) the login goes on, the failure is logged, and the next
 * request asks again.
 * <p>
 * The question is whether the realm still vouches for this login. A Keycloak session that has meanwhile timed out
 * there (the realm's SSO idle time: the application does not renew it while the officer works here) counts as ended
 * too; otherwise such a login lasts as long as the application's own session, as before.
 */
final class RealmSessionCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RealmSessionCheck.class);

    /** How long after an announcement an "active" answer is not yet taken as final. */
    static final Duration SETTLING = Duration.ofSeconds(10);

    /** Session attribute: when Keycloak last answered that this login's session is active. */
    private static final String CHECKED = RealmSessionCheck.class.getName() + ".activeAt";

    private enum RealmSession { ACTIVE, ENDED, NO_ANSWER, CANNOT_ASK }

    private final AnnouncedLogouts announced;
    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final RestClient http;
    private final Clock clock;

    RealmSessionCheck(AnnouncedLogouts announced, OAuth2AuthorizedClientRepository authorizedClients, RestClient http,
                      Clock clock) {
        this.announced = announced;
        this.authorizedClients = authorizedClients;
        this.http = http;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && authentication instanceof OAuth2AuthenticationToken login
                && login.getPrincipal() instanceof OidcUser user) {
            Optional<Instant> since = announced.lastAnnounced(user.getSubject());
            if (since.isPresent() && !settled(session, since.get())) {
                Instant asked = clock.instant();
                switch (realmSession(login, request)) {
                    case ACTIVE -> session.setAttribute(CHECKED, asked);
                    case ENDED -> {
                        log.info("用户 {} 在统一身份认证（Keycloak）的会话已结束（Keycloak 通知了其另一会话的结束），本系统的这一登录随之退出",
                                login.getName());
                        new SecurityContextLogoutHandler().logout(request, response, login);
                    }
                    case NO_ANSWER -> { } // logged; the next request asks again
                    case CANNOT_ASK -> session.setAttribute(CHECKED, asked); // logged; asking again would not help
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean settled(HttpSession session, Instant announcedAt) {
        return session.getAttribute(CHECKED) instanceof Instant activeAt && activeAt.isAfter(announcedAt.plus(SETTLING));
    }

    private RealmSession realmSession(OAuth2AuthenticationToken login, HttpServletRequest request) {
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(
                login.getAuthorizedClientRegistrationId(), login, request);
        ClientRegistration registration = client == null ? null : client.getClientRegistration();
        Object introspection = registration == null ? null
                : registration.getProviderDetails().getConfigurationMetadata().get("introspection_endpoint");
        if (client == null || client.getRefreshToken() == null || introspection == null) {
            log.warn("用户 {}：无法向 Keycloak 查询其会话是否仍有效（缺少刷新令牌或查询地址），本系统的登录保留", login.getName());
            return RealmSession.CANNOT_ASK;
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("token", client.getRefreshToken().getTokenValue());
        form.add("token_type_hint", "refresh_token");
        form.add("client_id", registration.getClientId());
        form.add("client_secret", registration.getClientSecret());
        try {
            Map<String, Object> answer = http.post().uri(introspection.toString())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve().body(new ParameterizedTypeReference<>() { });
            if (answer == null || !(answer.get("active") instanceof Boolean active)) {
                log.warn("用户 {}：Keycloak 对会话查询的答复中没有 active，本系统的登录暂时保留，下次请求时再查", login.getName());
                return RealmSession.NO_ANSWER;
            }
            return active ? RealmSession.ACTIVE : RealmSession.ENDED;
        } catch (RestClientException e) {
            log.warn("用户 {}：向 Keycloak 查询其会话是否仍有效失败（{}），本系统的登录暂时保留，下次请求时再查", login.getName(),
                    e.getMessage());
            return RealmSession.NO_ANSWER;
        }
    }
}
