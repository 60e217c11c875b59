package cn.gonggaigong.project;

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
 * The applicant and the town are told in 消息 when a project's approval ends: not admitted (未纳入实施), or its scheme
 * not approved (未通过, with the step and its reasons). Before, the project just left their lists.
 */
class ProjectEndNoticesIT extends WorkApiTestSupport {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aProjectNotAdmittedIsToldToTheApplicantAndTheTown() throws Exception {
        JsonNode project = apply("zhanlong", "权利人不同意改造的项目");
        String code = project.get("code").asText();
        complete("zhanlong1", code, "Task_SurveyWillingness", Map.of("willingnessAgreed", false, "agreePercent", 10,
                "surveyDate", "2026-03-01"));

        for (String user : List.of("applicant1", "zhanlong1", "zhanlong2")) {
            JsonNode notice = single(notices(user, code));
            assertThat(notice.get("title").asText()).isEqualTo("【项目未纳入实施】权利人不同意改造的项目");
            assertThat(notice.get("body").asText()).isEqualTo("项目「权利人不同意改造的项目」（" + code + "，占陇镇）未纳入实施，"
                    + "审批流程结束（相关权利主体未同意改造，或经批准的年度实施计划未列入该项目）。详情请在项目详情中查看。");
            assertThat(notice.get("projectId").asLong()).isEqualTo(project.get("id").asLong());
        }
        assertThat(notices("liushadong1", code)).isEmpty();
        assertThat(notices("nrb-clerk", code)).isEmpty();
    }

    @Test
    void aSchemeNotApprovedIsToldWithTheStepAndItsReasons() throws Exception {
        JsonNode project = apply("zhanlong", "市政府不予批准的项目");
        String code = project.get("code").asText();
        // Straight to the government's approval (the steps before it are the lifecycle test's).
        String lifecycle = jdbc.queryForObject("select process_instance_id from project where code = ?", String.class, code);
        runtimeService.createProcessInstanceModification(lifecycle).cancelAllForActivity("CallActivity_Intake")
                .startBeforeActivity("CallActivity_GovernmentApproval").execute();
        complete("gov1", code, "Task_ApproveScheme", Map.of("governmentDecision", "REJECTED", "documentNumber",
                "普府复〔2026〕77号", "approvalDate", "2026-07-10", "opinion", "不符合国土空间规划"));
        assertThat(jdbc.queryForObject("select status from project where code = ?", String.class, code)).isEqualTo("REJECTED");

        for (String user : List.of("applicant1", "zhanlong1")) {
            JsonNode notice = single(notices(user, code));
            assertThat(notice.get("title").asText()).isEqualTo("【项目未通过】市政府不予批准的项目");
            assertThat(notice.get("body").asText()).startsWith("项目「市政府不予批准的项目」（" + code + "，占陇镇）的改造方案未获"
                    + "通过，审批流程结束。决定环节：审批改造方案（").endsWith("），意见：不符合国土空间规划。详情请在项目详情中查看。");
        }
    }

    private static JsonNode single(List<JsonNode> notices) {
        assertThat(notices).hasSize(1);
        return notices.get(0);
    }
}
