package cn.gonggaigong.security.keycloak;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.gonggaigong.security.AuthorizationMatrixContract;
import org.junit.jupiter.api.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;

/**
 * The authorization matrix in profile {@code keycloak}: each demo user of keycloak-realm.json calls the APIs with
 * an access token the real Keycloak issued to them (password grant, client {@code ggg-app}); Camunda's users and
 * groups come from the realm through the identity plugin. Shares the application context of the other keycloak
 * tests (same profile and property sources).
 */
@ActiveProfiles("keycloak")
@Tag("keycloak")
class KeycloakAuthorizationMatrixIT extends AuthorizationMatrixContract implements KeycloakTestProperties {

    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @Override
    protected HttpHeaders authenticate(String username) {
        String token = tokens.compute(username, (user, cached) -> cached != null && stillValid(cached)
                ? cached : KeycloakServer.get().passwordGrant(user, "demo"));
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }

    private static boolean stillValid(String token) {
        long expiry = KeycloakServer.claims(token).path("exp").asLong();
        return Instant.ofEpochSecond(expiry).isAfter(Instant.now().plusSeconds(60));
    }
}
