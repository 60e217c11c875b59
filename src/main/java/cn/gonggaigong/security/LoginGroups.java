package cn.gonggaigong.security;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * A browser login's groups brought in line with what its identity source says now (the embedded mode's
 * {@code LoginRecheck}, Keycloak's {@code RealmSessionCheck}), for the rest of the request and the session's next ones.
 */
public final class LoginGroups {

    private static final HttpSessionSecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

    private LoginGroups() {
    }

    /** The login's authorities with its {@code GROUP_} ones replaced by these groups (the others kept as they are). */
    public static List<GrantedAuthority> replaced(Authentication login, Collection<String> groups) {
        return Stream.concat(
                login.getAuthorities().stream()
                        .filter(authority -> !authority.getAuthority().startsWith(IdentityMode.GROUP_AUTHORITY_PREFIX)),
                groups.stream().sorted().map(group -> new SimpleGrantedAuthority(IdentityMode.GROUP_AUTHORITY_PREFIX + group)))
                .map(GrantedAuthority.class::cast)
                .toList();
    }

    /** Puts {@code updated} in place of the login for the rest of this request and in its session. */
    public static void keep(Authentication updated, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(updated);
        SecurityContextHolder.setContext(context);
        SESSIONS.saveContext(context, request, response);
    }
}
