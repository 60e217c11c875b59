package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Comments, 转办 (transfer), 委派 (delegate and resolve) and 退回 (send back) on the task API. */
class TaskActionsIT extends WorkApiTestSupport {

    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void officersCommentOnTheirTasksAndOnlyThoseWhoSeeTheProjectReadThem() throws Exception {
        String code = apply("zhanlong", "占陇镇意见项目").get("code").asText();
        String taskId = taskId("zhanlong1", code, "Task_SurveyWillingness");

        Answer created = post("zhanlong1", "/api/tasks/{id}/comments", Map.of("message", "已电话联系权利人"), taskId);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("userId").asText()).isEqualTo("zhanlong1");
        assertThat(created.body().get("userName").asText()).isEqualTo("占陇镇经办员");
        assertThat(created.body().get("message").asText()).isEqualTo("已电话联系权利人");

        Answer list = get("zhanlong2", "/api/tasks/{id}/comments", taskId);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().findValuesAsText("message")).containsExactly("已电话联系权利人");

        Answer empty = post("zhanlong1", "/api/tasks/{id}/comments", Map.of("message", "  "), taskId);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("errors").toString()).isEqualTo("[{\"field\":\"message\",\"reason\":\"必填\"}]");
        assertThat(get("liushadong1", "/api/tasks/{id}/comments", taskId).status()).isEqualTo(403);
        assertThat(post("liushadong1", "/api/tasks/{id}/comments", Map.of("message", "越权"), taskId).status()).isEqualTo(403);
        assertThat(taskService.getTaskComments(taskId)).hasSize(1);
    }

    @Test
    void transferGoesToAColleagueOfTheTasksOfficeWithTheReasonRecorded() throws Exception {
        String code = apply("zhanlong", "占陇镇转办项目").get("code").asText();
        String taskId = taskId("zhanlong1", code, "Task_SurveyWillingness");

        Answer foreign = post("zhanlong1", "/api/tasks/{id}/transfer", Map.of("userId", "liushadong1", "reason", "请协助"), taskId);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body().get("errors").toString())
                .isEqualTo("[{\"field\":\"userId\",\"reason\":\"该用户不属于本任务的办理部门\"}]");
        Answer nobody = post("zhanlong1", "/api/tasks/{id}/transfer", Map.of("userId", "ghost", "reason", "请协助"), taskId);
        assertThat(nobody.body().get("errors").toString()).isEqualTo("[{\"field\":\"userId\",\"reason\":\"用户不存在\"}]");
        Answer noReason = post("zhanlong1", "/api/tasks/{id}/transfer", Map.of("userId", "zhanlong2"), taskId);
        assertThat(noReason.body().get("errors").toString()).isEqualTo("[{\"field\":\"reason\",\"reason\":\"必填\"}]");
        assertThat(post("liushadong1", "/api/tasks/{id}/transfer", Map.of("userId", "liushadong2", "reason", "x"), taskId)
                .status()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();

        Answer moved = post("zhanlong1", "/api/tasks/{id}/transfer", Map.of("userId", "zhanlong2", "reason", "本周外出"), taskId);
        assertThat(moved.status()).as(moved.raw()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("zhanlong2");
        assertThat(get("zhanlong1", "/api/tasks/{id}/comments", taskId).body().findValuesAsText("message"))
                .containsExactly("转办给 占陇镇审核员（zhanlong2）：本周外出");
        // Now it is zhanlong2's: zhanlong1 can no longer complete it.
        assertThat(post("zhanlong1", "/api/tasks/{id}/complete", willingness(), taskId).status()).isEqualTo(409);
        assertThat(post("zhanlong2", "/api/tasks/{id}/complete", willingness(), taskId).status()).isEqualTo(204);
    }

    @Test
    void theColleaguesToHandATaskToAreTheOtherMembersOfItsOffice() throws Exception {
        String code = apply("zhanlong", "占陇镇同事列表项目").get("code").asText();
        String taskId = taskId("zhanlong1", code, "Task_SurveyWillingness");
        Answer colleagues = get("zhanlong1", "/api/tasks/{id}/colleagues", taskId);
        assertThat(colleagues.status()).as(colleagues.raw()).isEqualTo(200);
        assertThat(colleagues.body().findValuesAsText("userId")).contains("zhanlong2").doesNotContain("zhanlong1", "liushadong1");
        assertThat(colleagues.body().findValuesAsText("name")).contains("占陇镇审核员");
        assertThat(get("liushadong1", "/api/tasks/{id}/colleagues", taskId).status()).isEqualTo(403);
    }

    @Test
    void aDelegateWorksOnTheTaskAndHandsItBackToItsOwner() throws Exception {
        String code = apply("zhanlong", "占陇镇委派项目").get("code").asText();
        String taskId = taskId("zhanlong1", code, "Task_SurveyWillingness");

        Answer delegated = post("zhanlong1", "/api/tasks/{id}/delegate", Map.of("userId", "zhanlong2"), taskId);
        assertThat(delegated.status()).as(delegated.raw()).isEqualTo(204);
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task.getOwner()).isEqualTo("zhanlong1");
        assertThat(task.getAssignee()).isEqualTo("zhanlong2");
        assertThat(task.getDelegationState()).isEqualTo(DelegationState.PENDING);
        JsonNode item = tasksOf("zhanlong2", code).get(0);
        assertThat(item.get("delegationState").asText()).isEqualTo("PENDING");

        Answer ownerCompletes = post("zhanlong1", "/api/tasks/{id}/complete", willingness(), taskId);
        assertThat(ownerCompletes.status()).isEqualTo(409);
        assertThat(ownerCompletes.body().get("message").asText()).isEqualTo("该任务已由 占陇镇审核员（zhanlong2）认领");
        Answer delegateCompletes = post("zhanlong2", "/api/tasks/{id}/complete", willingness(), taskId);
        assertThat(delegateCompletes.status()).isEqualTo(409);
        assertThat(delegateCompletes.body().get("message").asText())
                .isEqualTo("该任务已委派给 占陇镇审核员（zhanlong2），须由其办理后交回，才能完成");
        Answer badResolve = post("zhanlong2", "/api/tasks/{id}/resolve", Map.of("agreePercent", 150), taskId);
        assertThat(badResolve.status()).isEqualTo(400);
        assertThat(badResolve.body().get("errors").toString())
                .isEqualTo("[{\"field\":\"agreePercent\",\"reason\":\"不能大于100\"}]");
        // What the delegate filled in is checked as on completion (a survey cannot be dated in the future).
        Answer futureSurvey = post("zhanlong2", "/api/tasks/{id}/resolve", Map.of("agreePercent", 80, "surveyDate", "2099-01-01"), taskId);
        assertThat(futureSurvey.status()).as(futureSurvey.raw()).isEqualTo(400);
        assertThat(futureSurvey.body().get("errors").get(0).get("field").asText()).isEqualTo("surveyDate");
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getDelegationState()).isEqualTo(DelegationState.PENDING);
        assertThat(post("zhanlong1", "/api/tasks/{id}/resolve", Map.of(), taskId).status()).isEqualTo(409);

        assertThat(post("zhanlong2", "/api/tasks/{id}/resolve", Map.of("agreePercent", 80), taskId).status()).isEqualTo(204);
        task = taskService.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task.getAssignee()).isEqualTo("zhanlong1");
        assertThat(task.getDelegationState()).isEqualTo(DelegationState.RESOLVED);
        assertThat(get("zhanlong1", "/api/tasks/{id}", taskId).body().at("/data/agreePercent").asDouble()).isEqualTo(80.0);
        // The hand-back is among the task's 办理意见, after the delegation, by the delegate.
        JsonNode comments = get("zhanlong1", "/api/tasks/{id}/comments", taskId).body();
        assertThat(comments.findValuesAsText("message")).anySatisfy(m -> assertThat(m).startsWith("委派给"))
                .anySatisfy(m -> assertThat(m).startsWith("办理完毕，交回").endsWith("（zhanlong1）"));
        assertThat(comments.findValuesAsText("userId")).contains("zhanlong2");
        assertThat(post("zhanlong1", "/api/tasks/{id}/complete", willingness(), taskId).status()).isEqualTo(204);
    }

    @Test
    void nrbsConfirmationOfTheSubjectGoesBackToTheStepItsPathCameFrom() throws Exception {
        // Several owners who transfer their rights to one: NRB's confirmation goes back to the transfer's check, not
        // to the title documents of a single owner (a step this project never had).
        Answer created = post("nrb-clerk", "/api/projects", validApplication(
                cn.gonggaigong.web.ProjectDriver.keyIndustryProject("占陇镇多权利主体退回项目", "zhanlong")
                        .andThen(app -> app.put("ownership", "SEVERAL_OWNERS"))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String code = created.body().get("code").asText();
        toTitleVerification(code, 20000, 30);
        complete("zhanlong1", code, "Task_CoordinateOwners", Map.of("consolidationMethod", "TRANSFER", "ownerCount", 3));
        complete("nrb-clerk", code, "Task_VerifyRightsTransfer", Map.of("transferCertificateNumbers", "粤(2026)普宁市不动产权第0000101号",
                "transferVerified", true));
        String confirm = taskId("nrb-clerk", code, "Task_ConfirmSubject");
        assertThat(get("nrb-clerk", "/api/tasks/{id}", confirm).body().get("sendBackTo").toString())
                .isEqualTo("{\"activityId\":\"Task_VerifyRightsTransfer\",\"name\":\"核验权益转移\"}");

        Answer back = post("nrb-clerk", "/api/tasks/{id}/send-back", Map.of("reason", "权益转移凭证与权利人名单不符"), confirm);
        assertThat(back.status()).as(back.raw()).isEqualTo(204);
        assertThat(tasksOf("nrb-clerk", code)).extracting(t -> t.get("taskDefinitionKey").asText())
                .containsExactly("Task_VerifyRightsTransfer");
        assertThat(tasksOf("zhanlong1", code)).isEmpty();
    }

    @Test
    void sendBackOnlyWhereTheModelAllowsItWithAReason() throws Exception {
        JsonNode project = apply("zhanlong", "占陇镇退回项目");
        String code = project.get("code").asText();
        String first = taskId("zhanlong1", code, "Task_SurveyWillingness");
        Answer notAllowed = post("zhanlong1", "/api/tasks/{id}/send-back", Map.of("reason", "资料不全"), first);
        assertThat(notAllowed.status()).isEqualTo(400);
        assertThat(notAllowed.body().get("message").asText()).isEqualTo("该环节不允许退回");

        complete("zhanlong1", code, "Task_SurveyWillingness", willingness());
        complete("zhanlong1", code, "Task_SurveyBaseData", Map.of("landAreaSqm", 10000, "landAreaMu", 15,
                "existingFloorArea", 8000, "currentPlotRatio", 0.8, "parcelIds", "BT-S-" + code, "surveyDate", "2026-03-10"));
        String publish = taskId("zhanlong2", code, "Task_PublishBaseData");
        Answer details = get("zhanlong2", "/api/tasks/{id}", publish);
        assertThat(details.body().get("sendBackAllowed").asBoolean()).isTrue();
        assertThat(details.body().get("sendBackTo").toString())
                .isEqualTo("{\"activityId\":\"Task_SurveyBaseData\",\"name\":\"调查基础数据\"}");

        Answer noReason = post("zhanlong2", "/api/tasks/{id}/send-back", Map.of("reason", ""), publish);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").toString()).isEqualTo("[{\"field\":\"reason\",\"reason\":\"必填\"}]");
        assertThat(post("liushadong1", "/api/tasks/{id}/send-back", Map.of("reason", "x"), publish).status()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(publish).count()).isOne();

        Answer back = post("zhanlong2", "/api/tasks/{id}/send-back", Map.of("reason", "地块面积与图斑不符"), publish);
        assertThat(back.status()).as(back.raw()).isEqualTo(204);
        List<JsonNode> open = tasksOf("zhanlong1", code);
        assertThat(open).extracting(t -> t.get("taskDefinitionKey").asText()).containsExactly("Task_SurveyBaseData");
        // The reopened task says who sent it back from where, when, and why; a task reached the normal way says nothing.
        JsonNode sentBack = get("zhanlong1", "/api/tasks/{id}", open.get(0).get("taskId").asText()).body().get("sentBack");
        assertThat(sentBack.get("fromTaskName").asText()).isEqualTo(details.body().get("taskName").asText());
        assertThat(sentBack.get("userId").asText()).isEqualTo("zhanlong2");
        assertThat(sentBack.get("userName").asText()).isEqualTo("占陇镇审核员");
        assertThat(sentBack.get("reason").asText()).isEqualTo("地块面积与图斑不符");
        assertThat(sentBack.get("time").asText()).isNotBlank();
        assertThat(details.body().get("sentBack").isNull()).isTrue();
        Answer gone = post("zhanlong2", "/api/tasks/{id}/complete", Map.of(), publish);
        assertThat(gone.status()).isEqualTo(409);
        assertThat(gone.body().get("message").asText()).contains("撤销或退回");
        assertThat(jdbc.queryForObject("""
                select opinion from decision_record where project_id = ? and outcome = 'SENT_BACK'
                """, String.class, project.get("id").asLong())).isEqualTo("退回至“调查基础数据”：地块面积与图斑不符");
    }
}
