package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** GET /api/me, the task list, one task with its form, claim, and completing with the form's data. */
class TaskApiIT extends WorkApiTestSupport {

    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void meNamesTheUserAndOffices() throws Exception {
        Answer me = get("zhanlong1", "/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("userId").asText()).isEqualTo("zhanlong1");
        assertThat(me.body().get("name").asText()).isEqualTo("占陇镇经办员");
        assertThat(me.body().get("offices").toString()).contains("town-zhanlong");
        assertThat(me.body().at("/roles/town").asText()).isEqualTo("zhanlong");
        assertThat(me.body().at("/roles/nrb").asBoolean()).isFalse();
        // Camunda keeps the passwords here: the welcome page's 修改密码, no page of another system.
        assertThat(me.body().has("passwordPage")).isTrue();
        assertThat(me.body().get("passwordPage").isNull()).isTrue();
        assertThat(get("nrb-clerk", "/api/me").body().at("/roles/nrb").asBoolean()).isTrue();
    }

    @Test
    void anonymousCallsAre401() throws Exception {
        int status = mvc.perform(MockMvcRequestBuilders.get("/api/tasks")).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(401);
    }

    @Test
    void aTownListsOnlyItsOwnTownsTasksWithProjectContext() throws Exception {
        JsonNode zl = apply("zhanlong", "占陇镇任务列表项目");
        JsonNode ls = apply("liushadong", "流沙东任务列表项目");
        String zlCode = zl.get("code").asText();
        String lsCode = ls.get("code").asText();

        List<JsonNode> mine = tasksOf("zhanlong1", zlCode);
        assertThat(mine).singleElement().satisfies(t -> {
            assertThat(t.get("taskDefinitionKey").asText()).isEqualTo("Task_SurveyWillingness");
            assertThat(t.get("taskName").asText()).isEqualTo("摸查改造意愿");
            assertThat(t.get("processDefinitionKey").asText()).isEqualTo("ProjectIntake");
            assertThat(t.get("projectId").asLong()).isEqualTo(zl.get("id").asLong());
            assertThat(t.get("projectName").asText()).isEqualTo("占陇镇任务列表项目");
            assertThat(t.get("townName").asText()).isEqualTo("占陇镇");
            assertThat(t.get("phase").asText()).isEqualTo("INTAKE");
            assertThat(t.get("phaseName").asText()).isEqualTo("纳入年度实施计划");
            assertThat(t.get("candidateGroups").toString()).isEqualTo("[\"town-zhanlong\"]");
            assertThat(t.get("claimable").asBoolean()).isTrue();
            assertThat(t.get("formId").asText()).isEqualTo("Form_SurveyWillingness");
            assertThat(t.get("receivedAt").asText()).endsWith("+08:00");
            // The statutory clock's time limit of the survey (table task_time_limit): 15 working days from today.
            assertThat(t.get("dueAt").asText()).endsWith("+08:00");
            assertThat(t.get("workingDaysLeft").asInt()).isEqualTo(15);
            assertThat(t.get("warningGrade").isNull()).isTrue();
        });
        // The other town's project is in neither list of the other town, by text or by town filter.
        assertThat(tasksOf("zhanlong1", lsCode)).isEmpty();
        assertThat(tasksOf("liushadong1", zlCode)).isEmpty();
        assertThat(tasksOf("liushadong1", lsCode)).hasSize(1);
        Answer byTown = get("zhanlong1", "/api/tasks?town=liushadong");
        assertThat(byTown.body().get("total").asLong()).isZero();
        // The NRB reads every project but these steps are the towns' work: not in its queue.
        assertThat(tasksOf("nrb-clerk", zlCode)).isEmpty();

        // Reading another town's task: 403 with the reason; an unknown task: 404.
        String zlTask = mine.get(0).get("taskId").asText();
        Answer foreign = get("liushadong1", "/api/tasks/{id}", zlTask);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body().get("message").asText()).isEqualTo(
                "无权查看该任务：项目 " + zlCode + " 属于占陇镇，您不是其所在乡镇、改造主体或市级审批部门的人员");
        Answer unknown = get("zhanlong1", "/api/tasks/{id}", "no-such-task");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().toString()).isEqualTo("{\"status\":404,\"message\":\"任务不存在或已办结\"}");
        Answer foreignComplete = post("liushadong1", "/api/tasks/{id}/complete", willingness(), zlTask);
        assertThat(foreignComplete.status()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(zlTask).count()).isOne();

