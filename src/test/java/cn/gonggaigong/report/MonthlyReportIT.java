package cn.gonggaigong.report;

import cn.gonggaigong.ApplicationTestSupport;
import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.platform.ConcurrentChangeRetry;
import cn.gonggaigong.process.MonthlyProgressReportProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A month's round of reports on the whole application: the timer's job gives all 29 towns a task due at the end of the
 * 25th, each with its row in monthly_report and its form prefilled from the data; a town submits through the API
 * (bad values refused, nothing saved) or through Camunda's REST API; after the 25th an unsubmitted report is an
 * overdue item in the leading group's list.
 */
class MonthlyReportIT extends ApplicationTestSupport {

    private static final RequestPostProcessor ZHANLONG = httpBasic("zhanlong1", "demo");
    private static final RequestPostProcessor LIUSHADONG = httpBasic("liushadong1", "demo");
    private static final RequestPostProcessor LEADER = httpBasic("leader1", "demo");

    @Autowired
    MockMvc mvc;
    /** Camunda's REST API is a servlet of its own, outside MockMvc: real HTTP. */
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;

    @AfterEach
    void resetClockAndNextRound() {
        // The round ends with the test (its open tasks deleted, their escalation timers with them), so nothing of it
        // fires while the other tests of this JVM run.
        runtimeService.createProcessInstanceQuery().processDefinitionKey(MonthlyProgressReportProcess.PROCESS_ID).list()
                .forEach(round -> runtimeService.deleteProcessInstance(round.getId(), "测试结束"));
        // The next round's timer was computed from the test's clock: put it back on the next real 1st of a month, so
        // no round starts while the other tests of this JVM run. Before the clock is reset: with the real time, that
        // timer (the 1st after the test's month) would be due at once, and the job executor could take it first.
        ZonedDateTime next = ZonedDateTime.now(WorkingDayCalendar.ZONE).withDayOfMonth(1).plusMonths(1)
                .withHour(9).withMinute(0).withSecond(0).withNano(0);
        for (Job job : managementService.createJobQuery().processDefinitionKey(MonthlyProgressReportProcess.PROCESS_ID)
                .timers().list()) {
            managementService.setJobDuedate(job.getId(), Date.from(next.toInstant()));
        }
        ClockUtil.reset();
    }

    private static Date at(String iso) {
        return Date.from(OffsetDateTime.parse(iso).toInstant());
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
        return mvc.perform(request.with(user)).andReturn().getResponse();
    }

