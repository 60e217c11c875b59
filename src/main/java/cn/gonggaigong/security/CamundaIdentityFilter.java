package cn.gonggaigong.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Tells the Camunda engine who makes an API request, so its authorizations apply to every engine call of
 * the request (task lists, counts, history, completing a task), and forgets it afterwards.
 */
class CamundaIdentityFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final RequestMatcher paths;

    CamundaIdentityFilter(IdentityService identityService, RequestMatcher paths) {
        this.identityService = identityService;
        this.paths = paths;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !paths.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CurrentUser> user = CurrentUser.of(SecurityContextHolder.getContext().getAuthentication());
        if (user.isEmpty()) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        identityService.setAuthentication(user.get().userId(), user.get().groupList());
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