        // The other town works on its own: no willingness, the application ends (and leaves no open work behind).
        String lsTask = tasksOf("liushadong1", lsCode).get(0).get("taskId").asText();
        assertThat(post("liushadong1", "/api/tasks/{id}/complete", Map.of("willingnessAgreed", false, "agreePercent", 10,
                "surveyDate", "2026-03-01"), lsTask).status()).isEqualTo(204);
        assertThat(tasksOf("liushadong1", lsCode)).isEmpty();
        // Nobody withdrew it: the owners did not agree, so it was not admitted.
        JsonNode ended = null;
        for (JsonNode listed : get("applicant1", "/api/my/projects").body()) {
            ended = lsCode.equals(listed.get("code").asText()) ? listed : ended;
        }
        assertThat(ended).as("applicant1's projects").isNotNull();
        assertThat(ended.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(ended.get("statusLabel").asText()).isEqualTo("未纳入实施");
    }

    @Test
    void theProjectsOfSomeTasksAreGivenForThoseTheUserMayRead() throws Exception {
        JsonNode zl = apply("zhanlong", "占陇镇任务项目查询");
        JsonNode ls = apply("liushadong", "流沙东任务项目查询");
        String zlTask = tasksOf("zhanlong1", zl.get("code").asText()).get(0).get("taskId").asText();
        String lsTask = tasksOf("liushadong1", ls.get("code").asText()).get(0).get("taskId").asText();

        Answer mine = get("zhanlong1", "/api/tasks/context?ids={ids}", lsTask + "," + zlTask + ",no-such-task");
        assertThat(mine.status()).as(mine.raw()).isEqualTo(200);
        // Another town's task and one that is not open are left out.
        assertThat(mine.body()).singleElement().satisfies(item -> {
            assertThat(item.get("taskId").asText()).isEqualTo(zlTask);
            assertThat(item.get("projectCode").asText()).isEqualTo(zl.get("code").asText());
            assertThat(item.get("projectName").asText()).isEqualTo("占陇镇任务项目查询");
            assertThat(item.get("townName").asText()).isEqualTo("占陇镇");
            assertThat(item.get("phaseName").asText()).isEqualTo("纳入年度实施计划");
        });
        // NRB reads both, in the order asked.
        assertThat(get("nrb-clerk", "/api/tasks/context?ids={ids}", lsTask + "," + zlTask).body().findValuesAsText("taskId"))
                .containsExactly(lsTask, zlTask);

        Answer none = get("zhanlong1", "/api/tasks/context?ids=");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().at("/errors/0").toString()).isEqualTo("{\"field\":\"ids\",\"reason\":\"必填\"}");
        String many = String.join(",", java.util.stream.IntStream.range(0, 101).mapToObj(i -> "t" + i).toList());
        assertThat(get("zhanlong1", "/api/tasks/context?ids={ids}", many).body().at("/errors/0").toString())
                .isEqualTo("{\"field\":\"ids\",\"reason\":\"最多100个\"}");
    }

    @Test
    void filtersSortsAndShowsDeadlinesAndWarnings() throws Exception {
        String late = apply("zhanlong", "占陇镇超期项目").get("code").asText();
        String onTime = apply("zhanlong", "占陇镇未超期项目").get("code").asText();
        String lateTask = taskId("zhanlong1", late, "Task_SurveyWillingness");
        String onTimeTask = taskId("zhanlong1", onTime, "Task_SurveyWillingness");
        taskService.setDueDate(lateTask, Date.from(Instant.now().minus(20, ChronoUnit.DAYS)));
        taskService.setDueDate(onTimeTask, Date.from(Instant.now().plus(30, ChronoUnit.DAYS)));
        warning(lateTask, "YELLOW", false);
        warning(lateTask, "RED", false);
        warning(lateTask, "ESCALATED", true);

        JsonNode lateItem = tasksOf("zhanlong1", late).get(0);
        assertThat(lateItem.get("overdue").asBoolean()).isTrue();
        assertThat(lateItem.get("workingDaysLeft").asInt()).isLessThan(-10);
        assertThat(lateItem.get("warningGrade").asText()).isEqualTo("RED");
        JsonNode onTimeItem = tasksOf("zhanlong1", onTime).get(0);
        assertThat(onTimeItem.get("overdue").asBoolean()).isFalse();
        assertThat(onTimeItem.get("workingDaysLeft").asInt()).isBetween(15, 22);

        Answer overdue = get("zhanlong1", "/api/tasks?overdue=true&size=200");
        assertThat(overdue.body().get("items").findValuesAsText("taskId")).contains(lateTask).doesNotContain(onTimeTask);
        // Sorted by due date: the late task before the one due in a month, before tasks with no deadline.
        List<String> all = get("zhanlong1", "/api/tasks?size=200").body().get("items").findValuesAsText("taskId");
        assertThat(all.indexOf(lateTask)).isLessThan(all.indexOf(onTimeTask));
        assertThat(all.get(0)).isEqualTo(lateTask);
        Answer paged = get("zhanlong1", "/api/tasks?size=1&page=1");
        assertThat(paged.body().get("items")).hasSize(1);
        assertThat(paged.body().get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(get("zhanlong1", "/api/tasks?phase=INTAKE&q={q}", late).body().get("total").asLong()).isOne();
        assertThat(get("zhanlong1", "/api/tasks?phase=LAND_MANAGEMENT&q={q}", late).body().get("total").asLong()).isZero();

        Answer badPhase = get("zhanlong1", "/api/tasks?phase=NOPE");
        assertThat(badPhase.status()).isEqualTo(400);
        assertThat(badPhase.body().at("/errors/0/field").asText()).isEqualTo("phase");
        assertThat(get("zhanlong1", "/api/tasks?size=0").body().at("/errors/0").toString())
                .isEqualTo("{\"field\":\"size\",\"reason\":\"必须在1到200之间\"}");
        assertThat(get("zhanlong1", "/api/tasks?overdue=maybe").status()).isEqualTo(400);
        // A town that does not exist is named as the mistake, not answered with an empty list; a real one filters.
        assertThat(get("zhanlong1", "/api/tasks?town=zhanlon").body().at("/errors/0").toString())
                .isEqualTo("{\"field\":\"town\",\"reason\":\"没有编码为 zhanlon 的乡镇(街道、农场)\"}");
        assertThat(get("zhanlong1", "/api/tasks?town=zhanlong&q={q}", late).body().get("total").asLong()).isOne();
    }

    @Test
    void taskDetailsCarryTheFormAndTheProject() throws Exception {
        JsonNode project = apply("zhanlong", "占陇镇任务详情项目");
        String taskId = taskId("zhanlong1", project.get("code").asText(), "Task_SurveyWillingness");
        Answer details = get("zhanlong1", "/api/tasks/{id}", taskId);
        assertThat(details.status()).as(details.raw()).isEqualTo(200);
        assertThat(details.body().get("taskId").asText()).isEqualTo(taskId);
        assertThat(details.body().at("/form/id").asText()).isEqualTo("Form_SurveyWillingness");
        assertThat(details.body().at("/form/components").toString()).contains("agreePercent");
        assertThat(details.body().at("/project/code").asText()).isEqualTo(project.get("code").asText());
        assertThat(details.body().at("/project/townName").asText()).isEqualTo("占陇镇");
        assertThat(details.body().get("canWork").asBoolean()).isTrue();
        assertThat(details.body().get("sendBackAllowed").asBoolean()).isFalse();
        // 否 ends the project for good: the page asks to confirm it (the model's endsProject).
        assertThat(details.body().get("ending").toString())
                .isEqualTo("{\"field\":\"willingnessAgreed\",\"outcomes\":{\"false\":\"项目未纳入实施\"},\"unless\":null}");
        // An overseer reads it without being able to work on it.
        Answer overseer = get("leader1", "/api/tasks/{id}", taskId);
        assertThat(overseer.status()).isEqualTo(200);
        assertThat(overseer.body().get("canWork").asBoolean()).isFalse();
        assertThat(overseer.body().get("claimable").asBoolean()).isFalse();
    }

    @Test
    void completingValidatesEveryFieldAgainstTheFormAndSavesNothingOnFailure() throws Exception {
        JsonNode project = apply("zhanlong", "占陇镇表单校验项目");
        String code = project.get("code").asText();
        String taskId = taskId("zhanlong1", code, "Task_SurveyWillingness");

        Answer empty = post("zhanlong1", "/api/tasks/{id}/complete", Map.of(), taskId);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).isEqualTo(json.readTree("""
                {"status":400,"message":"表单校验未通过","errors":[
                 {"field":"willingnessAgreed","reason":"必填"},{"field":"agreePercent","reason":"必填"},
                 {"field":"surveyDate","reason":"必填"}]}"""));

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("willingnessAgreed", "maybe");
        bad.put("agreePercent", 101);
        bad.put("surveyDate", "2026-13-01");
        bad.put("colour", "red");
        Answer wrong = post("zhanlong1", "/api/tasks/{id}/complete", bad, taskId);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().get("errors")).isEqualTo(json.readTree("""
                [{"field":"colour","reason":"表单中没有该字段"},
                 {"field":"willingnessAgreed","reason":"取值无效，可选值：是(true)、否(false)"},
                 {"field":"agreePercent","reason":"不能大于100"},
                 {"field":"surveyDate","reason":"日期格式应为YYYY-MM-DD"}]"""));
        Map<String, Object> typed = new LinkedHashMap<>(willingness());
        typed.put("agreePercent", "abc");
        assertThat(post("zhanlong1", "/api/tasks/{id}/complete", typed, taskId).body().get("errors").toString())
                .isEqualTo("[{\"field\":\"agreePercent\",\"reason\":\"必须是数字\"}]");
        typed.put("agreePercent", -1);
        assertThat(post("zhanlong1", "/api/tasks/{id}/complete", typed, taskId).body().get("errors").toString())
                .isEqualTo("[{\"field\":\"agreePercent\",\"reason\":\"不能小于0\"}]");
        Answer notJson = post("zhanlong1", "/api/tasks/{id}/complete", "[1,2", taskId);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().get("message").asText()).isEqualTo("请求格式不正确");
        // A check judges as the submission would, and completes nothing (the page asks it before an answer that ends
        // the project): the same errors, then 204 for data the submission takes; another town's officer may not.
        Answer checked = post("zhanlong1", "/api/tasks/{id}/check", bad, taskId);
        assertThat(checked.status()).isEqualTo(400);
        assertThat(checked.body()).isEqualTo(wrong.body());
        Answer fine = post("zhanlong1", "/api/tasks/{id}/check", Map.of("willingnessAgreed", false,
                "agreePercent", 10, "surveyDate", "2026-03-01"), taskId);
        assertThat(fine.status()).as(fine.raw()).isEqualTo(204);
        assertThat(post("liushadong1", "/api/tasks/{id}/check", willingness(), taskId).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from act_ru_variable where proc_inst_id_ = ? and name_ = 'agreePercent'",
                Long.class, taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId())).isZero();
        // Nothing was saved by the refused submissions.
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
        assertThat(jdbc.queryForObject("select count(*) from decision_record where project_id = ?", Long.class,
                project.get("id").asLong())).isZero();

        Answer done = post("zhanlong1", "/api/tasks/{id}/complete", Map.of("willingnessAgreed", "true",
                "agreePercent", "95.5", "surveyDate", "2026-03-01", "opinion", "同意"), taskId);
        assertThat(done.status()).as(done.raw()).isEqualTo(204);
        // Values were stored with the types the gateways use; the next step is the town's.
        assertThat(jdbc.queryForObject("""
                select count(*) from act_hi_varinst where name_ = 'agreePercent' and double_ = 95.5 and var_type_ = 'double'
                """, Long.class)).isPositive();
        assertThat(taskId("zhanlong1", code, "Task_SurveyBaseData")).isNotBlank();
        assertThat(jdbc.queryForObject("select actor from decision_record where project_id = ? and task_definition_key = ?",
                String.class, project.get("id").asLong(), "Task_SurveyWillingness")).isEqualTo("zhanlong1");

        Answer again = post("zhanlong2", "/api/tasks/{id}/complete", willingness(), taskId);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("message").asText()).matches(
                "该任务已由 占陇镇经办员（zhanlong1）于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 办理");
        Answer foreignDone = post("liushadong1", "/api/tasks/{id}/complete", willingness(), taskId);
        assertThat(foreignDone.status()).isEqualTo(403);
    }

    @Test
    void claimingMakesTheTaskOneOfficersAndOthersGet409() throws Exception {
        String code = apply("zhanlong", "占陇镇签收项目").get("code").asText();
        String taskId = taskId("zhanlong1", code, "Task_SurveyWillingness");
        assertThat(post("zhanlong1", "/api/tasks/{id}/claim", null, taskId).status()).isEqualTo(204);
        assertThat(post("zhanlong1", "/api/tasks/{id}/claim", null, taskId).status()).isEqualTo(204);
        // The list names who holds it, as people read them.
        Answer mine = get("zhanlong1", "/api/tasks?q={q}", code);
        assertThat(mine.body().get("items").get(0).get("assignee").asText()).isEqualTo("zhanlong1");
        assertThat(mine.body().get("assigneeNames").toString()).isEqualTo("{\"zhanlong1\":\"占陇镇经办员\"}");
        // Out of the colleague's list (the page promises it), still readable by them, and not theirs to claim.
        assertThat(tasksOf("zhanlong2", code)).isEmpty();
        JsonNode seenByColleague = get("zhanlong2", "/api/tasks/{id}", taskId).body();
        assertThat(seenByColleague.get("assignee").asText()).isEqualTo("zhanlong1");
        assertThat(seenByColleague.get("claimable").asBoolean()).isFalse();
        assertThat(seenByColleague.get("unclaimable").asBoolean()).isFalse();
        assertThat(get("zhanlong1", "/api/tasks/{id}", taskId).body().get("unclaimable").asBoolean()).isTrue();

        Answer taken = post("zhanlong2", "/api/tasks/{id}/claim", null, taskId);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().get("message").asText()).isEqualTo("该任务已由 占陇镇经办员（zhanlong1）认领");
        assertThat(post("zhanlong2", "/api/tasks/{id}/complete", willingness(), taskId).status()).isEqualTo(409);
        assertThat(post("zhanlong2", "/api/tasks/{id}/unclaim", null, taskId).status()).isEqualTo(409);
        assertThat(post("liushadong1", "/api/tasks/{id}/claim", null, taskId).status()).isEqualTo(403);

        assertThat(post("zhanlong1", "/api/tasks/{id}/unclaim", null, taskId).status()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
        assertThat(post("zhanlong2", "/api/tasks/{id}/claim", null, taskId).status()).isEqualTo(204);
        assertThat(post("zhanlong2", "/api/tasks/{id}/complete", willingness(), taskId).status()).isEqualTo(204);
    }

    @Test
    void theSurveyOfTheBaseDataOffersTheApplicationsFiguresAndKeepsWhatTheProcessHolds() throws Exception {
        JsonNode project = apply("zhanlong", "占陇镇预填项目");
        String code = project.get("code").asText();
        complete("zhanlong1", code, "Task_SurveyWillingness", willingness());
        String survey = taskId("zhanlong1", code, "Task_SurveyBaseData");
        JsonNode surveyTask = get("zhanlong1", "/api/tasks/{id}", survey).body();
        assertThat(surveyTask.get("ending").isNull()).as("no answer of the survey ends the project").isTrue();
        JsonNode data = surveyTask.get("data");
        assertThat(data.get("landAreaSqm").asDouble()).isEqualTo(10000.0);
        assertThat(data.get("landAreaMu").asDouble()).isEqualTo(15.0);
        assertThat(data.get("existingFloorArea").asDouble()).isEqualTo(8000.0);
        assertThat(data.get("currentPlotRatio").asDouble()).isEqualTo(0.8);
        assertThat(data.get("parcelIds").asText()).isEqualTo(project.at("/parcelIds/0").asText() + "、"
                + project.at("/parcelIds/1").asText());
        // A value the process holds (here set through the engine) is shown instead of the application's.
        taskService.setVariable(survey, "landAreaMu", 14.9);
        assertThat(get("zhanlong1", "/api/tasks/{id}", survey).body().at("/data/landAreaMu").asDouble()).isEqualTo(14.9);
        // 1 m² is not 1 亩: the surveyed areas must agree, as an application's must.
        Answer mismatch = post("zhanlong1", "/api/tasks/{id}/complete", Map.of("landAreaSqm", 10000, "landAreaMu", 10000,
                "existingFloorArea", 8000, "currentPlotRatio", 0.8, "surveyDate", "2026-03-10"), survey);
        assertThat(mismatch.status()).as(mismatch.raw()).isEqualTo(400);
        assertThat(mismatch.body().get("errors").toString()).isEqualTo(
                "[{\"field\":\"landAreaMu\",\"reason\":\"与用地面积（平方米）不一致，按1亩=666.67平方米应约为15.00亩\"}]");
    }

    @Test
    void aTaskAssignedToOnePersonCannotBeUnclaimedIntoNobodysList() throws Exception {
        String code = apply("zhanlong", "占陇镇直接指派项目").get("code").asText();
        String taskId = taskId("zhanlong1", code, "Task_SurveyWillingness");
        // As the applicant's steps are (camunda:assignee="${applicant}"): one person's, no candidate group.
        taskService.deleteCandidateGroup(taskId, "town-zhanlong");
        taskService.setAssignee(taskId, "zhanlong1");
        assertThat(get("zhanlong1", "/api/tasks/{id}", taskId).body().get("unclaimable").asBoolean()).isFalse();

        Answer refused = post("zhanlong1", "/api/tasks/{id}/unclaim", null, taskId);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("message").asText()).isEqualTo("该任务直接指定由您本人办理，没有可退回的单位待办，不能取消认领");
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("zhanlong1");
        assertThat(post("zhanlong1", "/api/tasks/{id}/complete", willingness(), taskId).status()).isEqualTo(204);
    }

    private void warning(String taskId, String grade, boolean closed) {
        jdbc.update("""
                insert into task_warning (task_id, task_definition_key, task_name, responsible_group, grade, raised_at,
                                          message, closed_at)
                values (?, 'Task_SurveyWillingness', '摸查改造意愿', 'town-zhanlong', ?, now(), '测试预警', ?)
                """, taskId, grade, closed ? java.sql.Timestamp.from(Instant.now()) : null);
    }
}
