package cn.gonggaigong.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.gonggaigong.ApplicationTestSupport;
import cn.gonggaigong.TestMailServer;
import cn.gonggaigong.clock.CalendarWarningSink;
import cn.gonggaigong.clock.WorkingDayCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The statutory clock in the whole application (real PostgreSQL, real SMTP server): a project's first task gets its
 * due date from the time-limit table; a red warning raised by its timer job and an urging by the leading group are
 * recorded, notified in-app and by e-mail; the office answers; who may see, answer and urge what.
 */
class EscalationApiIT extends ApplicationTestSupport {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    CalendarWarningSink calendarWarnings;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void emptyMailbox() throws Exception {
        TestMailServer.get().purgeEmailFromAllMailboxes();
    }

    @Test
    void aRedWarningAndAnUrgingAreRecordedNotifiedByMailAnsweredAndClosed() throws Exception {
        Task task = firstTaskOfNewProject();
        Map<String, Object> clock = jdbc.queryForMap("select * from task_clock where task_id = ?", task.getId());
        assertThat(clock).containsEntry("town_code", "zhanlong").containsEntry("responsible_group", "town-zhanlong")
                .containsEntry("clock", "OFFICE").containsEntry("limit_working_days", 15);
        Instant created = task.getCreateTime().toInstant();
        assertThat(task.getDueDate().toInstant()).isEqualTo(calendar.deadline(created, 15).dueAt());

        // The RED timer job runs (as the job executor would at the deadline).
        String redJob = jdbc.queryForObject("select ID_ from ACT_RU_JOB where HANDLER_TYPE_ = ? and HANDLER_CFG_ = ?",
                String.class, WarningJobHandler.TYPE, task.getId() + ":RED");
        managementService.executeJob(redJob);
        JsonNode red = warnings("zhanlong1", "grade", "RED").stream()
                .filter(w -> w.get("taskId").asText().equals(task.getId())).findFirst().orElseThrow();
        assertThat(red.get("projectId").asLong()).isEqualTo(clock.get("project_id"));
        assertThat(red.get("townName").asText()).isEqualTo("占陇镇");
        assertThat(red.get("gradeLabel").asText()).isEqualTo("红牌警告");
        assertThat(red.get("responsibleName").asText()).isEqualTo("占陇镇");
        assertThat(red.get("mayReply").asBoolean()).as("the town answers for itself").isTrue();
        JsonNode asLeader = json.readTree(call(get("/api/warnings/{id}", red.get("id").asLong()), "leader1", null, 200));
        assertThat(asLeader.get("mayReply").asBoolean()).as("the leading group reads, the town answers").isFalse();
        assertThat(asLeader.get("responsibleName").asText()).isEqualTo("占陇镇");
        assertThat(red.get("notified").asText().split(",")).contains("zhanlong1", "zhanlong2", "office1");
        assertThat(recipients()).contains("zhanlong1@demo.invalid", "zhanlong2@demo.invalid", "office1@demo.invalid");
        MimeMessage mail = TestMailServer.get().getReceivedMessages()[0];
        assertThat(mail.getSubject()).contains("红牌警告");
        assertThat(((String) mail.getContent())).contains("占陇镇").contains("到期未办结");

        // Visible to the office and the overseers, not to another town or a department.
        assertThat(ids(warnings("leader1"))).contains(red.get("id").asLong());
        assertThat(ids(warnings("liushadong1"))).doesNotContain(red.get("id").asLong());
        assertThat(ids(warnings("fgj1"))).doesNotContain(red.get("id").asLong());
        assertThat(ids(warnings("zhanlong2", "town", "liushadong"))).doesNotContain(red.get("id").asLong());

        // In-app: the badge counts it and it can be marked read, by its recipient only.
        long before = unread("zhanlong1");
        JsonNode notice = json.readTree(call(get("/api/notifications"), "zhanlong1", null, 200)).get(0);
        assertThat(notice.get("warningId").asLong()).isEqualTo(red.get("id").asLong());
        assertThat(notice.get("emailedAt").isNull()).isFalse();
        call(post("/api/notifications/{id}/read", notice.get("id").asLong()), "zhanlong2", null, 404);
        call(post("/api/notifications/{id}/read", notice.get("id").asLong()), "zhanlong1", null, 200);
        assertThat(unread("zhanlong1")).isEqualTo(before - 1);

        // 回告 by the responsible office; others refused, empty answers refused, nothing changed.
        long id = red.get("id").asLong();
        assertThat(error(call(post("/api/warnings/{id}/reply", id), "liushadong1", Map.of("reply", "不是我们的"), 403)))
                .contains("责任单位（占陇镇）");
        assertThat(error(call(post("/api/warnings/{id}/reply", id), "leader1", Map.of("reply", "代答"), 403))).isNotBlank();
        JsonNode blank = json.readTree(call(post("/api/warnings/{id}/reply", id), "zhanlong1", Map.of("reply", " "), 400));
        assertThat(blank.get("errors").get(0).get("field").asText()).isEqualTo("reply");
        assertThat(jdbc.queryForObject("select reply from task_warning where id = ?", String.class, id)).isNull();
        call(post("/api/warnings/{id}/reply", 987654321L), "zhanlong1", Map.of("reply", "无"), 404);
        JsonNode replied = json.readTree(call(post("/api/warnings/{id}/reply", id), "zhanlong1",
                Map.of("reply", "已组织人员加班，预计3个工作日内办结"), 200));
        assertThat(replied.get("reply").asText()).startsWith("已组织人员加班");
        assertThat(replied.get("repliedBy").asText()).isEqualTo("zhanlong1");

        // 催办 by the leading group: recorded, notified, mailed; others refused; bad input named.
        TestMailServer.get().purgeEmailFromAllMailboxes();
        assertThat(error(call(post("/api/tasks/{id}/urge", task.getId()), "zhanlong1", Map.of("message", "快"), 403)))
                .contains("领导小组");
        call(post("/api/tasks/{id}/urge", task.getId()), "fgj1", Map.of("message", "快"), 403);
        JsonNode noMessage = json.readTree(call(post("/api/tasks/{id}/urge", task.getId()), "leader1", Map.of(), 400));
        assertThat(noMessage.get("errors").get(0).get("field").asText()).isEqualTo("message");
        call(post("/api/tasks/{id}/urge", "no-such-task"), "leader1", Map.of("message", "请加快"), 404);
        assertThat(jdbc.queryForObject("select count(*) from task_warning where task_id = ? and grade = 'URGE'",
                Integer.class, task.getId())).isZero();
        JsonNode urge = json.readTree(call(post("/api/tasks/{id}/urge", task.getId()), "leader1",
                Map.of("message", "请于本周内办结"), 201));
        assertThat(urge.get("grade").asText()).isEqualTo("URGE");
        // The town's list marks the urged task (an urging is not a grade: warningGrade stays the clock's).
        JsonNode urgedItem = null;
        for (JsonNode item : json.readTree(call(get("/api/tasks").param("size", "200"), "zhanlong1", null, 200)).get("items")) {
            urgedItem = item.get("taskId").asText().equals(task.getId()) ? item : urgedItem;
        }
        assertThat(urgedItem).isNotNull();
        assertThat(urgedItem.get("urged").asBoolean()).isTrue();
        assertThat(urgedItem.get("warningGrade").asText()).isEqualTo("RED");
        assertThat(urge.get("raisedBy").asText()).isEqualTo("leader1");
        assertThat(urge.get("message").asText()).contains("请于本周内办结");
        // People and offices by their names, not their ids.
        assertThat(urge.get("message").asText()).contains("被领导小组组长催办", "责任单位：")
                .doesNotContain("leader1", "town-zhanlong");
        assertThat(recipients()).containsExactlyInAnyOrder("zhanlong1@demo.invalid", "zhanlong2@demo.invalid");
        // The town answers the urging; the leader who urged is told the answer, in the app and by e-mail.
        TestMailServer.get().purgeEmailFromAllMailboxes();
        call(post("/api/warnings/{id}/reply", urge.get("id").asLong()), "zhanlong2", Map.of("reply", "材料已齐，明日办结"), 200);
        JsonNode told = null;
        for (JsonNode n : json.readTree(call(get("/api/notifications"), "leader1", null, 200))) {
            told = n.get("warningId").asLong() == urge.get("id").asLong() ? n : told;
        }
        assertThat(told).as("leader1's notices").isNotNull();
        assertThat(told.get("title").asText()).isEqualTo("【催办回告】" + task.getName());
        assertThat(told.get("body").asText()).contains("对您的催办", "回告：材料已齐，明日办结").doesNotContain("zhanlong2", "town-zhanlong");
        assertThat(TestMailServer.get().waitForIncomingEmail(30_000, 1)).isTrue();
        assertThat(recipients()).containsExactly("leader1@demo.invalid");
        // The leader reads the answer with the warning, and may not answer it.
        JsonNode seen = json.readTree(call(get("/api/warnings/{id}", urge.get("id").asLong()), "leader1", null, 200));
        assertThat(seen.get("reply").asText()).isEqualTo("材料已齐，明日办结");
        assertThat(seen.get("mayReply").asBoolean()).isFalse();
        call(post("/api/tasks/{id}/urge", task.getId()), "nrb-clerk", Map.of("message", "请尽快"), 201);

        // Completing the task closes its warnings and deletes its timers.
        taskService.complete(task.getId(), Map.of("willingnessAgreed", true, "agreePercent", 95.0, "surveyDate", "2026-03-01"));
        assertThat(jdbc.queryForList("select closed_reason from task_warning where task_id = ?", String.class, task.getId()))
                .hasSize(3).containsOnly(StatutoryClock.CLOSED_COMPLETED); // RED and two urgings
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_JOB where HANDLER_TYPE_ = ? and HANDLER_CFG_ like ?",
                Integer.class, WarningJobHandler.TYPE, task.getId() + ":%")).isZero();
        assertThat(ids(warnings("zhanlong1", "open", "true"))).doesNotContain(id);
    }

    @Test
    void theApplicationsEngineReadsWorkingDaysInTimersAndDueDates() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Date start = Date.from(LocalDate.of(2025, 9, 26).atTime(10, 0).atZone(WorkingDayCalendar.ZONE).toInstant());
        for (String name : List.of("duration", "dueDate")) {
            assertThat(configuration.getBusinessCalendarManager().getBusinessCalendar(name).resolveDuedate("10个工作日", start))
                    .as(name).isEqualTo(Date.from(WorkingDayCalendar.endOf(LocalDate.of(2025, 10, 16))));
        }
    }

    @Test
    void badFiltersAreRefusedByName() throws Exception {
        JsonNode grade = json.readTree(call(get("/api/warnings").param("grade", "PURPLE"), "leader1", null, 400));
        assertThat(grade.get("errors").get(0).toString())
                .isEqualTo("{\"field\":\"grade\",\"reason\":\"取值无效，可选值：YELLOW, RED, ESCALATED, URGE\"}");
        JsonNode open = json.readTree(call(get("/api/warnings").param("open", "perhaps"), "leader1", null, 400));
        assertThat(open.get("errors").get(0).get("field").asText()).isEqualTo("open");
        // Wrong parameters are headed as the other APIs head them (not as a request's body, 请求内容).
        assertThat(List.of(grade, open)).allSatisfy(problem ->
                assertThat(problem.get("message").asText()).isEqualTo("请求参数格式不正确"));
        // A page out of range is named, as the task list names it, not quietly changed.
        JsonNode page = json.readTree(call(get("/api/notifications").param("page", "-1"), "zhanlong1", null, 400));
        assertThat(page.get("errors").get(0).toString()).isEqualTo("{\"field\":\"page\",\"reason\":\"不能小于0\"}");
        assertThat(page.get("message").asText()).isEqualTo("请求参数格式不正确");
        JsonNode size = json.readTree(call(get("/api/notifications").param("size", "500"), "zhanlong1", null, 400));
        assertThat(size.get("errors").get(0).toString()).isEqualTo("{\"field\":\"size\",\"reason\":\"必须在1到100之间\"}");
        call(get("/api/notifications").param("page", "2147483647"), "zhanlong1", null, 200);
    }

    @Test
    void administratorsSeeMissingHolidayDataAndChangeTimeLimits() throws Exception {
        calendarWarnings.incomplete(calendar.deadline(LocalDate.of(2031, 12, 20).atStartOfDay(WorkingDayCalendar.ZONE).toInstant(), 10),
                "测试任务");
        JsonNode list = json.readTree(call(get("/api/admin/calendar-warnings"), "admin", null, 200));
        assertThat(list.toString()).contains("2031").contains("节假日数据");
        call(get("/api/admin/calendar-warnings"), "zhanlong1", null, 403);
        // Camunda's first administrator (camunda.bpm.admin-user, demo) is one of the product's administrators too.
        assertThat(json.readTree(call(get("/api/admin/calendar-warnings"), "demo", null, 200))).isEqualTo(list);

        JsonNode limits = json.readTree(call(get("/api/time-limits"), "zhanlong1", null, 200));
        assertThat(limits.toString()).contains("Task_SurveyWillingness").contains("Task_PublishBaseData");
        Map<String, Object> change = Map.of("workingDays", 25, "yellowBeforeDays", 3, "escalateAfterDays", 5);
        call(put("/api/time-limits/{key}", "Task_HandleTransitionExpiry"), "nrb-clerk", change, 403);
        JsonNode bad = json.readTree(call(put("/api/time-limits/{key}", "Task_HandleTransitionExpiry"), "admin",
                Map.of("workingDays", 0, "clock", "SOMETIMES"), 400));
        assertThat(bad.toString()).contains("workingDays").contains("clock");
        JsonNode changed = json.readTree(call(put("/api/time-limits/{key}", "Task_HandleTransitionExpiry"), "admin", change, 200));
        assertThat(changed.get("workingDays").asInt()).isEqualTo(25);
        call(put("/api/time-limits/{key}", "Task_HandleTransitionExpiry"), "admin",
                Map.of("workingDays", 20), 200);
        call(put("/api/time-limits/{key}", "Task_NoSuchTask"), "admin", change, 404);
    }

    private Task firstTaskOfNewProject() throws Exception {
        String body = json.writeValueAsString(validApplication(a -> { }));
        JsonNode project = json.readTree(mvc.perform(post("/api/projects").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(httpBasic("nrb-clerk", "demo"))).andReturn().getResponse().getContentAsString());
        String taskId = jdbc.queryForObject("select task_id from task_clock where project_id = ? and task_definition_key = 'Task_SurveyWillingness'",
                String.class, project.get("id").asLong());
        return taskService.createTaskQuery().taskId(taskId).singleResult();
    }

    private List<JsonNode> warnings(String user, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/warnings");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        JsonNode list = json.readTree(call(request, user, null, 200));
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).toList();
    }

    private static List<Long> ids(List<JsonNode> warnings) {
        return warnings.stream().map(w -> w.get("id").asLong()).toList();
    }

    private long unread(String user) throws Exception {
        return json.readTree(call(get("/api/notifications/unread-count"), user, null, 200)).get("unread").asLong();
    }

    private List<String> recipients() throws Exception {
        return Arrays.stream(TestMailServer.get().getReceivedMessages())
                .flatMap(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    private String error(String body) throws Exception {
        return json.readTree(body).get("message").asText();
    }

    private String call(MockHttpServletRequestBuilder request, String user, Object body, int status) throws Exception {
        request.with(httpBasic(user, "demo"));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString();
    }
}
