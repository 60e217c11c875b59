package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A meeting of the planning committee decides several projects' reviews at once. The projects are brought to the
 * committee by starting their CommitteeReview phase process (as the lifecycle's call activity does) with the
 * variables the lifecycle passes.
 */
class MeetingIT extends WorkApiTestSupport {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void oneMeetingCompletesEveryListedReviewWithItsDecision() throws Exception {
        List<JsonNode> projects = List.of(atCommittee("zhanlong", "规委会项目甲"), atCommittee("maanshannongchang", "规委会项目乙"),
                atCommittee("zhanlong", "规委会项目丙"));
        List<String> tasks = new ArrayList<>();
        for (JsonNode p : projects) {
            tasks.add(reviewTask(p.get("id").asLong()));
        }

        Answer agenda = get("committee1", "/api/meetings/agenda?kind=COMMITTEE");
        assertThat(agenda.status()).as(agenda.raw()).isEqualTo(200);
        assertThat(agenda.body().get("kindLabel").asText()).isEqualTo("规划委员会会议");
        JsonNode item = null;
        for (JsonNode i : agenda.body().get("items")) {
            if (i.get("taskId").asText().equals(tasks.get(0))) {
                item = i;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.get("decisionKey").asText()).isEqualTo("committeeDecision");
        assertThat(item.get("options").toString()).contains("{\"value\":\"PASS\",\"label\":\"审议通过\"}");
        assertThat(item.get("extraFields").findValuesAsText("key")).containsExactly("majorMatter");
        assertThat(get("zhanlong1", "/api/meetings/agenda?kind=COMMITTEE").status()).isEqualTo(403);
        assertThat(get("committee1", "/api/meetings/agenda?kind=PARTY").status()).isEqualTo(400);

        // One bad entry (an out-of-range decision, a task that is not the committee's): 400, nothing completed.
        String foreignTask = taskId("zhanlong1", apply("zhanlong", "非上会项目").get("code").asText(), "Task_SurveyWillingness");
        Map<String, Object> bad = meeting(List.of(
                decision(tasks.get(0), "PASS"), decision(tasks.get(1), "MAYBE"), decision(foreignTask, "PASS")));
        Answer refused = post("committee1", "/api/meetings", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("message").asText()).isEqualTo("会议决定校验未通过");
        assertThat(refused.body().get("errors")).isEqualTo(json.readTree("""
                [{"field":"decisions[1].decision","reason":"取值无效，可选值：审议通过(PASS)、修改后再审(REVISE)、不予通过(REJECT)"},
                 {"field":"decisions[2].taskId","reason":"“摸查改造意愿”不是规划委员会会议决定的事项"}]"""));
        assertThat(taskService.createTaskQuery().taskIdIn(tasks.toArray(String[]::new)).count()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from meeting where document_number = '普规委〔2026〕21号'", Long.class))
                .isZero();

        Map<String, Object> future = new java.util.LinkedHashMap<>(meeting(List.of(decision(tasks.get(0), "PASS"))));
        future.put("date", "2099-12-01");
        assertThat(post("committee1", "/api/meetings", future).body().get("errors").toString()).contains("\"field\":\"date\"")
                .contains("不能晚于今天");
        Answer header = post("committee1", "/api/meetings", Map.of("kind", "COMMITTEE", "date", "2026/07/01"));
        assertThat(header.body().get("errors")).isEqualTo(json.readTree("""
                [{"field":"date","reason":"日期格式应为YYYY-MM-DD"},{"field":"documentNumber","reason":"必填"},
                 {"field":"minutes","reason":"必填"},{"field":"decisions","reason":"至少需要一项会议决定"}]"""));
        // The meeting's problems and each project's at once, not the projects' only after the meeting's are mended.
        Map<String, Object> both = new java.util.LinkedHashMap<>(meeting(List.of(decision(tasks.get(0), "PASS"),
                decision(tasks.get(1), "MAYBE"))));
        both.put("documentNumber", "");
        both.put("minutes", null);
        Answer together = post("committee1", "/api/meetings", both);
        assertThat(together.status()).isEqualTo(400);
        assertThat(together.body().get("errors")).isEqualTo(json.readTree("""
                [{"field":"documentNumber","reason":"必填"},{"field":"minutes","reason":"必填"},
                 {"field":"decisions[1].decision","reason":"取值无效，可选值：审议通过(PASS)、修改后再审(REVISE)、不予通过(REJECT)"}]"""));
        Answer notMember = post("gov1", "/api/meetings", meeting(List.of(decision(tasks.get(0), "PASS"))));
        assertThat(notMember.status()).isEqualTo(403);

        // A scheme sent back or refused carries the meeting's reasons: the bureau revises it by them.
        Answer noReasons = post("committee1", "/api/meetings", meeting(List.of(decision(tasks.get(0), "PASS"),
                Map.of("taskId", tasks.get(1), "decision", "REVISE", "fields", Map.of("majorMatter", false)))));
        assertThat(noReasons.status()).isEqualTo(400);
        assertThat(noReasons.body().get("errors")).isEqualTo(json.readTree("""
                [{"field":"decisions[1].opinion","reason":"修改后再审时必填：写明修改意见，市自然资源局据此修改方案"}]"""));
        assertThat(taskService.createTaskQuery().taskIdIn(tasks.toArray(String[]::new)).count()).isEqualTo(3);

        Map<String, Object> good = meeting(List.of(decision(tasks.get(0), "PASS"), decision(tasks.get(1), "REVISE"),
                decision(tasks.get(2), "REJECT")));
        // A check judges the meeting as recording it would, and records nothing (the page asks it before decisions
        // that end projects): the same errors, then 204; no meeting, every review still open.
        Answer checkedBad = post("committee1", "/api/meetings/check", meeting(List.of(decision(tasks.get(0), "PASS"),
                Map.of("taskId", tasks.get(1), "decision", "REVISE", "fields", Map.of("majorMatter", false)))));
        assertThat(checkedBad.status()).isEqualTo(400);
        assertThat(checkedBad.body()).isEqualTo(noReasons.body());
        Long meetingsBefore = jdbc.queryForObject("select count(*) from meeting", Long.class);
        Answer checkedGood = post("committee1", "/api/meetings/check", good);
        assertThat(checkedGood.status()).as(checkedGood.raw()).isEqualTo(204);
        assertThat(post("gov1", "/api/meetings/check", good).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from meeting", Long.class)).isEqualTo(meetingsBefore);
        assertThat(taskService.createTaskQuery().taskIdIn(tasks.toArray(String[]::new)).count()).isEqualTo(3);
        Answer recorded = post("committee1", "/api/meetings", good);
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
        long meetingId = recorded.body().get("id").asLong();
        assertThat(recorded.body().get("decisions").findValuesAsText("decision")).containsExactly("PASS", "REVISE", "REJECT");
        assertThat(taskService.createTaskQuery().taskIdIn(tasks.toArray(String[]::new)).count()).isZero();
        List<Map<String, Object>> records = jdbc.queryForList("""
                select outcome, document_number, actor, meeting_id from decision_record
                 where task_definition_key = 'Task_ReviewScheme' and meeting_id = ? order by project_id""", meetingId);
        assertThat(records).extracting(r -> r.get("outcome")).containsExactly("PASS", "REVISE", "REJECT");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.get("document_number")).isEqualTo("普规委〔2026〕21号");
            assertThat(r.get("actor")).isEqualTo("committee1");
        });
        Answer read = get("nrb-clerk", "/api/meetings/{id}", meetingId);
        assertThat(read.body().get("documentNumber").asText()).isEqualTo("普规委〔2026〕21号");
        assertThat(read.body().get("date").asText()).isEqualTo("2026-07-01");
        assertThat(get("nrb-clerk", "/api/meetings").body().findValuesAsText("documentNumber")).contains("普规委〔2026〕21号");
        assertThat(get("zhanlong1", "/api/meetings/{id}", meetingId).status()).isEqualTo(403);
        // The project's record names the meeting that decided, held before its decisions were entered.
        JsonNode timeline = get("nrb-clerk", "/api/projects/{id}/overview", projects.get(1).get("id").asLong()).body().get("timeline");
        assertThat(timeline.findValues("meeting")).extracting(JsonNode::asText).contains("2026-07-01 规划委员会会议");
        assertThat(get("nrb-clerk", "/api/meetings/{id}", 999999).status()).isEqualTo(404);

        // The same meeting again: its 文号 is taken, and its tasks are done.
        Answer again = post("committee1", "/api/meetings", good);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body().at("/errors/0").toString())
                .isEqualTo("{\"field\":\"documentNumber\",\"reason\":\"该文号已用于 2026-07-01 的规划委员会会议，请核对文号\"}");
        assertThat(again.body().at("/errors/1").toString())
                .isEqualTo("{\"field\":\"decisions[0].taskId\",\"reason\":\"任务不存在或已办结\"}");
    }

    @Test
    void oneGovernmentMeetingDecidesSeveralSchemes() throws Exception {
        List<JsonNode> projects = List.of(atGovernment("zhanlong", "市政府常务会项目甲"), atGovernment("maanshannongchang", "市政府常务会项目乙"));
        List<String> tasks = new ArrayList<>();
        for (JsonNode p : projects) {
            tasks.add(taskService.createTaskQuery().processDefinitionKey("GovernmentApproval")
                    .processVariableValueEquals("projectId", p.get("id").asLong()).singleResult().getId());
        }
        Answer agenda = get("gov1", "/api/meetings/agenda?kind=GOVERNMENT");
        assertThat(agenda.status()).as(agenda.raw()).isEqualTo(200);
        assertThat(agenda.body().get("items").findValuesAsText("taskId")).containsAll(tasks);
        assertThat(get("committee1", "/api/meetings/agenda?kind=GOVERNMENT").status()).isEqualTo(403);

        Map<String, Object> meeting = new LinkedHashMap<>();
        meeting.put("kind", "GOVERNMENT");
        meeting.put("date", "2026-07-10");
        meeting.put("documentNumber", "普府常〔2026〕12号");
        meeting.put("minutes", "市政府常务会议研究了2个“工改工”项目改造方案。");
        meeting.put("decisions", List.of(
                Map.of("taskId", tasks.get(0), "decision", "REVISE", "opinion", "补充社会稳定风险评估"),
                Map.of("taskId", tasks.get(1), "decision", "REJECTED", "opinion", "不符合国土空间规划")));
        Answer recorded = post("gov1", "/api/meetings", meeting);
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
        assertThat(taskService.createTaskQuery().taskIdIn(tasks.toArray(String[]::new)).count()).isZero();
        List<Map<String, Object>> records = jdbc.queryForList("""
                select outcome, document_number, actor from decision_record
                 where task_definition_key = 'Task_ApproveScheme' and meeting_id = ? order by project_id""",
                recorded.body().get("id").asLong());
        assertThat(records).extracting(r -> r.get("outcome")).containsExactly("REVISE", "REJECTED");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.get("document_number")).isEqualTo("普府常〔2026〕12号");
            assertThat(r.get("actor")).isEqualTo("gov1");
        });
        // Both leave the phase (one to be revised, one rejected); approval itself needs a scheme on record, which the
        // lifecycle test (ProjectLifecycleIT) covers.
        for (JsonNode p : projects) {
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("GovernmentApproval")
                    .variableValueEquals("projectId", p.get("id").asLong()).count()).isZero();
        }
    }

    @Test
    void aMeetingWhoseDecisionMeetsAnotherNodeLockingATimerIsRecordedOnceAfterRunningAgain() throws Exception {
        List<JsonNode> projects = List.of(atCommittee("zhanlong", "规委会与超时提醒同时发生项目甲"),
                atCommittee("liushadong", "规委会与超时提醒同时发生项目乙"));
        List<String> tasks = new ArrayList<>();
        for (JsonNode p : projects) {
            tasks.add(reviewTask(p.get("id").asLong()));
        }
        Map<String, Object> decided = meeting(List.of(decision(tasks.get(0), "PASS"), decision(tasks.get(1), "REVISE")));
        decided.put("documentNumber", "普规委〔2026〕30号");

        // Only the second decision's timers are locked: the first one's completion is undone with the whole meeting.
        Answer recorded = whileAnotherNodeLocksTheTimersOf(dataSource, List.of(tasks.get(1)),
                () -> post("committee1", "/api/meetings", decided));

        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
        assertThat(taskService.createTaskQuery().taskIdIn(tasks.toArray(String[]::new)).count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from meeting where document_number = '普规委〔2026〕30号'", Long.class))
                .as("one meeting").isOne();
        assertThat(jdbc.queryForList("""
                select outcome from decision_record where task_definition_key = 'Task_ReviewScheme' and meeting_id = ?
                 order by project_id""", String.class, recorded.body().get("id").asLong()))
                .as("one decision per project").containsExactly("PASS", "REVISE");
    }

    private JsonNode atGovernment(String town, String name) throws Exception {
        JsonNode project = apply(town, name);
        runtimeService.startProcessInstanceByKey("GovernmentApproval", project.get("code").asText(), Variables.createVariables()
                .putValue("projectId", project.get("id").asLong())
                .putValue("projectCode", project.get("code").asText())
                .putValue("townGroup", "town-" + town)
                .putValue("applicant", "applicant1")
                .putValue("historicalLandProcedures", false));
        return project;
    }

    @Test
    void twoClerksEnteringOneMeetingAtOnceSaveItOnce() throws Exception {
        String task = reviewTask(atCommittee("zhanlong", "同时登记会议的项目").get("id").asLong());
        String number = "普规委〔2026〕88号";
        Map<String, Object> meeting = new LinkedHashMap<>(meeting(List.of(decision(task, "PASS"))));
        meeting.put("documentNumber", number);
        try (Connection first = dataSource.getConnection()) {
            // The first clerk's meeting is saved but not yet committed: the second's check does not see it.
            first.setAutoCommit(false);
            try (PreparedStatement insert = first.prepareStatement("""
                    insert into meeting (kind, meeting_date, document_number, minutes, recorded_by, recorded_at)
                    values ('COMMITTEE', date '2026-07-02', ?, '另一位经办人登记的同一次会议', 'committee1', now())""")) {
                insert.setString(1, number);
                insert.executeUpdate();
            }
            CompletableFuture<Answer> second = CompletableFuture.supplyAsync(() -> {
                try {
                    return post("committee1", "/api/meetings", meeting);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // It waits at the unique index for the first to end (without V49 it would have been saved by now).
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (jdbc.queryForObject("""
                    select count(*) from pg_stat_activity
                     where wait_event_type = 'Lock' and query like '%insert into meeting (kind%'""", Long.class) == 0) {
                assertThat(second).as("the second clerk's request, before the first committed").isNotDone();
                assertThat(System.nanoTime()).as("the second clerk's insert waits").isLessThan(deadline);
                Thread.sleep(50);
            }
            first.commit();
            Answer refused = second.get(30, TimeUnit.SECONDS);
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.body().get("errors")).isEqualTo(json.readTree("""
                    [{"field":"documentNumber","reason":"该文号刚刚已由另一次会议登记使用，请刷新会议列表后核对文号"}]"""));
        }
        assertThat(taskService.createTaskQuery().taskId(task).count()).as("the review stays open").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from meeting where document_number = ?", Long.class, number))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from meeting_decision where task_id = ?", Long.class, task)).isZero();
    }

    @Test
    void anInstallationThatHoldsOneNumberTwiceKeepsBothMeetingsAndGetsNoIndex() throws Exception {
        String migration = new String(new ClassPathResource("db/migration/V49__meeting_document_number_unique.sql")
                .getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create schema v49_probe");
            try {
                sql.execute("set search_path to v49_probe");
                sql.execute("create table meeting (id bigint primary key, document_number varchar(100) not null)");
                sql.execute("insert into meeting values (1, '普规委〔2025〕3号'), (2, '普规委〔2025〕3号'), (3, '普规委〔2025〕4号')");
                sql.execute(migration);
                assertThat((Object) sql.getWarnings()).isNotNull();
                assertThat(sql.getWarnings().getMessage()).contains("会议文号重复", "普规委〔2025〕3号")
                        .doesNotContain("4号");
                assertThat(indexes(sql)).isZero();
                assertThat(count(sql, "select count(*) from meeting")).isEqualTo(3);

                sql.execute("update meeting set document_number = '普规委〔2025〕5号' where id = 2"); // corrected
                sql.clearWarnings();
                sql.execute(migration);
                assertThat((Object) sql.getWarnings()).isNull();
                assertThat(indexes(sql)).isEqualTo(1);
            } finally {
                sql.execute("set search_path to default");
                sql.execute("drop schema v49_probe cascade");
            }
        }
    }

    private static long indexes(Statement sql) throws Exception {
        return count(sql, """
                select count(*) from pg_indexes
                 where schemaname = 'v49_probe' and indexname = 'meeting_document_number_key'""");
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private JsonNode atCommittee(String town, String name) throws Exception {
        JsonNode project = apply(town, name);
        runtimeService.startProcessInstanceByKey("CommitteeReview", project.get("code").asText(), Variables.createVariables()
                .putValue("projectId", project.get("id").asLong())
                .putValue("projectCode", project.get("code").asText())
                .putValue("townGroup", "town-" + town)
                .putValue("applicant", "applicant1"));
        return project;
    }

    private String reviewTask(long projectId) {
        return taskService.createTaskQuery().processDefinitionKey("CommitteeReview")
                .processVariableValueEquals("projectId", projectId).singleResult().getId();
    }

    private static Map<String, Object> meeting(List<Map<String, Object>> decisions) {
        Map<String, Object> meeting = new LinkedHashMap<>();
        meeting.put("kind", "COMMITTEE");
        meeting.put("date", "2026-07-01");
        meeting.put("documentNumber", "普规委〔2026〕21号");
        meeting.put("minutes", "2026年第3次规划委员会会议审议了3个“工改工”项目改造方案。");
        meeting.put("decisions", decisions);
        return meeting;
    }

    private static Map<String, Object> decision(String taskId, String decision) {
        return Map.of("taskId", taskId, "decision", decision, "opinion", "会议意见：" + decision,
                "fields", Map.of("majorMatter", false));
    }
}
