package cn.gonggaigong.web;

import java.util.Map;

import cn.gonggaigong.security.embedded.CamundaPasswordAuthenticationProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The Chinese login page of the embedded identity (form login, {@code EmbeddedIdentityMode}); Spring Security
 * handles the POST. In the keycloak profile people log in at Keycloak instead and this page does not exist.
 */
@Controller
@Profile("!keycloak")
public class LoginController {

    static final String LOGGED_OUT = "您已安全退出。";
    /** SecurityConfiguration.expiredLoginPage: the page was older than its session. */
    static final String EXPIRED = "登录页面已过期（长时间未操作，或系统已重新启动），请重新输入用户名和密码。";

    private final PageTemplates templates;

    public LoginController(PageTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/login")
    public ResponseEntity<String> login(HttpServletRequest request) {
        String message = "";
        if (request.getParameter("error") != null) {
            message = "<p class=\"alert error\" role=\"alert\" id=\"login-error\">"
                    + HtmlUtils.htmlEscape(refusal(request)) + "</p>";
        } else if (request.getParameter("expired") != null) {
            message = "<p class=\"alert error\" role=\"alert\" id=\"login-expired\">" + EXPIRED + "</p>";
        } else if (request.getParameter("logout") != null) {
            message = "<p class=\"alert success\" role=\"status\" id=\"login-logout\">" + LOGGED_OUT + "</p>";
        }
        return templates.render("login", Map.of("message", new PageTemplates.Raw(message)), request);
    }

    /** Why the last login of this session was refused (Spring Security keeps it in the session for this page). */
    private static String refusal(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object refused = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return refused instanceof AuthenticationException e ? CamundaPasswordAuthenticationProvider.refusal(e)
                : CamundaPasswordAuthenticationProvider.WRONG_PASSWORD;
    }
}
