package cn.gonggaigong.security.keycloak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.gonggaigong.security.CurrentUser;
import cn.gonggaigong.security.LoginGroups;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Keeps a login made at Keycloak in step with the realm while the person works here. A login's groups were those of
 * its ID token, and its Keycloak session was the realm's business: someone moved to another office in the realm
 * (调岗) kept the old one's tasks, someone disabled or logged out by an administrator (离职) kept working, for as long
 * as the application's session lasted; and Keycloak does not always name every session it ends (an administrator's
 * 注销 of someone with two sessions announced only one of them in 5 of 8 tries, {@link AnnouncedLogouts}).
 * <p>
 * So a login renews its tokens at Keycloak (the refresh-token grant, with the application's client credentials) once
 * per {@code every} (a minute by default, {@code ggg.keycloak.recheck-interval}), and at once on its next request
 * after Keycloak announced the end of a session of the same person (on any node). Renewed: the login takes the new
 * token's groups (and keeps its Keycloak session alive while the officer works here, so that the account console
 * opens without a second login). Refused (the session ended there, the user was disabled or logged out): the login
 * ends as a 退出登录 would, and the page goes to the realm's login form (an API call gets 401). A renewal within
 * {@link #SETTLING} of an announcement is done again on the next request: Keycloak may not have finished ending the
 * person's other sessions. Without an answer (Keycloak unreachable) the login goes on as it was, the failure is
 * logged, and the next request tries again.
 */
final class RealmSessionCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RealmSessionCheck.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How long after an announcement a renewal is not yet taken as final. */
    static final Duration SETTLING = Duration.ofSeconds(10);

    /** Session attribute: when Keycloak last renewed this login (or the login was made). */
    private static final String RENEWED = RealmSessionCheck.class.getName() + ".renewedAt";

    private enum Outcome { RENEWED, ENDED, NO_ANSWER, CANNOT_ASK }

    private final AnnouncedLogouts announced;
    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final RestClient http;
    private final Duration every;
    private final Clock clock;

    RealmSessionCheck(AnnouncedLogouts announced, OAuth2AuthorizedClientRepository authorizedClients, RestClient http,
                      Duration every, Clock clock) {
        this.announced = announced;
        this.authorizedClients = authorizedClients;
        this.http = http;
        this.every = every;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && authentication instanceof OAuth2AuthenticationToken login
                && login.getPrincipal() instanceof OidcUser user) {
            // One renewal at a time per session: a page's parallel calls would otherwise each spend the same refresh
            // token, which a realm that revokes used refresh tokens refuses the second time (ending the login).
            synchronized (WebUtils.getSessionMutex(session)) {
                if (ended(session)) {
                    SecurityContextHolder.clearContext(); // a parallel request ended it while this one waited
                } else if (due(session, user)) {
                    Instant asked = clock.instant();
                    switch (renew(login, request, response)) {
                        case RENEWED, CANNOT_ASK -> session.setAttribute(RENEWED, asked); // CANNOT_ASK: logged
                        case ENDED -> new SecurityContextLogoutHandler().logout(request, response, login);
                        case NO_ANSWER -> { } // logged; the next request tries again
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean ended(HttpSession session) {
        try {
            session.getCreationTime();
            return false;
        } catch (IllegalStateException invalidated) {
            return true;
        }
    }

    private boolean due(HttpSession session, OidcUser user) {
        Instant now = clock.instant();
        Instant renewed = session.getAttribute(RENEWED) instanceof Instant at ? at : null;
        if (renewed == null) {
            renewed = now; // the login has just been made: its tokens are new
            session.setAttribute(RENEWED, renewed);
        }
        Optional<Instant> since = announced.lastAnnounced(user.getSubject());
        boolean announcedSince = since.isPresent() && !renewed.isAfter(since.get().plus(SETTLING));
        return announcedSince || !renewed.plus(every).isAfter(now);
    }

    private Outcome renew(OAuth2AuthenticationToken login, HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(
                login.getAuthorizedClientRegistrationId(), login, request);
        if (client == null || client.getRefreshToken() == null) {
            log.warn("用户 {}：缺少 Keycloak 的刷新令牌，无法与统一身份认证核对其登录，本系统的登录保留", login.getName());
            return Outcome.CANNOT_ASK;
        }
        ClientRegistration registration = client.getClientRegistration();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", client.getRefreshToken().getTokenValue());
        form.add("client_id", registration.getClientId());
        form.add("client_secret", registration.getClientSecret());
        JsonNode tokens;
        try {
            tokens = http.post().uri(registration.getProviderDetails().getTokenUri())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve().body(JsonNode.class);
        } catch (HttpClientErrorException.BadRequest refused) {
            if (!"invalid_grant".equals(errorOf(refused.getResponseBodyAsString()))) {
                log.warn("用户 {}：Keycloak 拒绝了续期请求（{}），本系统的登录暂时保留，下次请求时再试", login.getName(),
                        refused.getResponseBodyAsString());
                return Outcome.NO_ANSWER;
            }
            // The session ended there (logged out, timed out) or the user was disabled.
            log.info("用户 {} 在统一身份认证（Keycloak）的会话已结束或账号已停用（{}），本系统的登录随之退出", login.getName(),
                    refused.getResponseBodyAsString());
            return Outcome.ENDED;
        } catch (RestClientException e) {
            log.warn("用户 {}：未能与 Keycloak 核对其登录（{}），本系统的登录暂时保留，下次请求时再试", login.getName(), e.getMessage());
            return Outcome.NO_ANSWER;
        }
        if (tokens == null || !tokens.path("access_token").isTextual()) {
            log.warn("用户 {}：Keycloak 的答复中没有令牌，本系统的登录暂时保留，下次请求时再试", login.getName());
            return Outcome.NO_ANSWER;
        }
        Instant now = clock.instant();
        String access = tokens.get("access_token").asText();
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, access, now,
                now.plusSeconds(Math.max(1, tokens.path("expires_in").asLong(60))), client.getAccessToken().getScopes());
        OAuth2RefreshToken refreshToken = tokens.path("refresh_token").isTextual()
                ? new OAuth2RefreshToken(tokens.get("refresh_token").asText(), now) : client.getRefreshToken();
        authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(registration, client.getPrincipalName(),
                accessToken, refreshToken), login, request, response);
        followGroups(login, tokens.path("id_token").isTextual() ? groupsOf(tokens.get("id_token").asText())
                : Optional.empty(), request, response);
        return Outcome.RENEWED;
    }

    /** The OAuth {@code error} of a refusal's body, or null. */
    private static String errorOf(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            return error != null && error.path("error").isTextual() ? error.get("error").asText() : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /**
     * The {@code groups} claim of an ID token just received from the realm's token endpoint over the application's own
     * authenticated connection (OIDC Core 3.1.3.7: such a token need not be checked by its signature): the claim the
     * login took its groups from. No claim: no groups (the realm leaves the claim out for a user in none). Without an
     * ID token in the answer the login keeps its groups.
     */
    private static Optional<Set<String>> groupsOf(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            if (!claims.has(KeycloakIdentityMode.GROUPS_CLAIM)) {
                return Optional.of(Set.of());
            }
            List<String> groups = new ArrayList<>();
            claims.get(KeycloakIdentityMode.GROUPS_CLAIM).forEach(group -> groups.add(group.asText()));
            return Optional.of(Set.copyOf(KeycloakIdentityMode.groupNames(groups)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void followGroups(OAuth2AuthenticationToken login, Optional<Set<String>> renewed, HttpServletRequest request,
                              HttpServletResponse response) {
        Set<String> before = CurrentUser.of(login).map(CurrentUser::groups).orElse(Set.of());
        if (renewed.isEmpty() || renewed.get().equals(before)) {
            return;
        }
        log.info("用户 {} 在统一身份认证（Keycloak）的所属组已变更（{} → {}），其登录随之更新", login.getName(),
                before.stream().sorted().toList(), renewed.get().stream().sorted().toList());
        OAuth2AuthenticationToken updated = new OAuth2AuthenticationToken(login.getPrincipal(),
                LoginGroups.replaced(login, renewed.get()), login.getAuthorizedClientRegistrationId());
        updated.setDetails(login.getDetails());
        LoginGroups.keep(updated, request, response);
    }
}
