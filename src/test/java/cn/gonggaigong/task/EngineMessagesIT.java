package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Two officers of one town reach for the same task through Camunda's REST API (what Tasklist calls): the second
 * claim, and any step on a task a colleague has completed, are refused in Chinese ({@link EngineMessagesFilter}).
 */
class EngineMessagesIT extends WorkApiTestSupport {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;

    @Test
    void theSecondOfficerIsToldInChineseThatTheTaskIsTakenOrDone() throws Exception {
        JsonNode project = apply("zhanlong", "占陇镇两人同时认领项目");
        String task = taskId("zhanlong1", project.get("code").asText(), "Task_SurveyWillingness");

        ResponseEntity<String> first = engineRest("zhanlong1", "/task/" + task + "/claim", Map.of("userId", "zhanlong1"));
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(204);
        ResponseEntity<String> second = engineRest("zhanlong2", "/task/" + task + "/claim", Map.of("userId", "zhanlong2"));
        assertThat(second.getStatusCode().value()).as(second.getBody()).isEqualTo(409);
        JsonNode refused = json.readTree(second.getBody());
        assertThat(refused.get("type").asText()).isEqualTo("TaskAlreadyClaimedException");
        assertThat(refused.get("message").asText()).startsWith("该任务已被他人认领，不能再认领");
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("zhanlong1");

        // Another town's officer may not take it, and is told why as the task page tells it (EngineClaimFilter).
        ResponseEntity<String> foreign = engineRest("liushadong1", "/task/" + task + "/claim", Map.of("userId", "liushadong1"));
        assertThat(foreign.getStatusCode().value()).as(foreign.getBody()).isEqualTo(403);
        assertThat(json.readTree(foreign.getBody()).get("message").asText()).isEqualTo("无权查看该任务：项目 "
                + project.get("code").asText() + " 属于占陇镇，您不是其所在乡镇、改造主体或市级审批部门的人员");

        // The first completes it; the second, still looking at it, is told it is done.
        complete("zhanlong1", project.get("code").asText(), "Task_SurveyWillingness", willingness());
        for (String step : new String[]{"/claim", "/complete"}) {
            ResponseEntity<String> late = engineRest("zhanlong2", "/task/" + task + step, Map.of("userId", "zhanlong2"));
            assertThat(late.getStatusCode().value()).as(step + ": " + late.getBody()).isBetween(400, 499);
            assertThat(json.readTree(late.getBody()).get("message").asText()).as(step)
                    .isEqualTo("任务不存在或已办结（可能已由他人办理完毕）：请刷新任务列表");
        }
    }

    @Test
    void otherAnswersPassAsTheEngineGaveThem() throws Exception {
        ResponseEntity<String> count = rest.withBasicAuth("zhanlong1", "demo").getForEntity("/engine-rest/task/count", String.class);
        assertThat(count.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(count.getBody()).has("count")).isTrue();
        ResponseEntity<String> wrong = rest.withBasicAuth("zhanlong1", "demo")
                .getForEntity("/engine-rest/task?sortBy=nonsense&sortOrder=asc", String.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        JsonNode error = json.readTree(wrong.getBody());
        assertThat(error.get("type").asText()).isEqualTo("InvalidRequestException");
        assertThat(error.get("message").asText()).contains("sortBy").doesNotContainPattern("\\p{IsHan}");
        assertThat(wrong.getHeaders().getContentLength()).isEqualTo(wrong.getBody().getBytes(StandardCharsets.UTF_8).length);
    }

    private ResponseEntity<String> engineRest(String user, String path, Object body) {
        return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest" + path, body, String.class);
    }
}
