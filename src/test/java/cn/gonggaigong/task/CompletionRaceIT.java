package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An officer's completion that meets the job executor of another node locking the task's escalation timers — the
 * moment a deadline falls due while the form is being submitted (made deterministic by
 * {@link cn.gonggaigong.ApplicationTestSupport#whileAnotherNodeLocksTheTimersOf}). Without ConcurrentChangeRetry the
 * officer got HTTP 409 and had to submit again.
 */
class CompletionRaceIT extends WorkApiTestSupport {

    @Autowired
    HistoryService historyService;

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
}
