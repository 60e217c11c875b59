package cn.gonggaigong.task;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's refusals that an officer meets in Tasklist, in Chinese: Camunda's REST APIs (its own and Tasklist's)
 * answer with the engine's English message, which Tasklist shows as it is. Two officers of one town reach for the
 * same task every day: the second one's claim is refused ("Task '…' is already claimed by someone else.", a 500 from
 * Camunda, answered here as 409 Conflict), and a task a colleague has just completed is gone ("Cannot find task with
 * id …", a 500 or 404 from Camunda, answered as 404). A completion that still met a concurrent change of the same
 * rows after {@code EngineCommandRetry}'s attempts (most often its escalation timer falling due at that moment) is a
 * 409 that says to try again. An authorization refusal keeps the engine's detail (which permission on what) after the
 * Chinese. Only an error answer of the engine APIs in Camunda's JSON format ({@code type}, {@code message}) is read;
 * anything else passes untouched, and the product's own refusals are Chinese already.
 */
public class EngineMessagesFilter extends OncePerRequestFilter {

    private record Translation(String type, Pattern message, int status, Function<Matcher, String> chinese) {
    }

    private static final List<Translation> TRANSLATIONS = List.of(
            new Translation("TaskAlreadyClaimedException", Pattern.compile("^Task '[^']*' is already claimed by someone else\\.?$"),
                    HttpServletResponse.SC_CONFLICT,
                    m -> "该任务已被他人认领，不能再认领：请刷新任务列表查看办理人；需要接手的，请办理人取消认领或在任务页面转办"),
            new Translation(null, Pattern.compile(
                    "^(?:Cannot [a-z ]+ task [^:]*: )?Cannot find task with id [^:]*: task is null$"),
                    HttpServletResponse.SC_NOT_FOUND,
                    m -> "任务不存在或已办结（可能已由他人办理完毕）：请刷新任务列表"),
            // The usual cause: the task's escalation timer fell due as it was completed (ConcurrentChangeRetry runs the
            // product's own pages again; Camunda's REST API does not). The whole attempt was rolled back.
            // Its type is OptimisticLockingException, or RestException where the REST API wrapped it ("Cannot complete
            // task …: ENGINE-03005 …").
            new Translation(null, Pattern.compile(".*was updated by another transaction concurrently.*", Pattern.DOTALL),
                    HttpServletResponse.SC_CONFLICT, m -> "该任务正被他人或系统同时处理，本次操作未保存：请稍后再试"),
            // An administrator suspended the project's process instance (Cockpit): "ENGINE-03043 task with id '…' is
            // suspended.", a 500 from Camunda, or within "Cannot complete task …: …" where the REST API wrapped it.
            new Translation(null, Pattern.compile(".*task with id '[^']*' is suspended\\.?$", Pattern.DOTALL),
                    HttpServletResponse.SC_CONFLICT, m -> WorkApiExceptionHandler.SUSPENDED),
            new Translation("AuthorizationException", Pattern.compile("^The user with id '([^']*)' does not have .*$",
                    Pattern.DOTALL), 0,
                    m -> "没有权限：用户“" + m.group(1) + "”不能进行此操作。详细信息：" + m.group()));

    private final ObjectMapper json;

    EngineMessagesFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ErrorCapture capture = new ErrorCapture(response);
        chain.doFilter(request, capture);
        capture.finish();
    }

    /** An error answer in Chinese: its status (0: the engine's) and body. */
    private record Translated(int status, byte[] body) {
    }

    /** The engine's error body with its message in Chinese, or null where it is none of the known refusals. */
    private Translated translated(byte[] body) {
        JsonNode error;
        try {
            error = json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
        if (error == null || !error.isObject() || !error.path("message").isTextual()) {
            return null;
        }
        String message = error.get("message").asText();
        for (Translation translation : TRANSLATIONS) {
            Matcher matched = translation.message().matcher(message);
            if ((translation.type() == null || translation.type().equals(error.path("type").asText()))
                    && matched.matches()) {
                ((ObjectNode) error).put("message", translation.chinese().apply(matched));
                try {
                    return new Translated(translation.status(), json.writeValueAsBytes(error));
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * Holds back the body of an error answer (status 400 or more) to read it after the engine has written it; any
     * other answer goes straight through. The length the engine declares for an error body is not passed on, since
     * the Chinese one differs.
     */
    private final class ErrorCapture extends HttpServletResponseWrapper {

        private ByteArrayOutputStream held;
        private ServletOutputStream stream;
        private PrintWriter writer;

        ErrorCapture(HttpServletResponse response) {
            super(response);
        }

        private boolean holding() {
            return getStatus() >= 400;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!holding()) {
                return super.getOutputStream();
            }
            if (stream == null) {
                held = new ByteArrayOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public void write(int b) {
                        held.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        held.write(b, off, len);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!holding()) {
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
            if (!holding()) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (!holding()) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!(holding() && "Content-Length".equalsIgnoreCase(name))) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!(holding() && "Content-Length".equalsIgnoreCase(name))) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (held == null) {
                super.flushBuffer();
            }
        }

        /** Writes what was held back, in Chinese where it is a known refusal. */
        void finish() throws IOException {
            if (held == null) {
                return;
            }
            if (writer != null) {
                writer.flush();
            }
            byte[] body = held.toByteArray();
            Translated chinese = translated(body);
            HttpServletResponse response = (HttpServletResponse) getResponse();
            if (chinese != null) {
                if (chinese.status() != 0) {
                    response.setStatus(chinese.status());
                }
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                body = chinese.body();
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<EngineMessagesFilter> engineMessages(ObjectMapper json) {
            FilterRegistrationBean<EngineMessagesFilter> registration =
                    new FilterRegistrationBean<>(new EngineMessagesFilter(json));
            registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
            registration.setOrder(103);
            return registration;
        }
    }
}
