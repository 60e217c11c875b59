package cn.gonggaigong.security.keycloak;

import java.util.Map;

import cn.gonggaigong.security.AccountStatus;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A user disabled in the realm (离职, where the administrators disable rather than delete): read from Keycloak's admin
 * REST API with the application client's service account, the one the identity plugin uses (realm role view-users).
 * A failure to reach Keycloak is an exception, never an answer.
 */
@Component
@Profile("keycloak")
public class KeycloakAccounts implements AccountStatus {

    private final RestClient realm = KeycloakIdentityMode.realmCalls();
    private final String url;
    private final String realmName;
    private final String clientId;
    private final String clientSecret;
    private String token;
    private java.time.Instant renewAt = java.time.Instant.EPOCH;

    public KeycloakAccounts(@Value("${ggg.keycloak.url}") String url, @Value("${ggg.keycloak.realm}") String realmName,
                            @Value("${ggg.keycloak.client-id}") String clientId,
                            @Value("${ggg.keycloak.client-secret}") String clientSecret) {
        this.url = url;
        this.realmName = realmName;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @Override
    public boolean disabled(String userId) {
        JsonNode users = realm.get()
                .uri(url + "/admin/realms/{realm}/users?username={name}&exact=true", realmName, userId)
                .header("Authorization", "Bearer " + token())
                .retrieve().body(JsonNode.class);
        if (users == null) {
            return false;
        }
        for (JsonNode user : users) {
            if (userId.equals(user.path("username").asText())) {
                return !user.path("enabled").asBoolean(true);
            }
        }
        return false; // no such user: deleted, which the identity plugin says
    }

    /** The service account's access token, fetched again 30 s before it expires (one round asks about many users). */
    private synchronized String token() {
        if (token == null || java.time.Instant.now().isAfter(renewAt)) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.setAll(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret));
            JsonNode answer = realm.post().uri(url + "/realms/{realm}/protocol/openid-connect/token", realmName)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(JsonNode.class);
            token = answer.path("access_token").asText();
            renewAt = java.time.Instant.now().plusSeconds(Math.max(0, answer.path("expires_in").asLong(60) - 30));
        }
        return token;
    }
}
