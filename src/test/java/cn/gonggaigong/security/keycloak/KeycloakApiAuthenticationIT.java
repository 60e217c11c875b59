package cn.gonggaigong.security.keycloak;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/**} and {@code /engine-rest/**} take the realm's access tokens and nothing else: every other request
 * is 401 (never a redirect to a login page). All tokens here are real, issued by the test's Keycloak.
 */
class KeycloakApiAuthenticationIT extends KeycloakApplicationTestSupport {

    private static final String PROJECTS = "/api/projects";
    private static final String TASKS = "/engine-rest/task";

    @Test
    void aValidTokenOfTheNrbClerkListsTheProjects() {
        HttpResponse<String> response = get(PROJECTS, bearer(keycloak().passwordGrant("nrb-clerk", DEMO_PASSWORD)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = KeycloakServer.readJson(response.body());
        assertThat(body.isArray() || body.has("content")).as(response.body()).isTrue();
    }

    @Test
    void aValidTokenReachesTheEngineRestApi() {
        HttpResponse<String> response = get(TASKS, bearer(keycloak().passwordGrant("nrb-clerk", DEMO_PASSWORD)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(KeycloakServer.readJson(response.body()).isArray()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {PROJECTS, TASKS})
    void noTokenIs401(String path) {
        assertUnauthorized(get(path, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {PROJECTS, TASKS})
    void aGarbageTokenIs401(String path) {
        assertInvalidToken(get(path, bearer("not-a-jwt")));
        assertInvalidToken(get(path, bearer("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")));
    }

    @Test
    void anExpiredTokenIs401() {
        String token = keycloak().shortLivedToken("nrb-clerk", DEMO_PASSWORD, Duration.ofSeconds(5));
        Instant expiry = Instant.ofEpochSecond(KeycloakServer.claims(token).path("exp").asLong());
        // Accepted while it is valid...
        assertThat(get(PROJECTS, bearer(token)).statusCode()).isEqualTo(200);

        // ...and not after it expired (plus the 1 s clock skew the tests allow).
        sleepUntil(expiry.plusSeconds(2));
        assertThat(get(PROJECTS, bearer(token)).headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("invalid_token").containsIgnoringCase("expired"));
        assertInvalidToken(get(TASKS, bearer(token)));
    }

    @ParameterizedTest
    @ValueSource(strings = {PROJECTS, TASKS})
    void aTokenOfAnotherRealmIs401(String path) {
        String token = keycloak().otherRealmToken("nrb-clerk", "nrb");
        assertThat(KeycloakServer.claims(token).path("iss").asText())
                .isEqualTo(keycloak().issuer(KeycloakServer.OTHER_REALM));
        assertThat(KeycloakServer.claims(token).path("preferred_username").asText()).isEqualTo("nrb-clerk");

        assertInvalidToken(get(path, bearer(token)));
    }

    @ParameterizedTest
    @ValueSource(strings = {PROJECTS, TASKS})
    void aTokenOfTheRealmWithAnotherIssuerIs401(String path) {
        // Same realm, same signing key, same user; only the issuer differs (localhost instead of 127.0.0.1).
        String token = keycloak().tokenWithFrontendUrl("http://localhost:" + keycloak().port(), "nrb-clerk",
                DEMO_PASSWORD);
        assertThat(KeycloakServer.claims(token).path("iss").asText())
                .isEqualTo("http://localhost:" + keycloak().port() + "/realms/" + keycloak().realm());

        HttpResponse<String> response = get(path, bearer(token));
        assertInvalidToken(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("iss"));
    }

    @Test
    void anIdTokenIsNotAnAccessToken() {
        JsonNode tokens = keycloak().tokenRequest(keycloak().realm(), Map.of("grant_type", "password",
                "client_id", KeycloakServer.APP_CLIENT, "client_secret", keycloak().appClientSecret(),
                "username", "nrb-clerk", "password", DEMO_PASSWORD, "scope", "openid"));
        String idToken = tokens.path("id_token").asText();
        assertThat(KeycloakServer.claims(idToken).path("typ").asText()).isEqualTo("ID");

        assertInvalidToken(get(PROJECTS, bearer(idToken)));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertUnauthorized(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"));
    }

    private static void sleepUntil(Instant instant) {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
