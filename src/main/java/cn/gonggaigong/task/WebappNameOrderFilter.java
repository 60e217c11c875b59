package cn.gonggaigong.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Chinese names in Chinese order in Tasklist and Cockpit. Their pages write a person as "{firstName} {lastName}" (the
 * header's user, a task's assignee), which for 张 (family name, lastName) 三 (given name, firstName) reads "三 张", and
 * for the realm's 占陇镇 经办员 "经办员 占陇镇". For those two webapps only (the request comes from one of their pages,
 * Referer), the users in an engine API answer are given to the page as firstName "{lastName}{firstName}" and an
 * empty lastName where the name is written in Chinese characters: "张三", "占陇镇经办员". Neither page changes a user.
 * Admin and the welcome page, which edit the two fields, get them as they are, as do Camunda's REST API and the
 * product's own pages (which write the family name first themselves, {@code UserDirectory}).
 */
public class WebappNameOrderFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    WebappNameOrderFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String referer = request.getHeader(HttpHeaders.REFERER);
        return referer == null || !(referer.contains("/app/tasklist/") || referer.contains("/app/cockpit/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, held);
        String type = held.getContentType();
        byte[] body = held.getContentAsByteArray();
        if (held.getStatus() == HttpServletResponse.SC_OK && type != null && type.contains("json") && body.length > 0) {
            byte[] reordered = reordered(body);
            if (reordered != null) {
                held.resetBuffer();
                held.getOutputStream().write(reordered);
            }
        }
        held.copyBodyToResponse();
    }

    /** The answer with every user's name in Chinese order, or null where there was none to reorder. */
    private byte[] reordered(byte[] body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
        if (tree == null || !reorder(tree)) {
            return null;
        }
        try {
            return json.writeValueAsBytes(tree);
        } catch (IOException e) {
            return null;
        }
    }

    /** Reorders the names of every user object (id, firstName, lastName) in the tree; whether any was. */
    static boolean reorder(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode user && user.has("id") && user.has("firstName") && user.has("lastName")) {
            String first = user.path("firstName").asText("");
            String last = user.path("lastName").asText("");
            if (user.get("firstName").isTextual() && user.get("lastName").isTextual() && !last.isEmpty()
                    && chinese(first + last)) {
                user.put("firstName", last + first);
                user.put("lastName", "");
                changed = true;
            }
        }
        for (JsonNode child : node) {
            changed |= reorder(child);
        }
        return changed;
    }

    /** Whether the name is written in Chinese characters (a letter of the Han script). */
    static boolean chinese(String name) {
        return name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<WebappNameOrderFilter> webappNameOrder(ObjectMapper json) {
            FilterRegistrationBean<WebappNameOrderFilter> registration =
                    new FilterRegistrationBean<>(new WebappNameOrderFilter(json));
            registration.addUrlPatterns("/camunda/api/engine/*");
            registration.setOrder(104);
            return registration;
        }
    }
}
