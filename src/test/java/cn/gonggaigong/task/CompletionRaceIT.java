package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.platform.ConcurrentChangeRetry;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An officer's completion that meets the job executor of another node locking the task's escalation timers — the
 * moment a deadline falls due while the form is being submitted (made deterministic by
 * {@link cn.gonggaigong.ApplicationTestSupport#whileAnotherNodeLocksTheTimersOf}). Without ConcurrentChangeRetry the
 * officer got HTTP 409 and had to submit again. When every attempt meets a change, the answer is 409 and nothing is
 * saved.
 */
class CompletionRaceIT extends WorkApiTestSupport {

    @Autowired
    HistoryService historyService;
    @Autowired
    TestRestTemplate rest;

    @Test
    void aCompletionMeetingAnotherNodeLockingItsTimersIsRunAgainAndSucceedsOnce() throws Exception {
        String code = apply("zhanlong", "占陇镇办理与超时提醒同时发生项目").get("code").asText();
        String taskId = taskId("zhanlong1", code, "Task_SurveyWillingness");

        Answer done = whileAnotherNodeLocksTheTimersOf(dataSource, List.of(taskId),
                () -> post("zhanlong1", "/api/tasks/{id}/complete", willingness(), taskId));

        assertThat(done.status()).as(done.raw()).isEqualTo(204);
        HistoricTaskInstance finished = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        assertThat(finished.getEndTime()).isNotNull();
        assertThat(finished.getDeleteReason()).isEqualTo("completed");
        assertThat(historyService.createUserOperationLogQuery().taskId(taskId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
                .as("completed once, by the officer").singleElement()
                .satisfies(entry -> assertThat(entry.getUserId()).isEqualTo("zhanlong1"));
        assertThat(tasksOf("zhanlong1", code)).extracting(t -> t.get("taskDefinitionKey").asText())
                .containsExactly("Task_SurveyBaseData");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aCompletionThatMeetsAChangeInEveryAttemptGivesUpWithNothingSavedAndTheTaskStillWorkable(CapturedOutput log)
            throws Exception {
        String code = apply("zhanlong", "占陇镇办理持续冲突项目").get("code").asText();
        String taskId = taskId("zhanlong1", code, "Task_SurveyWillingness");
        String instance = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getProcessInstanceId();

        Answer refused = whileTheTimersOfKeepChanging(dataSource, List.of(taskId),
                () -> post("zhanlong1", "/api/tasks/{id}/complete", willingness(), taskId));

        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.body().get("message").asText()).isEqualTo(ConcurrentChangeRetry.GAVE_UP);
        assertThat(log.getOut()).as("run again twice, then given up").contains(
                "complete " + taskId + ": concurrent change of the same rows (attempt 1 of 3)",
                "complete " + taskId + ": concurrent change of the same rows (attempt 2 of 3)",
                "complete " + taskId + ": still a concurrent change after 3 attempts");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("agreePercent").count()).as("the form's values were not saved").isZero();
        assertThat(taskId("zhanlong1", code, "Task_SurveyWillingness")).isEqualTo(taskId);
        Answer done = post("zhanlong1", "/api/tasks/{id}/complete", willingness(), taskId);
        assertThat(done.status()).as(done.raw()).isEqualTo(204);
    }

    /** The same moment through Camunda's REST API, as Tasklist completes: run again by EngineCommandRetry. */
    @Test
    void aCompletionThroughTheRestApiMeetingAnotherNodeLockingItsTimersIsRunAgainAndSucceeds() throws Exception {
        String code = apply("zhanlong", "占陇镇引擎接口办理与超时提醒同时发生项目").get("code").asText();
        String taskId = taskId("zhanlong1", code, "Task_SurveyWillingness");

        ResponseEntity<String> done = whileAnotherNodeLocksTheTimersOf(dataSource, List.of(taskId),
                () -> completeThroughTheRestApi(taskId));

        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getDeleteReason())
                .isEqualTo("completed");
        assertThat(tasksOf("zhanlong1", code)).extracting(t -> t.get("taskDefinitionKey").asText())
                .containsExactly("Task_SurveyBaseData");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aCompletionThroughTheRestApiThatMeetsAChangeInEveryAttemptIsAConflictInChinese(CapturedOutput log)
            throws Exception {
        String code = apply("zhanlong", "占陇镇引擎接口办理持续冲突项目").get("code").asText();
        String taskId = taskId("zhanlong1", code, "Task_SurveyWillingness");

        ResponseEntity<String> refused = whileTheTimersOfKeepChanging(dataSource, List.of(taskId),
                () -> completeThroughTheRestApi(taskId));

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(409);
        assertThat(json.readTree(refused.getBody()).get("message").asText())
                .isEqualTo("该任务正被他人或系统同时处理，本次操作未保存：请稍后再试");
        assertThat(log.getOut()).as("run again twice, then given up").contains(
                "CompleteTaskCmd: concurrent change of the same rows (attempt 2 of 3)",
                "CompleteTaskCmd: still a concurrent change after 3 attempts");
        assertThat(taskId("zhanlong1", code, "Task_SurveyWillingness")).as("the task stays open").isEqualTo(taskId);
    }

    private ResponseEntity<String> completeThroughTheRestApi(String taskId) {
        Map<String, Object> variables = Map.of(
                "willingnessAgreed", Map.of("value", true, "type", "Boolean"),
                "agreePercent", Map.of("value", 95, "type", "Long"),
                "surveyDate", Map.of("value", WorkingDayCalendar.today().toString(), "type", "String"));
        return rest.withBasicAuth("zhanlong1", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", variables), String.class);
    }
}
