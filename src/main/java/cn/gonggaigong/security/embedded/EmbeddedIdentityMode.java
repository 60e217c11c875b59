package cn.gonggaigong.security.embedded;

import cn.gonggaigong.security.IdentityMode;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/**
 * The default identity: the users, groups and passwords of keycloak-realm.json, kept in Camunda's own identity
 * tables ({@link RealmIdentityImporter}); people log in with a form, programs with HTTP Basic.
 */
@Component
@Profile("!keycloak")
public class EmbeddedIdentityMode implements IdentityMode {

    private final CamundaPasswordAuthenticationProvider passwords;

    public EmbeddedIdentityMode(CamundaPasswordAuthenticationProvider passwords) {
        this.passwords = passwords;
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        // This provider alone, with no parent: Spring Boot also puts the provider bean into its global manager, and as
        // the parent of the chain's own manager it would check a refused password a second time (one wrong password
        // would then read as an account locked for it, CamundaPasswordAuthenticationProvider).
        http.authenticationManager(new ProviderManager(passwords))
                // The Chinese login page (cn.gonggaigong.web.LoginController); after it, the page first asked for,
                // else the officer's task list.
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/tasks", false))
                .httpBasic(Customizer.withDefaults());
    }
}
