package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An administrator suspends (挂起) a project's process in Cockpit, e.g. while a dispute over the land is settled. Its
 * tasks say so in the lists and on the task page, and a claim or completion, on the product's pages or in Tasklist,
 * is refused in Chinese (409) and saves nothing, no longer a 500 with the engine's English; once it is activated
 * again the task is worked on as before.
 */
class SuspendedProcessIT extends WorkApiTestSupport {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSuspendedProjectsTaskIsShownAsSuchAndRefusedInChineseUntilActivated() throws Exception {
        JsonNode project = apply("zhanlong", "权属争议暂停项目");
        String code = project.get("code").asText();
        String task = taskId("zhanlong1", code, "Task_SurveyWillingness");
        String instance = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        assertThat(get("zhanlong1", "/api/tasks/{id}", task).body().get("suspended").asBoolean()).isFalse();

        runtimeService.suspendProcessInstanceById(instance);

        JsonNode page = get("zhanlong1", "/api/tasks/{id}", task).body();
        assertThat(page.get("suspended").asBoolean()).isTrue();
        assertThat(page.get("claimable").asBoolean()).isFalse();
        JsonNode listed = tasksOf("zhanlong1", code).get(0);
        assertThat(listed.get("taskId").asText()).isEqualTo(task);
        assertThat(listed.get("suspended").asBoolean()).isTrue();

        for (String step : new String[]{"claim", "complete"}) {
            Answer refused = post("zhanlong1", "/api/tasks/{id}/" + step, "complete".equals(step) ? willingness() : null, task);
            assertThat(refused.status()).as(step + ": " + refused.raw()).isEqualTo(409);
            assertThat(refused.body().get("message").asText()).as(step).isEqualTo(WorkApiExceptionHandler.SUSPENDED);
        }
        // Tasklist (Camunda's REST API): the same refusal, not ENGINE-03043 in English.
        for (String step : new String[]{"/claim", "/complete"}) {
            ResponseEntity<String> refused = rest.withBasicAuth("zhanlong1", "demo")
                    .postForEntity("/engine-rest/task/" + task + step, Map.of("userId", "zhanlong1"), String.class);
            assertThat(refused.getStatusCode().value()).as(step + ": " + refused.getBody()).isEqualTo(409);
            assertThat(json.readTree(refused.getBody()).get("message").asText()).as(step)
                    .isEqualTo(WorkApiExceptionHandler.SUSPENDED);
        }
        Task unchanged = taskService.createTaskQuery().taskId(task).singleResult();
        assertThat(unchanged).isNotNull();
        assertThat(unchanged.getAssignee()).isNull();
        assertThat(decisionsOf(code)).isZero();

        runtimeService.activateProcessInstanceById(instance);

        assertThat(get("zhanlong1", "/api/tasks/{id}", task).body().get("suspended").asBoolean()).isFalse();
        complete("zhanlong1", code, "Task_SurveyWillingness", willingness());
        assertThat(decisionsOf(code)).isEqualTo(1);
        assertThat(taskId("zhanlong1", code, "Task_SurveyBaseData")).isNotEqualTo(task);
    }

    private long decisionsOf(String code) {
        return jdbc.queryForObject("""
                select count(*) from decision_record d join project p on p.id = d.project_id
                 where p.code = ? and d.task_definition_key = 'Task_SurveyWillingness'""", Long.class, code);
    }
}
