package cn.gonggaigong.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** What the filters in front of Camunda's REST APIs share: the request's path, a refusal in the APIs' error format. */
final class EngineRequests {

    private EngineRequests() {
    }

    /** The path without the context path, e.g. {@code /engine-rest/task/t1/claim}. */
    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Answers with the status and Camunda's error body ({@code type}, {@code message}, …), which Tasklist shows. */
    static void refuse(HttpServletResponse response, ObjectMapper json, int status, Map<String, Object> error)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), error);
    }
}
