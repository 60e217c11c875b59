package cn.gonggaigong.security.keycloak;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

/** How a Keycloak token becomes the application's user: name = user name, one GROUP_ authority per group. */
class KeycloakIdentityModeTest {

    @Test
    void anAccessTokenGivesTheUserNameAndItsGroups() {
        Jwt jwt = jwt(Map.of("preferred_username", "zhanlong1", "groups", List.of("town-zhanlong", "applicants")));

        JwtAuthenticationToken authentication =
                (JwtAuthenticationToken) KeycloakIdentityMode.jwtAuthenticationConverter().convert(jwt);

        assertThat(authentication.getName()).isEqualTo("zhanlong1");
        assertThat(names(authentication.getAuthorities()))
                .containsExactlyInAnyOrder("GROUP_town-zhanlong", "GROUP_applicants");
    }

    @Test
    void aTokenWithoutGroupsGivesNoGroupAuthorities() {
        Jwt jwt = jwt(Map.of("preferred_username", "service-account-ggg-app"));

        assertThat(KeycloakIdentityMode.jwtAuthenticationConverter().convert(jwt).getAuthorities()).isEmpty();
    }

    @Test
    void fullGroupPathsNameTheSameGroupsAsThePlugin() {
        assertThat(KeycloakIdentityMode.groupAuthorities(List.of("/nrb", "nrb", "", "/town-zhanlong")))
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("GROUP_nrb", "GROUP_town-zhanlong");
        assertThat(KeycloakIdentityMode.groupAuthorities("nrb")).isEmpty();
        assertThat(KeycloakIdentityMode.groupAuthorities(null)).isEmpty();
    }

    @Test
    void browserLoginAddsTheIdTokensGroups() {
        OidcIdToken idToken = new OidcIdToken("id", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "1", "preferred_username", "nrb-clerk", "groups", List.of("nrb")));
        Collection<GrantedAuthority> authorities = List.of(new OidcUserAuthority(idToken),
                AuthorityUtils.createAuthorityList("SCOPE_openid").get(0));

        Collection<? extends GrantedAuthority> mapped =
                KeycloakIdentityMode.loginAuthoritiesMapper().mapAuthorities(authorities);

        assertThat(names(mapped)).contains("GROUP_nrb", "SCOPE_openid", "OIDC_USER");
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("token").header("alg", "RS256").claims(c -> c.putAll(claims))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }

    private static Set<String> names(Collection<? extends GrantedAuthority> authorities) {
        return AuthorityUtils.authorityListToSet(authorities);
    }
}
