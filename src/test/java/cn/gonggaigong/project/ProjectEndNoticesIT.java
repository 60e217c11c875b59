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
        // Straight to the government's approval (the steps before it are the lifecycle test's).
        String code = appliedAndAt("市政府不予批准的项目", "CallActivity_GovernmentApproval");
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

    @Test
    void aSchemeTheCommitteeTurnsDownIsToldOnceByTheProjectsEndAndAPassAsAResult() throws Exception {
        String code = appliedAndAt("规委会不予通过的项目", "CallActivity_CommitteeReview");
        complete("committee1", code, "Task_ReviewScheme", Map.of("committeeDecision", "REJECT", "majorMatter", false,
                "meetingDate", "2026-07-01", "documentNumber", "普规委〔2026〕66号", "opinion", "产业类别不符合导向"));
        assertThat(jdbc.queryForObject("select status from project where code = ?", String.class, code)).isEqualTo("REJECTED");
        // Not a result first and the end after it: the end says which step decided and why.
        assertThat(single(notices("applicant1", code)).get("title").asText()).isEqualTo("【项目未通过】规委会不予通过的项目");

        String passedCode = appliedAndAt("规委会审议通过的项目", "CallActivity_CommitteeReview");
        complete("committee1", passedCode, "Task_ReviewScheme", Map.of("committeeDecision", "PASS", "majorMatter", false,
                "meetingDate", "2026-07-01", "documentNumber", "普规委〔2026〕67号"));
        JsonNode result = single(notices("applicant1", passedCode));
        assertThat(result.get("title").asText()).isEqualTo("【办理结果】规委会审议通过的项目");
        assertThat(result.get("body").asText()).isEqualTo("项目「规委会审议通过的项目」（" + passedCode + "，占陇镇）的“审议改造方案”"
                + "已办理：审议通过；文号：普规委〔2026〕67号。详情请在项目详情中查看。");
        // The town worked on it; the result is the applicant's news.
        assertThat(notices("zhanlong1", passedCode)).isEmpty();
    }

    /** A project of 占陇镇 applied for and moved straight to one phase of its lifecycle; its code. */
    private String appliedAndAt(String name, String callActivity) throws Exception {
        String code = apply("zhanlong", name).get("code").asText();
        String lifecycle = jdbc.queryForObject("select process_instance_id from project where code = ?", String.class, code);
        runtimeService.createProcessInstanceModification(lifecycle).cancelAllForActivity("CallActivity_Intake")
                .startBeforeActivity(callActivity).execute();
        return code;
    }

    private static JsonNode single(List<JsonNode> notices) {
        assertThat(notices).hasSize(1);
        return notices.get(0);
    }
}
