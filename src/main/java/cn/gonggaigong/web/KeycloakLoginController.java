package cn.gonggaigong.web;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login address in the keycloak profile (KeycloakIdentityMode's login page): people log in at the realm's login
 * page, to which {@code /login} leads, so that a bookmark or link of the embedded mode's page still works and no page
 * of Spring's own (in English) is shown. When the login at Keycloak did not succeed ({@code ?error}), says so in
 * Chinese and offers to log in again, rather than starting it over by itself.
 * <p>
 * Camunda's webapps keep their place after {@code #} (Tasklist's {@code #/?task=…}), which browsers never send to the
 * server. A redirect keeps it up to Keycloak's login page, but the form posted there comes back without it, and
 * Spring's saved request cannot hold what the server never saw. So when the page asked for is one of the webapps,
 * {@code /login} is a short page that keeps the address's {@code #} part in the tab's session storage with the page
 * it belongs to, and then goes on to Keycloak; the webapps' script (tasklist/scripts/officer-view.js) puts it back
 * when that page opens after the login.
 */
@Controller
@Profile("keycloak")
public class KeycloakLoginController {

    /** Where Spring Security starts the login at the realm (registration {@code keycloak}). */
    public static final String LOGIN_AT_KEYCLOAK = "/oauth2/authorization/keycloak";

    /** The pages whose place is after {@code #}: Camunda's webapps. */
    static final String WEBAPPS = "/camunda/app/";

    private final PageTemplates templates;
    private final RequestCache savedRequests = new HttpSessionRequestCache();

    public KeycloakLoginController(PageTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/login")
    public ResponseEntity<String> login(HttpServletRequest request, HttpServletResponse response) {
        if (request.getParameter("error") != null) {
            return templates.render("login-failed", Map.of("loginAddress", LOGIN_AT_KEYCLOAK), request);
        }
        String asked = pageAskedFor(request, response);
        if (asked != null && asked.startsWith(WEBAPPS)) {
            return templates.render("login-keycloak", Map.of("loginAddress", LOGIN_AT_KEYCLOAK, "returnPath", asked),
                    request);
        }
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, LOGIN_AT_KEYCLOAK).build();
    }

    /** The path of the page the login was asked for (Spring Security's saved request), or null. */
    private String pageAskedFor(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = savedRequests.getRequest(request, response);
        if (saved == null) {
            return null;
        }
        try {
            return URI.create(saved.getRedirectUrl()).getPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
