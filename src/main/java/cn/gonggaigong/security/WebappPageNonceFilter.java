package cn.gonggaigong.security;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The page of a Camunda webapp (Tasklist, Cockpit, Admin, the welcome page) with the script nonce of its own
 * Content-Security-Policy. Camunda 7.24 keeps the nonce it puts in the header in one attribute of the servlet context,
 * shared by every request, and writes the page's {@code nonce="…"} from there: when two requests meet (officers opening
 * Tasklist at the same time, or any call of an open webapp while a page loads), a page gets another request's nonce,
 * its browser refuses every script of it, and the webapp stays blank (25 of 60 pages requested at once, here). The page
 * is small and written once per visit: this puts its own header's nonce in it.
 */
public class WebappPageNonceFilter extends OncePerRequestFilter {

    static final String CSP = "Content-Security-Policy";
    private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
    private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"[^\"]*\"");

    /** A webapp's page is its folder, /camunda/app/{webapp}/{engine}/; its scripts, styles and data are files in it. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().endsWith("/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, page);
        String header = page.getHeader(CSP);
        String type = page.getContentType();
        Matcher nonce = header == null ? null : HEADER_NONCE.matcher(header);
        if (nonce != null && nonce.find() && type != null && type.startsWith("text/html")) {
            String body = new String(page.getContentAsByteArray(), charset(page));
            String own = PAGE_NONCE.matcher(body).replaceAll(Matcher.quoteReplacement("nonce=\"" + nonce.group(1) + "\""));
            if (!own.equals(body)) {
                page.resetBuffer();
                page.getOutputStream().write(own.getBytes(charset(page)));
            }
        }
        page.copyBodyToResponse();
    }

    private static Charset charset(HttpServletResponse response) {
        try {
            return Charset.forName(response.getCharacterEncoding());
        } catch (RuntimeException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<WebappPageNonceFilter> webappPageNonce() {
            FilterRegistrationBean<WebappPageNonceFilter> registration =
                    new FilterRegistrationBean<>(new WebappPageNonceFilter());
            // Around Camunda's own filters (registered after every application filter): its header and its page.
            registration.addUrlPatterns("/camunda/app/*");
            registration.setOrder(100);
            return registration;
        }
    }
}
