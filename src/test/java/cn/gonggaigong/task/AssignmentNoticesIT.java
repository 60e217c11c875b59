package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A user learns in their 消息 that a task is now theirs, when someone else made it so: the model assigning it to the
 * applicant (with what the town wants), a colleague's 转办 or 委派, and the hand-back of a delegated task. Taking a
 * task oneself (签收) tells no one. The notice links to the task and to the project.
 */
class AssignmentNoticesIT extends WorkApiTestSupport {

    @Test
    void theApplicantIsToldWhatToSupplementWhenTheTownRefusesTheTitleDocuments() throws Exception {
        Answer created = post("nrb-clerk", "/api/projects", validApplication(
                cn.gonggaigong.web.ProjectDriver.keyIndustryProject("占陇镇权属补正通知项目", "zhanlong")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode project = created.body();
        String code = project.get("code").asText();
        toTitleVerification(code, 20000, 30);
        int before = notices("applicant1", code).size();
        complete("zhanlong1", code, "Task_VerifyTitleDocuments", Map.of("titleCertificateNumbers",
                "粤(2019)普宁市不动产权第0012345号", "titleVerified", false, "titleDefects", "缺少厂房的房屋所有权证明"));

        String supplement = taskId("applicant1", code, "Task_SupplementTitleDocuments");
        List<JsonNode> told = notices("applicant1", code);
        assertThat(told).hasSize(before + 1);
        JsonNode notice = told.get(0);
        assertThat(notice.get("title").asText()).isEqualTo("【待办】补充权属证明材料");
        assertThat(notice.get("body").asText()).isEqualTo("项目「占陇镇权属补正通知项目」（" + code + "，占陇镇）有一项待您办理的"
                + "事项：补充权属证明材料。乡镇核查意见，需补充或更正的材料：缺少厂房的房屋所有权证明。");
        assertThat(notice.get("taskId").asText()).isEqualTo(supplement);
        assertThat(notice.get("projectId").asLong()).isEqualTo(project.get("id").asLong());
        assertThat(notice.get("warningId").isNull()).isTrue();
        assertThat(notice.get("readAt").isNull()).isTrue();
        // The town's officer who refused is not told of the applicant's task.
        assertThat(notices("zhanlong1", code)).noneMatch(n -> n.get("title").asText().startsWith("【待办】"));
    }

    @Test
    void aColleagueIsToldOfATaskTransferredOrDelegatedToThemAndTheOwnerOfItsHandBack() throws Exception {
        String code = apply("zhanlong", "占陇镇转交通知项目").get("code").asText();
        String taskId = taskId("zhanlong1", code, "Task_SurveyWillingness");
        assertThat(post("zhanlong1", "/api/tasks/{id}/claim", null, taskId).status()).isEqualTo(204);
        assertThat(notices("zhanlong1", code)).as("签收 tells no one").isEmpty();

        assertThat(post("zhanlong1", "/api/tasks/{id}/transfer", Map.of("userId", "zhanlong2", "reason", "本周外出"), taskId)
                .status()).isEqualTo(204);
        JsonNode transferred = single(notices("zhanlong2", code));
        assertThat(transferred.get("title").asText()).isEqualTo("【转交】摸查改造意愿");
        assertThat(transferred.get("body").asText()).isEqualTo(name("zhanlong1") + "将项目「占陇镇转交通知项目」（" + code
                + "，占陇镇）的「摸查改造意愿」交由您办理。转办理由：本周外出。");
        assertThat(transferred.get("taskId").asText()).isEqualTo(taskId);

        assertThat(post("zhanlong2", "/api/tasks/{id}/delegate", Map.of("userId", "zhanlong1"), taskId).status()).isEqualTo(204);
        JsonNode delegated = single(notices("zhanlong1", code));
        assertThat(delegated.get("title").asText()).isEqualTo("【委派】摸查改造意愿");
        assertThat(delegated.get("body").asText()).isEqualTo("占陇镇审核员将项目「占陇镇转交通知项目」（" + code
                + "，占陇镇）的「摸查改造意愿」委派给您办理，办理完毕后请交回。");

        assertThat(post("zhanlong1", "/api/tasks/{id}/resolve", Map.of("agreePercent", 80), taskId).status()).isEqualTo(204);
        List<JsonNode> toOwner = notices("zhanlong2", code);
        assertThat(toOwner).hasSize(2);
        assertThat(toOwner.get(0).get("title").asText()).isEqualTo("【交回】摸查改造意愿");
        assertThat(toOwner.get(0).get("body").asText()).isEqualTo(name("zhanlong1") + "已办理完毕项目「占陇镇转交通知项目」（"
                + code + "，占陇镇）的「摸查改造意愿」并交回，请审核后提交。");
        assertThat(notices("zhanlong1", code)).hasSize(1);
    }

    private static JsonNode single(List<JsonNode> notices) {
        assertThat(notices).hasSize(1);
        return notices.get(0);
    }

    private String name(String userId) throws Exception {
        return get(userId, "/api/me").body().get("name").asText();
    }
}
