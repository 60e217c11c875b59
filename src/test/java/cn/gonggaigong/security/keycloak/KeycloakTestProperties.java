package cn.gonggaigong.security.keycloak;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Points the application (profile {@code keycloak}) at this JVM's {@link KeycloakServer}, started on first use.
 * An interface, so that every test class of the keycloak profile (also one that extends another base class) has
 * the very same property source and so shares one application context.
 */
public interface KeycloakTestProperties {

    @DynamicPropertySource
    static void keycloakServer(DynamicPropertyRegistry registry) {
        registry.add("ggg.keycloak.url", () -> KeycloakServer.get().baseUrl());
        registry.add("ggg.keycloak.realm", () -> KeycloakServer.get().realm());
        registry.add("ggg.keycloak.issuer", () -> KeycloakServer.get().issuer());
        registry.add("ggg.keycloak.client-id", () -> KeycloakServer.APP_CLIENT);
        registry.add("ggg.keycloak.client-secret", () -> KeycloakServer.get().appClientSecret());
        // Expired means expired here: the expiry test waits this long past a token's exp.
        registry.add("ggg.keycloak.clock-skew", () -> "1s");
        // A login is renewed at Keycloak every 3 s instead of every minute: the tests that change a person there wait
        // for it (KeycloakBrowserIT), and every other test's logins go through renewals as they work.
        registry.add("ggg.keycloak.recheck-interval", () -> "PT3S");
    }
}
