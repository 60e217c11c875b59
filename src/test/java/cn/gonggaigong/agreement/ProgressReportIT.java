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
 * The town's monthly progress report (报送实施进展, Art. 14) is each month's own: its form starts from the month it
 * came in, not from the month reported last time (the earlier figures stay as a starting point), a month that
 * has not begun cannot be reported, and a month is reported once.
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

        // Reported late, for last month.
        Answer reported = post("zhanlong1", "/api/tasks/{id}/complete", report(thisMonth.minusMonths(1), 15), first);
        assertThat(reported.status()).as(reported.raw()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select facts::text from decision_record where project_id = ?"
                + " and task_definition_key = 'Task_ReportProgress'", String.class, id))
                .contains("\"value\": \"" + thisMonth.minusMonths(1) + "\"");

        // A month later the next round comes in: its own month, last time's figures to start from.
        Job nextMonth = managementService.createJobQuery().processInstanceId(supervision.getId())
                .activityId("IntermediateEvent_NextMonthlyReportDue").singleResult();
        managementService.executeJob(nextMonth.getId());
        String second = taskId("zhanlong1", code, "Task_ReportProgress");
        assertThat(second).isNotEqualTo(first);
        JsonNode secondForm = get("zhanlong1", "/api/tasks/{id}", second).body().get("data");
        assertThat(secondForm.get("reportMonth").asText()).isEqualTo(thisMonth.toString());
        assertThat(secondForm.get("progressPercent").asDouble()).isEqualTo(15.0);
        // A month already reported is refused, saying when it was; nothing is recorded.
        Answer again = post("zhanlong1", "/api/tasks/{id}/complete", report(thisMonth.minusMonths(1), 20), second);
        assertThat(again.status()).as(again.raw()).isEqualTo(400);
        assertThat(again.body().get("errors").toString()).isEqualTo("[{\"field\":\"reportMonth\",\"reason\":\""
                + thisMonth.minusMonths(1) + " 的实施进展已于 " + today + " 报送，每月报送一次：请填写本次报送的月份\"}]");
        Answer reportedNow = post("zhanlong1", "/api/tasks/{id}/complete", report(thisMonth, 20), second);
        assertThat(reportedNow.status()).as(reportedNow.raw()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from decision_record where project_id = ?"
                + " and task_definition_key = 'Task_ReportProgress'", Long.class, id)).isEqualTo(2L);
        runtimeService.deleteProcessInstance(supervision.getId(), "测试结束");
    }

    private static Map<String, Object> report(YearMonth month, int percent) {
        return Map.of("reportMonth", month.toString(), "progressPercent", percent, "demolitionCompleted", false,
                "constructionStarted", false, "constructionCompleted", false);
    }
}
