package cn.gonggaigong.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login address in the keycloak profile (KeycloakIdentityMode's login page): people log in at the realm's login
 * page, to which {@code /login} leads, so that a bookmark or link of the embedded mode's page still works and no page
 * of Spring's own (in English) is shown. When the login at Keycloak did not succeed ({@code ?error}), says so in
 * Chinese and offers to log in again, rather than starting it over by itself.
 */
@Controller
@Profile("keycloak")
public class KeycloakLoginController {

    /** Where Spring Security starts the login at the realm (registration {@code keycloak}). */
    public static final String LOGIN_AT_KEYCLOAK = "/oauth2/authorization/keycloak";

    private final PageTemplates templates;

    public KeycloakLoginController(PageTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/login")
    public ResponseEntity<String> login(HttpServletRequest request) {
        if (request.getParameter("error") != null) {
            return templates.render("login-failed", Map.of("loginAddress", LOGIN_AT_KEYCLOAK), request);
        }
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, LOGIN_AT_KEYCLOAK).build();
    }
}
