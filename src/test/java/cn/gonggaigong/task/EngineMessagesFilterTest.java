package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** What {@link EngineMessagesFilter} does to what the engine's REST API wrote, one answer at a time. */
class EngineMessagesFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EngineMessagesFilter filter = new EngineMessagesFilter(JSON);

    /** The answer the engine writes (status, then length, then body, as Jersey does), through the filter. */
    private MockHttpServletResponse answer(int status, String body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/t1/complete");
        MockHttpServletResponse response = new MockHttpServletResponse();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        filter.doFilter(request, response, (req, res) -> {
            HttpServletResponse engine = (HttpServletResponse) res;
            engine.setStatus(status);
            engine.setContentType("application/json");
            engine.setContentLength(bytes.length);
            engine.getOutputStream().write(bytes);
            engine.flushBuffer();
        });
        return response;
    }

    @Test
    void aCompletionThatMetAConcurrentChangeIsAConflictToTryAgain() throws Exception {
        MockHttpServletResponse response = answer(500, """
                {"type":"OptimisticLockingException","message":"ENGINE-03005 Execution of 'DELETE TimerEntity[abc]' failed. \
                Entity was updated by another transaction concurrently.","code":1}""");
        assertThat(response.getStatus()).isEqualTo(409);
        JsonNode body = JSON.readTree(response.getContentAsByteArray());
        assertThat(body.get("type").asText()).isEqualTo("OptimisticLockingException");
        assertThat(body.get("message").asText()).isEqualTo("该任务正被他人或系统同时处理，本次操作未保存：请稍后再试");
        assertThat(body.get("code").asInt()).isEqualTo(1);
        assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);

        // As the REST API's completion wraps it.
        MockHttpServletResponse wrapped = answer(500, """
                {"type":"RestException","message":"Cannot complete task t1: ENGINE-03005 Execution of 'UPDATE TaskEntity[t1]'                 failed. Entity was updated by another transaction concurrently.","code":0}""");
        assertThat(wrapped.getStatus()).isEqualTo(409);
        assertThat(JSON.readTree(wrapped.getContentAsByteArray()).get("message").asText()).startsWith("该任务正被他人或系统同时处理");
    }

    @Test
    void anotherErrorAndEverySuccessPassUntouched() throws Exception {
        String unknown = "{\"type\":\"InvalidRequestException\",\"message\":\"Cannot set variable x\",\"code\":0}";
        MockHttpServletResponse error = answer(400, unknown);
        assertThat(error.getStatus()).isEqualTo(400);
        assertThat(error.getContentAsString()).isEqualTo(unknown);

        MockHttpServletResponse plain = answer(500, "Internal Server Error");
        assertThat(plain.getContentAsString()).isEqualTo("Internal Server Error");

        String count = "{\"count\":3}";
        MockHttpServletResponse ok = answer(200, count);
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(ok.getContentAsString()).isEqualTo(count);
        assertThat(ok.getContentLength()).isEqualTo(count.length());
        assertThat(ok.isCommitted()).as("a success goes straight through, flushed as the engine flushed it").isTrue();
    }
}
