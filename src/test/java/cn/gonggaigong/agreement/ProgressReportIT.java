package cn.gonggaigong.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.project.ProjectRepository;
import cn.gonggaigong.task.WorkApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The town's monthly progress report (报送实施进展, Art. 14) is each calendar month's own: its form starts from the
 * month after the latest one reported (the month it came in, the first time), not from the month reported last time
 * (the earlier figures stay as a starting point); a late report brings the next month's round at once, so no month is
 * skipped; a month that has not begun cannot be reported, and a month is reported once.
 */
class ProgressReportIT extends WorkApiTestSupport {

    @Autowired
    ProjectRepository projects;
    @Autowired
    AgreementMilestoneRepository milestones;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachMonthsReportStartsFromItsOwnMonthAndAMonthNotBegunOrAlreadyReportedIsRefused() throws Exception {
        JsonNode applied = apply("zhanlong", "占陇镇月度进展校验项目");
        long id = applied.get("id").asLong();
        String code = applied.get("code").asText();
        LocalDate today = WorkingDayCalendar.today();
        YearMonth thisMonth = YearMonth.from(today);
        AgreementTestData.register(transactions, projects, milestones, id, "JG-IT-M", today.plusMonths(3),
                today.plusMonths(6), today.plusYears(2));
        ProcessInstance supervision = runtimeService.startProcessInstanceByKey("ImplementationSupervision", code,
                Map.of("projectId", id, "townGroup", "town-zhanlong"));

        String first = taskId("zhanlong1", code, "Task_ReportProgress");
        JsonNode firstForm = get("zhanlong1", "/api/tasks/{id}", first).body().get("data");
        assertThat(firstForm.get("reportMonth").asText()).isEqualTo(thisMonth.toString());
        assertThat(firstForm.has("progressPercent")).isFalse();

        // Next month has not begun: a field error, nothing recorded.
        Answer early = post("zhanlong1", "/api/tasks/{id}/complete", report(thisMonth.plusMonths(1), 15), first);
        assertThat(early.status()).as(early.raw()).isEqualTo(400);
        assertThat(early.body().get("errors").toString()).isEqualTo("[{\"field\":\"reportMonth\",\"reason\":\"不能晚于本月（"
                + thisMonth + "）：填写已经过去或正在进行的月份\"}]");
        assertThat(taskId("zhanlong1", code, "Task_ReportProgress")).isEqualTo(first);

        // Reported late, for three months ago.
        Answer reported = post("zhanlong1", "/api/tasks/{id}/complete", report(thisMonth.minusMonths(3), 15), first);
        assertThat(reported.status()).as(reported.raw()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select facts::text from decision_record where project_id = ?"
                + " and task_definition_key = 'Task_ReportProgress'", String.class, id))
                .contains("\"value\": \"" + thisMonth.minusMonths(3) + "\"");

        // The month after it began long ago: its round comes at once (the job executor runs the timer), for that
        // month, not this one (no month skipped), with last time's figures to start from.
        String second = awaitNextRound(code, first);
        JsonNode secondForm = get("zhanlong1", "/api/tasks/{id}", second).body().get("data");
        assertThat(secondForm.get("reportMonth").asText()).isEqualTo(thisMonth.minusMonths(2).toString());
        assertThat(secondForm.get("progressPercent").asDouble()).isEqualTo(15.0);
        // A month already reported is refused, saying when it was; nothing is recorded.
        Answer again = post("zhanlong1", "/api/tasks/{id}/complete", report(thisMonth.minusMonths(3), 20), second);
        assertThat(again.status()).as(again.raw()).isEqualTo(400);
        assertThat(again.body().get("errors").toString()).isEqualTo("[{\"field\":\"reportMonth\",\"reason\":\""
                + thisMonth.minusMonths(3) + " 的实施进展已于 " + today + " 报送，每月报送一次：请填写本次报送的月份\"}]");
        Answer secondReported = post("zhanlong1", "/api/tasks/{id}/complete", report(thisMonth.minusMonths(2), 20), second);
        assertThat(secondReported.status()).as(secondReported.raw()).isEqualTo(204);

        String third = awaitNextRound(code, second);
        assertThat(get("zhanlong1", "/api/tasks/{id}", third).body().get("data").get("reportMonth").asText())
                .isEqualTo(thisMonth.minusMonths(1).toString());
        // The town reports this month instead (its choice): the next round is next month's, on its 1st at 09:00.
        Answer reportedNow = post("zhanlong1", "/api/tasks/{id}/complete", report(thisMonth, 30), third);
        assertThat(reportedNow.status()).as(reportedNow.raw()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from decision_record where project_id = ?"
                + " and task_definition_key = 'Task_ReportProgress'", Long.class, id)).isEqualTo(3L);
        Job nextMonth = managementService.createJobQuery().processInstanceId(supervision.getId())
                .activityId("IntermediateEvent_NextMonthlyReportDue").singleResult();
        assertThat(nextMonth.getDuedate().toInstant()).isEqualTo(thisMonth.plusMonths(1).atDay(1).atTime(9, 0)
                .atZone(WorkingDayCalendar.ZONE).toInstant());
        runtimeService.deleteProcessInstance(supervision.getId(), "测试结束");
    }

    /** The next round's task, once the job executor has run the timer of a round already due (at most a minute). */
    private String awaitNextRound(String code, String previous) throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            java.util.List<JsonNode> open = tasksOf("zhanlong1", code).stream()
                    .filter(t -> t.get("taskDefinitionKey").asText().equals("Task_ReportProgress"))
                    .filter(t -> !t.get("taskId").asText().equals(previous)).toList();
            if (!open.isEmpty()) {
                return open.get(0).get("taskId").asText();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the next round of 报送实施进展 of " + code + " did not come within a minute");
    }

    private static Map<String, Object> report(YearMonth month, int percent) {
        return Map.of("reportMonth", month.toString(), "progressPercent", percent, "demolitionCompleted", false,
                "constructionStarted", false, "constructionCompleted", false);
    }
}
