package cn.gonggaigong.security.keycloak;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Keycloak realm is (profile {@code keycloak}; values in application-keycloak.yaml, each from an
 * environment variable with a local default).
 *
 * @param issuer     the realm's issuer exactly as it appears in the {@code iss} claim of its tokens (Keycloak's
 *                   {@code --hostname} fixes it); a token with any other issuer is rejected
 * @param jwkSetUri  where the realm publishes its signing keys (reached from the application's side)
 * @param clockSkew  how far past its {@code exp} a token is still accepted, for clocks that differ a little
 */
@ConfigurationProperties(prefix = "ggg.keycloak")
public record KeycloakProperties(
        String issuer,
        String jwkSetUri,
        @DefaultValue("30s") Duration clockSkew) {
}
