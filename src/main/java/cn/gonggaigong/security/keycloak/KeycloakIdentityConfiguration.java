package cn.gonggaigong.security.keycloak;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.camunda.bpm.spring.boot.starter.configuration.impl.custom.CreateAdminUserConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * Profile {@code keycloak}: Camunda's users, groups and memberships are read from the Keycloak realm (read-only)
 * by the Camunda Keycloak identity plugin, and access tokens are checked against the realm.
 */
@Configuration(proxyBeanMethods = false)
@Profile("keycloak")
@EnableConfigurationProperties(KeycloakProperties.class)
public class KeycloakIdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeycloakIdentityConfiguration.class);

    /**
     * The engine plugin, set from {@code plugin.identity.keycloak.*} (application-keycloak.yaml). It reads the realm
     * through its admin REST API with the service account of client {@code ggg-app}. With
     * {@code use-username-as-camunda-user-id} and {@code use-group-path-as-camunda-group-id} a user's id is the
     * Keycloak user name and a top-level group's id is its path without the leading slash ({@code /nrb} →
     * {@code nrb}), i.e. the group name: the same values the tokens carry.
     */
    @Bean
    @ConfigurationProperties(prefix = "plugin.identity.keycloak")
    KeycloakIdentityProviderPlugin keycloakIdentityProviderPlugin() {
        return new KeycloakIdentityProviderPlugin();
    }

    /**
     * The logins made at Keycloak, for its back-channel logout (Spring Security's in-memory record), keeping when
     * Keycloak announced the end of each user's sessions for every node ({@link RealmSessionCheck}).
     */
    @Bean
    AnnouncedLogouts oidcSessionRegistry(JdbcTemplate jdbc) {
        return new AnnouncedLogouts(jdbc, Clock.systemUTC());
    }

    /**
     * Access tokens of the realm: signed by one of its keys, issued by exactly {@link KeycloakProperties#issuer()},
     * not expired (with {@link KeycloakProperties#clockSkew()}), an access token ({@code typ} Bearer: not an ID
     * token of the same realm) and naming a user. The keys are fetched on first use, so the application starts
     * without asking Keycloak for them.
     */
    @Bean
    JwtDecoder jwtDecoder(KeycloakProperties keycloak) {
        if (!StringUtils.hasText(keycloak.issuer()) || !StringUtils.hasText(keycloak.jwkSetUri())) {
            throw new IllegalStateException("ggg.keycloak.issuer and ggg.keycloak.jwk-set-uri must be set");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.jwkSetUri()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtIssuerValidator(keycloak.issuer()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtTimestampValidator(keycloak.clockSkew()),
                new JwtClaimValidator<String>("typ", "Bearer"::equals),
                new JwtClaimValidator<String>(KeycloakIdentityMode.USER_NAME_CLAIM, StringUtils::hasText)));
        return decoder;
    }

    /**
     * Drops the starter's {@code camunda.bpm.admin-user} creation (application.yaml's demo administrator): the
     * plugin's identity is read-only, so creating a user would fail the engine's start. Administrators are the
     * realm's {@code admins} group ({@code plugin.identity.keycloak.administrator-group-name}). Removing the bean
     * works whatever {@code camunda.bpm.admin-user.*} is set to (a profile file cannot unset a property).
     */
    @Bean
    static BeanFactoryPostProcessor withoutCamundaAdminUserCreation() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(CreateAdminUserConfiguration.class, true, false)) {
                ((BeanDefinitionRegistry) beanFactory).removeBeanDefinition(name);
                log.info("Keycloak identity: camunda.bpm.admin-user is ignored (bean '{}' removed); administrators "
                        + "are the members of the realm's administrator group", name);
            }
        };
    }
}
