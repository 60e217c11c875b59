package cn.gonggaigong.task;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A completion through Camunda's REST APIs (its own and Tasklist's: {@code complete}, {@code submit-form},
 * {@code resolve}) sets only the fields of the task's form, as the task page does: a variable the form does not
 * have (the process's {@code townGroup}, {@code projectId}…) is refused with 400 and the reason in Chinese, in
 * the REST API's own error format, before the engine sees it. The values of the form's fields are then checked by
 * {@link CompletionGuard} as the task completes.
 */
public class EngineFormFieldsFilter extends OncePerRequestFilter {

    private static final Pattern COMPLETION = Pattern.compile(
            "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(complete|submit-form|resolve)$");

    private final TaskQueries queries;
    private final CompletionGuard guard;
    private final ObjectMapper json;

    EngineFormFieldsFilter(TaskQueries queries, CompletionGuard guard, ObjectMapper json) {
        this.queries = queries;
        this.guard = guard;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(EngineRequests.path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher completion = COMPLETION.matcher(EngineRequests.path(request));
        completion.matches();
        byte[] body = request.getInputStream().readAllBytes();
        Optional<String> refused = Optional.empty();
        JsonNode variables = readVariables(body);
        if (variables != null && variables.isObject() && !variables.isEmpty()) {
            List<String> keys = new ArrayList<>();
            variables.fieldNames().forEachRemaining(keys::add);
            refused = queries.byId(completion.group(1)).flatMap(row -> guard.refusedFields(row, keys));
        }
        if (refused.isPresent()) {
            EngineRequests.refuse(response, json, HttpServletResponse.SC_BAD_REQUEST,
                    Map.of("type", "InvalidRequestException", "message", refused.get(), "code", 0));
            return;
        }
        chain.doFilter(new ReplayedRequest(request, body), response);
    }

    /** The request's {@code variables}, or null where the body is no JSON object (the REST API says what is wrong). */
    private JsonNode readVariables(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : json.readTree(body);
            return node == null || !node.isObject() ? null : node.get("variables");
        } catch (IOException notJson) {
            return null;
        }
    }

    /** After Spring Security (who is calling is known, the anonymous are answered 401) and Camunda's webapp login. */
    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<EngineFormFieldsFilter> engineFormFields(TaskQueries queries, CompletionGuard guard,
                                                                        ObjectMapper json) {
            FilterRegistrationBean<EngineFormFieldsFilter> registration =
                    new FilterRegistrationBean<>(new EngineFormFieldsFilter(queries, guard, json));
            registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
            registration.setOrder(102);
            return registration;
        }
    }
}
