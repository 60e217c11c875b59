package cn.gonggaigong.security.embedded;

import java.time.Clock;
import java.time.Duration;

import cn.gonggaigong.security.IdentityMode;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * The default identity: the users, groups and passwords of keycloak-realm.json, kept in Camunda's own identity
 * tables ({@link RealmIdentityImporter}); people log in with a form, programs with HTTP Basic.
 */
@Component
@Profile("!keycloak")
public class EmbeddedIdentityMode implements IdentityMode {

    private final CamundaPasswordAuthenticationProvider passwords;
    private final IdentityService identityService;
    private final Duration recheckInterval;

    public EmbeddedIdentityMode(CamundaPasswordAuthenticationProvider passwords, IdentityService identityService,
                                @Value("${ggg.login.recheck-interval:PT1M}") Duration recheckInterval) {
        this.passwords = passwords;
        this.identityService = identityService;
        this.recheckInterval = recheckInterval;
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
                .httpBasic(Customizer.withDefaults())
                // What the administrators changed about a logged-in person applies to their login within a minute.
                .addFilterBefore(new LoginRecheck(identityService, recheckInterval, Clock.systemUTC()),
                        AnonymousAuthenticationFilter.class);
    }
}
