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

    private String token() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.setAll(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret));
        JsonNode answer = realm.post().uri(url + "/realms/{realm}/protocol/openid-connect/token", realmName)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(JsonNode.class);
        return answer.path("access_token").asText();
    }
}
