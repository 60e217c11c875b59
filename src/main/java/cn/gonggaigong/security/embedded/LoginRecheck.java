package cn.gonggaigong.security.embedded;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import cn.gonggaigong.security.CurrentUser;
import cn.gonggaigong.security.LoginGroups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a login of the embedded identity in step with what the administrators changed since (Camunda Admin, 用户 and
 * 组): the groups a person logged in with were their offices from then on, so someone moved from one town to another
 * (调岗) went on seeing the first town's tasks and projects, and someone whose user was deleted (离职) went on working,
 * for as long as their session lasted. The first request after the login, and then the next one once per
 * {@code every} (a minute by default, {@code ggg.login.recheck-interval}), reads the person again: a user that no
 * longer exists is logged out (the page goes to the login form, an API call gets 401); changed groups replace the
 * login's, which the engine's authorization checks behind the product's pages take per request (Camunda's own webapps
 * keep their own copy, their authentication cache, read again after a minute as well: application.yaml).
 * A changed password does not end a login (the person may have changed it themselves); a lock after wrong passwords
 * does not either (anyone can cause one by typing the name).
 */
final class LoginRecheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginRecheck.class);

    /** Session attribute: when the login was last read against the identity tables. */
    private static final String CHECKED = LoginRecheck.class.getName() + ".checkedAt";

    private final IdentityService identityService;
    private final Duration every;
    private final Clock clock;

    LoginRecheck(IdentityService identityService, Duration every, Clock clock) {
        this.identityService = identityService;
        this.every = every;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && authentication instanceof UsernamePasswordAuthenticationToken login
                && login.isAuthenticated()) {
            try {
                if (due(session)) {
                    recheck(login, session, request, response);
                }
            } catch (IllegalStateException invalidated) {
                SecurityContextHolder.clearContext(); // a parallel request of the session logged the person out
            }
        }
        chain.doFilter(request, response);
    }

    private boolean due(HttpSession session) {
        return !(session.getAttribute(CHECKED) instanceof Instant checked) || !checked.plus(every).isAfter(clock.instant());
    }

    private void recheck(UsernamePasswordAuthenticationToken login, HttpSession session, HttpServletRequest request,
                         HttpServletResponse response) {
        String userId = login.getName();
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            log.info("用户 {} 已被管理员删除，其登录随之退出", userId);
            new SecurityContextLogoutHandler().logout(request, response, login);
            return;
        }
        Set<String> now = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        Set<String> before = CurrentUser.of(login).map(CurrentUser::groups).orElse(Set.of());
        if (!now.equals(before)) {
            log.info("用户 {} 的所属组已由管理员变更（{} → {}），其登录随之更新", userId,
                    before.stream().sorted().toList(), now.stream().sorted().toList());
            UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken.authenticated(
                    login.getPrincipal(), null, LoginGroups.replaced(login, now));
            updated.setDetails(login.getDetails());
            LoginGroups.keep(updated, request, response);
        }
        session.setAttribute(CHECKED, clock.instant());
    }
}