    private JsonNode ok(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
        MockHttpServletResponse response = perform(request, user);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsByteArray());
    }

    private JsonNode engineRest(String user, String path) throws Exception {
        ResponseEntity<String> response = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private Task reportTask(String town) {
        return taskService.createTaskQuery().processDefinitionKey(MonthlyProgressReportProcess.PROCESS_ID)
                .taskCandidateGroup("town-" + town).singleResult();
    }

    @Test
    void aReportMeetingAConcurrentChangeIsRunAgainAndRefusedOnlyWhenEveryAttemptMeetsOne() throws Exception {
        ClockUtil.setCurrentTime(at("2026-11-01T09:00:00+08:00"));
        managementService.executeJob(managementService.createJobQuery()
                .processDefinitionKey(MonthlyProgressReportProcess.PROCESS_ID).timers().singleResult().getId());
        Task zhanlong = reportTask("zhanlong");

        ClockUtil.setCurrentTime(at("2026-11-20T10:00:00+08:00"));
        MockHttpServletResponse refused = whileTheTimersOfKeepChanging(dataSource, List.of(zhanlong.getId()),
                () -> perform(post("/api/monthly-reports/tasks/" + zhanlong.getId()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(report(7))), ZHANLONG));
        assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(409);
        assertThat(json.readTree(refused.getContentAsByteArray()).get("message").asText())
                .isEqualTo(ConcurrentChangeRetry.GAVE_UP);
        assertThat(jdbc.queryForObject("select status from monthly_report where task_id = ?", String.class, zhanlong.getId()))
                .as("nothing saved").isEqualTo("PENDING");

        MockHttpServletResponse response = whileAnotherNodeLocksTheTimersOf(dataSource, List.of(zhanlong.getId()),
                () -> perform(post("/api/monthly-reports/tasks/" + zhanlong.getId()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(report(7))), ZHANLONG));

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        assertThat(jdbc.queryForMap("select status, submitted_by from monthly_report where task_id = ?", zhanlong.getId()))
                .containsEntry("status", "SUBMITTED").containsEntry("submitted_by", "zhanlong1");
        assertThat(reportTask("zhanlong")).isNull();
    }

    @Test
    void everyTownReportsByThe25thAndAnUnsubmittedReportIsOverdue() throws Exception {
        ClockUtil.setCurrentTime(at("2026-11-01T09:00:00+08:00"));
        Job timer = managementService.createJobQuery().processDefinitionKey(MonthlyProgressReportProcess.PROCESS_ID)
                .timers().singleResult();
        managementService.executeJob(timer.getId());

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select * from monthly_report where report_month = '2026-11' order by town_code");
        assertThat(rows).hasSize(29).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("PENDING");
            assertThat(((java.sql.Timestamp) row.get("due_at")).toInstant()).isEqualTo(at("2026-11-25T23:59:59+08:00").toInstant());
        });
        Task zhanlong = reportTask("zhanlong");
        assertThat(zhanlong.getName()).isEqualTo("提交月度进度报告");
        assertThat(zhanlong.getDueDate()).isEqualTo(at("2026-11-25T23:59:59+08:00"));

        // The town's officer sees its own report task in Camunda, and its form prefilled from the data.
        JsonNode own = engineRest("zhanlong1", "/engine-rest/task?processDefinitionKey=" + MonthlyProgressReportProcess.PROCESS_ID);
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("id").asText()).isEqualTo(zhanlong.getId());
        JsonNode prefill = ok(get("/api/monthly-reports/tasks/" + zhanlong.getId() + "/prefill"), ZHANLONG);
        assertThat(prefill.get("townName").asText()).isEqualTo("占陇镇");
        assertThat(prefill.get("reportMonth").asText()).isEqualTo("2026-11");
        // In the town's list the month stands where a project would ("2026-11 月度进度报告"), and finds it.
        JsonNode listed = ok(get("/api/tasks").param("q", "2026-11"), ZHANLONG).get("items");
        assertThat(listed).singleElement().satisfies(item -> {
            assertThat(item.get("taskId").asText()).isEqualTo(zhanlong.getId());
            assertThat(item.get("projectName").asText()).isEqualTo("2026-11 月度进度报告");
        });
        assertThat(ok(get("/api/tasks").param("q", "2026-10"), ZHANLONG).get("items")).isEmpty();
        JsonNode reportRow = ok(get("/api/monitor/monthly-report?month=2026-11"), LEADER).get("rows");
        JsonNode zhanlongRow = null;
        for (JsonNode r : reportRow) {
            if ("zhanlong".equals(r.get("townCode").asText())) {
                zhanlongRow = r;
            }
        }
        assertThat(zhanlongRow).isNotNull();
        assertThat(prefill.get("values").get("projectsInPlan").asLong()).isEqualTo(zhanlongRow.get("projectsInPlan").asLong());
        assertThat(prefill.get("values").get("projectsStarted").asLong()).isEqualTo(zhanlongRow.get("projectsStarted").asLong());
        assertThat(prefill.get("values").get("phaseSummary").asText()).contains("纳入年度实施计划");
        JsonNode formVariables = engineRest("zhanlong1", "/engine-rest/task/" + zhanlong.getId() + "/form-variables");
        assertThat(formVariables.get("projectsInPlan").get("value").asLong()).isEqualTo(zhanlongRow.get("projectsInPlan").asLong());
        JsonNode form = engineRest("zhanlong1", "/engine-rest/task/" + zhanlong.getId() + "/deployed-form");
        assertThat(form.get("id").asText()).isEqualTo("Form_SubmitMonthlyReport");

        // Another town may neither read nor submit it.
        assertThat(perform(get("/api/monthly-reports/tasks/" + zhanlong.getId() + "/prefill"), LIUSHADONG).getStatus()).isEqualTo(403);
        assertThat(perform(post("/api/monthly-reports/tasks/" + zhanlong.getId()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(report(1))), LIUSHADONG).getStatus()).isEqualTo(403);

        // Bad values: each named, nothing saved, the task still open.
        Map<String, Object> bad = report(-2);
        bad.put("projectsStarted", 1.5);
        bad.put("progressSummary", " ");
        MockHttpServletResponse refused = perform(post("/api/monthly-reports/tasks/" + zhanlong.getId())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(bad)), ZHANLONG);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(json.readTree(refused.getContentAsByteArray()).get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("projectsInPlan", "projectsStarted", "progressSummary");
        assertThat(jdbc.queryForObject("select status from monthly_report where task_id = ?", String.class, zhanlong.getId()))
                .isEqualTo("PENDING");
        assertThat(reportTask("zhanlong")).isNotNull();

        // Submitted on the 20th through the API, with corrected figures and remarks.
        ClockUtil.setCurrentTime(at("2026-11-20T10:00:00+08:00"));
        JsonNode submitted = ok(post("/api/monthly-reports/tasks/" + zhanlong.getId()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(report(7))), ZHANLONG);
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("submittedBy").asText()).isEqualTo("zhanlong1");
        assertThat(submitted.get("submittedLate").asBoolean()).isFalse();
        Map<String, Object> saved = jdbc.queryForMap("select * from monthly_report where task_id = ?", zhanlong.getId());
        assertThat(saved).containsEntry("projects_in_plan", 7).containsEntry("warnings_closed", 1)
                .containsEntry("remarks", "东片两个项目数据待核实").containsEntry("progress_summary", "本月完成两个项目的意愿调查");
        assertThat((String) saved.get("phase_counts")).contains("\"INTAKE\"");
        assertThat(reportTask("zhanlong")).isNull();

        // 流沙东街道 completes its task in Camunda (as Tasklist does), on the 26th: late.
        ClockUtil.setCurrentTime(at("2026-11-26T09:00:00+08:00"));
        Task liushadong = reportTask("liushadong");
        Map<String, Object> variables = Map.of("variables", Map.of(
                "projectsInPlan", Map.of("value", 2, "type", "Long"), "projectsStarted", Map.of("value", 0, "type", "Long"),
                "projectsCompleted", Map.of("value", 0, "type", "Long"), "projectsOverdue", Map.of("value", 1, "type", "Long"),
                "warningsRaised", Map.of("value", 0, "type", "Long"), "warningsClosed", Map.of("value", 0, "type", "Long"),
                "progressSummary", Map.of("value", "推进正常", "type", "String")));
        ResponseEntity<String> completed = rest.withBasicAuth("liushadong1", "demo")
                .postForEntity("/engine-rest/task/" + liushadong.getId() + "/complete", variables, String.class);
        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
        JsonNode liushadongReport = ok(get("/api/monthly-reports?month=2026-11&town=liushadong"), LIUSHADONG);
        assertThat(liushadongReport).hasSize(1);
        assertThat(liushadongReport.get(0).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(liushadongReport.get(0).get("submittedLate").asBoolean()).isTrue();
        assertThat(liushadongReport.get(0).get("projectsOverdue").asInt()).isEqualTo(1);

        // Who reads which reports.
        JsonNode all = ok(get("/api/monthly-reports?month=2026-11"), LEADER);
        assertThat(all).hasSize(29);
        assertThat(all.findValuesAsText("status").stream().filter("SUBMITTED"::equals).count()).isEqualTo(2);
        assertThat(ok(get("/api/monthly-reports?month=2026-11"), ZHANLONG)).extracting(r -> r.get("townCode").asText())
                .containsExactly("zhanlong");
        assertThat(perform(get("/api/monthly-reports?town=liushadong"), ZHANLONG).getStatus()).isEqualTo(403);
        assertThat(perform(get("/api/monthly-reports?month=2026-13"), LEADER).getStatus()).isEqualTo(400);

        // After the 25th the 27 unsubmitted reports are overdue items of their towns (no project), one working day late.
        JsonNode overdue = ok(get("/api/monitor/overdue?town=hongyang"), LEADER);
        assertThat(overdue.get("items")).anySatisfy(item -> {
            assertThat(item.get("taskName").asText()).isEqualTo("提交月度进度报告");
            assertThat(item.get("townName").asText()).isEqualTo("洪阳镇");
            assertThat(item.get("projectId").isNull()).isTrue();
            assertThat(item.get("responsibleOffice").asText()).isEqualTo("town-hongyang");
            assertThat(item.get("responsibleOfficeName").asText()).isEqualTo("洪阳镇");
            assertThat(item.get("workingDaysOverdue").asInt()).isEqualTo(1);
        });
        assertThat(taskService.createTaskQuery().processDefinitionKey(MonthlyProgressReportProcess.PROCESS_ID)
                .dueBefore(ClockUtil.getCurrentTime()).count()).isEqualTo(27);

        // The statutory clock (issue 5) escalates them like any task: yellow before the 25th, red at its end,
        // to the leading group three working days later (Monday 30 November); warnings name the town, no project.
        runDueReportTimers(zhanlong.getProcessInstanceId());
        Task hongyang = reportTask("hongyang");
        assertThat(grades(hongyang)).containsExactly("RED", "YELLOW");
        ClockUtil.setCurrentTime(at("2026-12-01T00:00:01+08:00"));
        runDueReportTimers(zhanlong.getProcessInstanceId());
        assertThat(grades(hongyang)).containsExactly("ESCALATED", "RED", "YELLOW");
        Map<String, Object> escalated = jdbc.queryForMap(
                "select * from task_warning where task_id = ? and grade = 'ESCALATED'", hongyang.getId());
        assertThat(escalated).containsEntry("town_code", "hongyang").containsEntry("project_id", null)
                .containsEntry("responsible_group", "town-hongyang");
        assertThat(jdbc.queryForObject("select count(*) from task_warning where task_id = ?", Long.class,
                zhanlong.getId())).as("a report submitted in time raises nothing").isZero();
        assertThat(jdbc.queryForObject("select count(*) from task_warning where task_id = ? and closed_at is null",
                Long.class, liushadong.getId())).as("a submitted report has no open warning").isZero();
        JsonNode escalatedItem = ok(get("/api/monitor/overdue?town=hongyang"), LEADER).get("items");
        assertThat(escalatedItem).anySatisfy(item -> {
            assertThat(item.get("taskId").asText()).isEqualTo(hongyang.getId());
            assertThat(item.get("grade").asText()).isEqualTo("ESCALATED");
        });

    }

    private List<String> grades(Task task) {
        return jdbc.queryForList("select grade from task_warning where task_id = ? order by grade", String.class, task.getId());
    }

    /** Runs the round's escalation timers that are due (the job executor may have run some already). */
    private void runDueReportTimers(String round) {
        for (Job job : managementService.createJobQuery().processInstanceId(round).timers().executable().list()) {
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException alreadyRunByTheJobExecutor) {
                // executed or being executed by the application's job executor
            }
        }
        // Wait for what the job executor took to be committed: no due timer left (not a timing assertion).
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (managementService.createJobQuery().processInstanceId(round).timers().executable().count() > 0) {
            assertThat(System.nanoTime()).as("due report timers still unexecuted").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Map<String, Object> report(int inPlan) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("projectsInPlan", inPlan);
        body.put("projectsStarted", 3);
        body.put("projectsCompleted", 0);
        body.put("projectsOverdue", 1);
        body.put("warningsRaised", 2);
        body.put("warningsClosed", 1);
        body.put("progressSummary", "本月完成两个项目的意愿调查");
        body.put("remarks", "东片两个项目数据待核实");
        return body;
    }
}
