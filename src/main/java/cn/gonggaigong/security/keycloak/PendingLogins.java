package cn.gonggaigong.security.keycloak;

import java.io.Serial;
import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.util.WebUtils;

/**
 * The logins a browser session has sent to Keycloak and not yet seen come back, by their {@code state}, each with the
 * page it was asked for. Spring Security's own repository keeps only the latest: two tabs whose session had ended
 * both wait at Keycloak's login form, the officer logs in in one, and Keycloak's form in the other notices the new
 * session (it looks every 2 s) and comes back with its own state, which the application then refused
 * (统一身份认证未能完成登录) although the person had just logged in. Here each tab comes back to the page it asked
 * for ({@link #RETURN_TO}, read by the login's success handler).
 *
 * <p>At most {@link #KEPT} per session, the oldest forgotten first (a tab left at the login form for a day).
 */
final class PendingLogins implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    /** How many logins a session keeps waiting: more than the tabs an officer leaves at the login form. */
    static final int KEPT = 10;

    /** The request attribute with the page of the login that has just come back (absent: none was saved). */
    static final String RETURN_TO = PendingLogins.class.getName() + ".RETURN_TO";

    private static final String SESSION_ATTRIBUTE = PendingLogins.class.getName() + ".LOGINS";

    private final RequestCache savedRequests = new HttpSessionRequestCache();

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        HttpSession session = request.getSession(false);
        if (state == null || session == null) {
            return null;
        }
        synchronized (WebUtils.getSessionMutex(session)) {
            Pending pending = logins(session).get(state);
            return pending == null ? null : pending.request();
        }
    }

    /** Keeps the login with the page the session's saved request names (the page that led to it), if any. */
    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
                                         HttpServletResponse response) {
        if (authorizationRequest == null) {
            removeAuthorizationRequest(request, response);
            return;
        }
        SavedRequest asked = savedRequests.getRequest(request, response);
        Pending pending = new Pending(authorizationRequest, asked == null ? null : asked.getRedirectUrl());
        HttpSession session = request.getSession();
        synchronized (WebUtils.getSessionMutex(session)) {
            Logins logins = new Logins(logins(session));
            logins.remove(authorizationRequest.getState());
            logins.put(authorizationRequest.getState(), pending);
            for (Iterator<String> oldest = logins.keySet().iterator(); logins.size() > KEPT; ) {
                oldest.next();
                oldest.remove();
            }
            // Set again, not changed in place: a session store that writes attributes on setAttribute sees it.
            session.setAttribute(SESSION_ATTRIBUTE, logins);
        }
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
                                                                 HttpServletResponse response) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        HttpSession session = request.getSession(false);
        if (state == null || session == null) {
            return null;
        }
        Pending pending;
        synchronized (WebUtils.getSessionMutex(session)) {
            Logins logins = new Logins(logins(session));
            pending = logins.remove(state);
            if (pending == null) {
                return null;
            }
            if (logins.isEmpty()) {
                session.removeAttribute(SESSION_ATTRIBUTE);
            } else {
                session.setAttribute(SESSION_ATTRIBUTE, logins);
            }
        }
        if (pending.page() != null) {
            request.setAttribute(RETURN_TO, pending.page());
        }
        return pending.request();
    }

    private static Logins logins(HttpSession session) {
        return session.getAttribute(SESSION_ATTRIBUTE) instanceof Logins logins ? logins : new Logins();
    }

    /** A login sent to Keycloak, and the page it was asked for (null: none saved). */
    record Pending(OAuth2AuthorizationRequest request, String page) implements Serializable {
    }

    /** By state, oldest first. */
    static final class Logins extends LinkedHashMap<String, Pending> {

        @Serial
        private static final long serialVersionUID = 1L;

        Logins() {
        }

        Logins(Logins logins) {
            super(logins);
        }
    }
}
