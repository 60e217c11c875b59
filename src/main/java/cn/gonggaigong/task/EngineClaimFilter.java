package cn.gonggaigong.task;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.gonggaigong.security.CurrentUser;
import cn.gonggaigong.security.Groups;

/**
 * Claiming and releasing a task through Camunda's REST APIs (its own and Tasklist's) follow the task page's rules.
 * Camunda lets anyone who may work on a task claim it for any user id, a colleague, an officer of another town or a
 * name nobody has, and lets any of the task's office release a colleague's claim. Here, as on the task page, an
 * officer claims only for themselves ({@code {"userId": their own id}}), and releases only their own claim, not while
 * it is delegated, and not where no office could take the task back; one who may only read the task (the leading
 * group) or not even that (another town's officer) is told so in the task page's words, not the engine's English.
 * Handing a task to someone else is 转办 or 委派 on the task page. The administrators keep Camunda's rules. Refusals are 403 in the REST API's error format, with
 * the reason in Chinese, before the engine sees the request.
 */
public class EngineClaimFilter extends OncePerRequestFilter {

    private static final Pattern CLAIM = Pattern.compile(
            "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(claim|unclaim)$");

    static final String CLAIM_FOR_OTHERS = "只能为本人认领任务：交给他人办理请在任务页面转办或委派";

    private final TaskQueries queries;
    private final TaskItems items;
    private final UserDirectory users;
    private final ObjectMapper json;

    EngineClaimFilter(TaskQueries queries, TaskItems items, UserDirectory users, ObjectMapper json) {
        this.queries = queries;
        this.items = items;
        this.users = users;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !CLAIM.matcher(EngineRequests.path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CurrentUser> caller = CurrentUser.of(SecurityContextHolder.getContext().getAuthentication());
        if (caller.isEmpty() || caller.get().inGroup(Groups.ADMINS)) {
            chain.doFilter(request, response);
            return;
        }
        Matcher claim = CLAIM.matcher(EngineRequests.path(request));
        claim.matches();
        String taskId = claim.group(1);
        byte[] body = request.getInputStream().readAllBytes();
        String claimFor = "claim".equals(claim.group(2)) ? userId(body) : null;
        Optional<String> refused = claimFor != null
                ? refusedClaim(caller.get(), claimFor)
                        .or(() -> queries.byId(taskId).flatMap(row -> notTheirs(row, caller.get())))
                // A claim without a user id releases the task, as unclaim does.
                : queries.byId(taskId).flatMap(row -> TaskItems.whyNotReleasable(row, caller.get().userId(), users));
        if (refused.isPresent()) {
            EngineRequests.refuse(response, json, HttpServletResponse.SC_FORBIDDEN,
                    Map.of("type", "AuthorizationException", "message", refused.get()));
            return;
        }
        chain.doFilter(new ReplayedRequest(request, body), response);
    }

    /** Why the caller may not take the task at all, in the task page's words: not theirs to read, or only to read. */
    private Optional<String> notTheirs(TaskRow row, CurrentUser caller) {
        if (!items.canRead(row, caller)) {
            return Optional.of(TaskItems.unreadable(row));
        }
        return items.canWork(row, caller) ? Optional.empty() : Optional.of(TaskItems.readOnly(row));
    }

    /** A claim names the user who takes the task: only the caller themselves. */
    static Optional<String> refusedClaim(CurrentUser caller, String userId) {
        return userId.equals(caller.userId()) ? Optional.empty() : Optional.of(CLAIM_FOR_OTHERS);
    }

    /** The body's {@code userId}; null where there is none, or the body is no JSON object. */
    private String userId(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : json.readTree(body);
            JsonNode userId = node == null || !node.isObject() ? null : node.get("userId");
            return userId == null || userId.isNull() ? null : userId.asText();
        } catch (IOException notJson) {
            return null;
        }
    }

    /** After Spring Security (who is calling is known) and Camunda's webapp login, like the form-fields filter. */
    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<EngineClaimFilter> engineClaim(TaskQueries queries, TaskItems items, UserDirectory users,
                                                              ObjectMapper json) {
            FilterRegistrationBean<EngineClaimFilter> registration =
                    new FilterRegistrationBean<>(new EngineClaimFilter(queries, items, users, json));
            registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
            registration.setOrder(102);
            return registration;
        }
    }
}
