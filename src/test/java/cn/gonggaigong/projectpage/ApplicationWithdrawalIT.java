package cn.gonggaigong.projectpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.gonggaigong.task.WorkApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The applicant withdraws their application (撤回申请) before the government approves the scheme: the lifecycle and
 * its open tasks end, the project ends as 已终止, the reason is on its record, and the town, NRB and the applicant are
 * told. Nobody else may withdraw it, a reason is required, and after the approval the applicant asks the town.
 */
class ApplicationWithdrawalIT extends WorkApiTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate rest;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Test
    void theApplicantWithdrawsBeforeTheSchemeIsApprovedAndEveryoneConcernedIsTold() throws Exception {
        JsonNode applied = apply("zhanlong", "占陇镇撤回申请项目");
        long id = applied.get("id").asLong();
        String code = applied.get("code").asText();
        String lifecycle = jdbc.queryForObject("select process_instance_id from project where id = ?", String.class, id);
        assertThat(tasksOf("zhanlong1", code)).hasSize(1);
        assertThat(get("applicant1", "/api/projects/{id}/overview", id).body().get("withdrawable").asBoolean()).isTrue();
        assertThat(get("zhanlong1", "/api/projects/{id}/overview", id).body().get("withdrawable").asBoolean()).isFalse();

        // The town's officer may read the project, not withdraw it; the applicant must say why. Nothing changes.
        Answer officer = post("zhanlong1", "/api/projects/{id}/withdrawal", Map.of("reason", "代为撤回"), id);
        assertThat(officer.status()).isEqualTo(403);
        assertThat(officer.body().get("message").asText()).isEqualTo("只有申请人本人可以撤回申请");
        Answer blank = post("applicant1", "/api/projects/{id}/withdrawal", Map.of("reason", "  "), id);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().get("errors").toString()).isEqualTo("[{\"field\":\"reason\",\"reason\":\"必填：写明撤回的原因\"}]");
        assertThat(post("applicant1", "/api/projects/{id}/withdrawal", Map.of("reason", "因".repeat(501)), id)
                .body().get("errors").toString()).contains("长度不能超过500个字符");
        assertThat(jdbc.queryForObject("select status from project where id = ?", String.class, id)).isEqualTo("ACTIVE");
        assertThat(tasksOf("zhanlong1", code)).hasSize(1);

        Answer withdrawn = post("applicant1", "/api/projects/{id}/withdrawal", Map.of("reason", "企业经营调整，暂不改造"), id);
        assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(204);
        assertThat(jdbc.queryForMap("select status, phase from project where id = ?", id))
                .containsEntry("status", "TERMINATED").containsEntry("phase", null);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(lifecycle).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
        assertThat(tasksOf("zhanlong1", code)).isEmpty();
        for (String user : List.of("zhanlong1", "nrb-clerk", "applicant1")) {
            JsonNode notice = notices(user, code).get(0);
            assertThat(notice.get("title").asText()).as(user).isEqualTo("【项目已撤回】占陇镇撤回申请项目");
            assertThat(notice.get("body").asText()).as(user).isEqualTo("项目「占陇镇撤回申请项目」（" + code
                    + "，占陇镇）的申请人" + applied.get("applicantName").asText()
                    + "已撤回申请，项目终止，其待办事项一并撤销。撤回原因：企业经营调整，暂不改造。");
        }
        JsonNode overview = get("applicant1", "/api/projects/{id}/overview", id).body();
        assertThat(overview.get("withdrawable").asBoolean()).isFalse();
        assertThat(overview.get("withdrawalInstead").isNull()).as("ended: nothing to do").isTrue();
        assertThat(overview.at("/project/status").asText()).isEqualTo("TERMINATED");
        JsonNode last = overview.get("timeline").get(overview.get("timeline").size() - 1);
        assertThat(last.get("activityName").asText()).isEqualTo("申请人撤回申请");
        assertThat(last.get("userId").asText()).isEqualTo("applicant1");
        assertThat(last.get("decisionLabel").asText()).isEqualTo("撤回申请，项目终止");
        assertThat(last.get("reason").asText()).isEqualTo("撤回原因：企业经营调整，暂不改造");
        assertThat(last.get("opinion").isNull()).isTrue();

        Answer again = post("applicant1", "/api/projects/{id}/withdrawal", Map.of("reason", "再次撤回"), id);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("message").asText()).isEqualTo("项目已终止，无需撤回");
        assertThat(post("applicant1", "/api/projects/{id}/withdrawal", Map.of("reason", "不存在"), 987654321L).status())
                .isEqualTo(404);
    }

    /** At the committee's review: the committee, whose task is withdrawn with the project, is told too. */
    @Test
    void theOfficesWhoseTasksAreWithdrawnWithTheProjectAreTold() throws Exception {
        cn.gonggaigong.web.ProjectDriver driver = new cn.gonggaigong.web.ProjectDriver(rest, json);
        JsonNode applied = driver.apply(validApplication(cn.gonggaigong.web.ProjectDriver.keyIndustryProject(
                "占陇镇审议中撤回项目", "zhanlong")));
        long id = applied.get("id").asLong();
        String code = applied.get("code").asText();
        driver.toCommitteeReview(code, "zhanlong1", "ZL-WITHDRAW-UNIT");
        assertThat(tasksOf("committee1", code)).hasSize(1);

        Answer withdrawn = post("applicant1", "/api/projects/{id}/withdrawal", Map.of("reason", "投资计划调整"), id);
        assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(204);
        assertThat(tasksOf("committee1", code)).isEmpty();
        for (String user : List.of("committee1", "zhanlong1", "nrb-clerk", "applicant1")) {
            assertThat(notices(user, code)).as(user).extracting(n -> n.get("title").asText())
                    .containsOnlyOnce("【项目已撤回】占陇镇审议中撤回项目");
        }
        assertThat(notices("gov1", code)).as("no task of the government's was open").isEmpty();
        assertThat(jdbc.queryForObject("select status from project where id = ?", String.class, id)).isEqualTo("TERMINATED");
    }

    @Test
    void onceTheGovernmentApprovedTheSchemeTheApplicantAsksTheTown() throws Exception {
        JsonNode applied = apply("zhanlong", "占陇镇批准后撤回项目");
        long id = applied.get("id").asLong();
        String code = applied.get("code").asText();
        // Where the project stands is its phase (the lifecycle sets it as each phase begins): moved on here by hand.
        jdbc.update("update project set phase = 'MONITORING_AGREEMENT' where id = ?", id);
        try {
            JsonNode overview = get("applicant1", "/api/projects/{id}/overview", id).body();
            assertThat(overview.get("withdrawable").asBoolean()).isFalse();
            // The page tells the applicant how instead; nobody else.
            assertThat(overview.get("withdrawalInstead").asText()).isEqualTo("改造方案已获市政府批准，项目现处“签订实施监管协议”阶段，"
                    + "不能在系统中自行撤回：请书面向占陇镇提出，由其报市自然资源局处理");
            assertThat(get("zhanlong1", "/api/projects/{id}/overview", id).body().get("withdrawalInstead").isNull()).isTrue();
            Answer refused = post("applicant1", "/api/projects/{id}/withdrawal", Map.of("reason", "资金不足"), id);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body().get("message").asText()).isEqualTo("改造方案已获市政府批准，项目现处“签订实施监管协议”阶段，"
                    + "不能在系统中自行撤回：请书面向占陇镇提出，由其报市自然资源局处理");
            assertThat(jdbc.queryForObject("select status from project where id = ?", String.class, id)).isEqualTo("ACTIVE");
            assertThat(tasksOf("zhanlong1", code)).hasSize(1);
        } finally {
            jdbc.update("update project set phase = 'INTAKE' where id = ?", id);
        }
    }
}
