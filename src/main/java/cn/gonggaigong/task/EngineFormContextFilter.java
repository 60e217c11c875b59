package cn.gonggaigong.task;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's Tasklist fills a task's form from the task's {@code form-variables}, which hold only the process's
 * variables: what the product's task page shows besides (a {@link TaskContext}: the agreement's deadlines, the scheme
 * reviewed, the unit's projects, the subsidy due, a first value…) was empty there. To an answer of Camunda's that
 * let the user read the task's variables (200), the values of the task's contexts are added where the answer has none
 * of that name, typed as Camunda types them; a request naming its variables gets only those named.
 */
public class EngineFormContextFilter extends OncePerRequestFilter {

    private static final Pattern FORM_VARIABLES = Pattern.compile(
            "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/form-variables$");

    private final ObjectProvider<TaskWorkService> work;
    private final ObjectMapper json;

    EngineFormContextFilter(ObjectProvider<TaskWorkService> work, ObjectMapper json) {
        this.work = work;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !FORM_VARIABLES.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, held);
        Matcher task = FORM_VARIABLES.matcher(path(request));
        String type = held.getContentType();
        if (task.matches() && held.getStatus() == HttpServletResponse.SC_OK && type != null && type.contains("json")) {
            byte[] added = withContext(held.getContentAsByteArray(), task.group(1), request.getParameter("variableNames"));
            if (added != null) {
                held.resetBuffer();
                held.getOutputStream().write(added);
            }
        }
        held.copyBodyToResponse();
    }

    /** The answer with the task's context values added, or null where nothing was added. */
    private byte[] withContext(byte[] body, String taskId, String variableNames) throws IOException {
        JsonNode tree = json.readTree(body);
        if (!(tree instanceof ObjectNode variables)) {
            return null;
        }
        Set<String> named = variableNames == null || variableNames.isBlank() ? null
                : Arrays.stream(variableNames.split(",")).map(String::strip).collect(Collectors.toSet());
        boolean changed = false;
        for (Map.Entry<String, Object> value : work.getObject().contextValues(taskId).entrySet()) {
            String name = value.getKey();
            if (variables.has(name) || (named != null && !named.contains(name))) {
                continue;
            }
            ObjectNode typed = variables.putObject(name);
            typed.put("type", camundaType(value.getValue()));
            typed.set("value", json.valueToTree(value.getValue()));
            typed.putObject("valueInfo");
            changed = true;
        }
        return changed ? json.writeValueAsBytes(variables) : null;
    }

    /** The name Camunda's REST API gives a value's type. */
    static String camundaType(Object value) {
        if (value instanceof Boolean) {
            return "Boolean";
        }
        if (value instanceof Integer) {
            return "Integer";
        }
        if (value instanceof Long) {
            return "Long";
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return "Double";
        }
        return "String";
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<EngineFormContextFilter> engineFormContext(ObjectProvider<TaskWorkService> work,
                                                                          ObjectMapper json) {
            FilterRegistrationBean<EngineFormContextFilter> registration =
                    new FilterRegistrationBean<>(new EngineFormContextFilter(work, json));
            registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
            registration.setOrder(105);
            return registration;
        }
    }
}
