package cn.gonggaigong.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML of the pages (classpath {@code pages/*.html}, outside the public static files): each {@code {{name}}} is
 * replaced by an HTML-escaped value; a {@link Raw} value is inserted as it is (markup the server built itself).
 */
@Component
class PageTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    /** Markup inserted without escaping; only for text the server made safe. */
    record Raw(String html) {
    }

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /** The page, never cached by the browser (it carries the session's CSRF token). */
    ResponseEntity<String> render(String template, Map<String, Object> values, HttpServletRequest request) {
        Map<String, Object> all = new java.util.HashMap<>(values);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        all.put("csrfParameter", csrf == null ? "_csrf" : csrf.getParameterName());
        all.put("csrfToken", csrf == null ? "" : csrf.getToken());
        Matcher m = PLACEHOLDER.matcher(load(template));
        StringBuilder html = new StringBuilder();
        while (m.find()) {
            Object value = all.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("页面模板 " + template + " 缺少参数 " + m.group(1));
            }
            String text = value instanceof Raw raw ? raw.html() : HtmlUtils.htmlEscape(value.toString(), "UTF-8");
            m.appendReplacement(html, Matcher.quoteReplacement(text));
        }
        m.appendTail(html);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(html.toString());
    }

    private String load(String template) {
        return cache.computeIfAbsent(template, name -> {
            try (InputStream in = new ClassPathResource("pages/" + name + ".html").getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("页面模板 " + name + " 无法读取", e);
            }
        });
    }
}
