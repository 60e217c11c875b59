package cn.gonggaigong.security;

import java.util.Optional;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How people prove who they are. Exactly one bean of this type exists: {@code EmbeddedIdentityMode} (default:
 * users, groups and passwords from keycloak-realm.json in Camunda's own identity tables, form login and HTTP
 * Basic) or {@code KeycloakIdentityMode} (profile {@code keycloak}: OIDC login in the browser, JWT bearer tokens
 * for the APIs). Whatever the mode, the resulting Spring Security {@code Authentication} has the user id as its
 * name and one authority {@value #GROUP_AUTHORITY_PREFIX}&lt;group id&gt; per group, so authorization is the same.
 */
public interface IdentityMode {

    String GROUP_AUTHORITY_PREFIX = "GROUP_";

    /** Adds the mode's login mechanisms to the application's one security filter chain. */
    void configure(HttpSecurity http) throws Exception;

    /**
     * Where people change their own password when Camunda does not keep it: empty where it does (the embedded mode:
     * Camunda's welcome page offers 修改密码), the identity provider's own page otherwise.
     */
    default Optional<String> passwordPage() {
        return Optional.empty();
    }
}
