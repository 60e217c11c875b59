package cn.gonggaigong.security.keycloak;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Ends the user's Keycloak session when they log out of the application (the pages' 退出登录, Camunda's 注销). Ending
 * only the application's session left the realm's: the next page went to Keycloak and came back logged in as the same
 * person without a password, so on an office's shared computer 退出登录 did not log anyone out. The application asks
 * Keycloak to end the session from the server (the realm's {@code end_session_endpoint} with the login's refresh token
 * and the client's credentials), which needs no redirect through the browser and so serves Camunda's 注销 too, a
 * script's request. Should Keycloak not answer, the application's own session still ends, and the failure is logged.
 */
final class KeycloakSessionLogout implements LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(KeycloakSessionLogout.class);

    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final RestClient http;

    KeycloakSessionLogout(OAuth2AuthorizedClientRepository authorizedClients, RestClient http) {
        this.authorizedClients = authorizedClients;
        this.http = http;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (!(authentication instanceof OAuth2AuthenticationToken login)) {
            return; // no browser login of the realm (a bearer token has no session to end)
        }
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(
                login.getAuthorizedClientRegistrationId(), login, request);
        if (client == null) {
            log.warn("用户 {} 退出登录：找不到其统一身份认证（Keycloak）登录的令牌，未能结束其 Keycloak 会话", login.getName());
            return;
        }
        authorizedClients.removeAuthorizedClient(login.getAuthorizedClientRegistrationId(), login, request, response);
        ClientRegistration registration = client.getClientRegistration();
        Object endSession = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        if (client.getRefreshToken() == null || endSession == null) {
            log.warn("用户 {} 退出登录：Keycloak 未提供刷新令牌或会话结束地址，未能结束其 Keycloak 会话", login.getName());
            return;
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_id", registration.getClientId());
        form.add("client_secret", registration.getClientSecret());
        form.add("refresh_token", client.getRefreshToken().getTokenValue());
        try {
            http.post().uri(endSession.toString()).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve().toBodilessEntity();
        } catch (HttpClientErrorException.BadRequest e) {
            // Keycloak had ended it already (it asked us to log out through the back channel, or it timed out).
            log.info("用户 {} 退出登录：其 Keycloak 会话此前已结束（{}）", login.getName(), e.getResponseBodyAsString());
        } catch (RestClientException e) {
            log.warn("用户 {} 退出登录：未能结束其 Keycloak 会话（{}），本系统的登录已退出", login.getName(), e.getMessage());
        }
    }
}
