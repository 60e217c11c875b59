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
import org.camunda.bpm.engine.task.DelegationState;
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
 * it is delegated, and not where no office could take the task back. Handing a task to someone else is 转办 or 委派
 * on the task page. The administrators keep Camunda's rules. Refusals are 403 in the REST API's error format, with
 * the reason in Chinese, before the engine sees the request.
 */
public class EngineClaimFilter extends OncePerRequestFilter {

    private static final Pattern CLAIM = Pattern.compile(
            "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(claim|unclaim)$");

    static final String CLAIM_FOR_OTHERS = "只能为本人认领任务：交给他人办理请在任务页面转办或委派";

    private final TaskQueries queries;
    private final ObjectMapper json;

    EngineClaimFilter(TaskQueries queries, ObjectMapper json) {
        this.queries = queries;
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
                // A claim without a user id releases the task, as unclaim does.
                : queries.byId(taskId).flatMap(row -> refusedRelease(caller.get(), row));
        if (refused.isPresent()) {
            EngineRequests.refuse(response, json, HttpServletResponse.SC_FORBIDDEN,
                    Map.of("type", "AuthorizationException", "message", refused.get()));
            return;
        }
        chain.doFilter(new ReplayedRequest(request, body), response);
    }

    /** A claim names the user who takes the task: only the caller themselves. */
    static Optional<String> refusedClaim(CurrentUser caller, String userId) {
        return userId.equals(caller.userId()) ? Optional.empty() : Optional.of(CLAIM_FOR_OTHERS);
    }

    /** The task page's rules of 取消认领 ({@code TaskWorkService.unclaim}). */
    static Optional<String> refusedRelease(CurrentUser caller, TaskRow row) {
        if (row.assignee() == null) {
            return Optional.empty();
        }
        if (!row.assignee().equals(caller.userId())) {
            return Optional.of("该任务由 " + row.assignee() + " 认领，只有认领人本人可以取消认领");
        }
        if (DelegationState.PENDING.name().equals(row.delegationState())) {
            return Optional.of("该任务正在委派办理中，不能取消认领");
        }
        if (!TaskItems.releasable(row)) {
            return Optional.of("该任务直接指定由您本人办理，没有可退回的单位待办，不能取消认领");
        }
        return Optional.empty();
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
        FilterRegistrationBean<EngineClaimFilter> engineClaim(TaskQueries queries, ObjectMapper json) {
            FilterRegistrationBean<EngineClaimFilter> registration =
                    new FilterRegistrationBean<>(new EngineClaimFilter(queries, json));
            registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
            registration.setOrder(102);
            return registration;
        }
    }
}
