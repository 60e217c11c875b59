package cn.gonggaigong.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.task.TaskRow;
import org.junit.jupiter.api.Test;

/** Fields required by the form's answer: a 否 the applicant acts on says why; an agreement signed by all has its number and date. */
class RequiredByAnswerTest {

    private final RequiredByAnswer check = new RequiredByAnswer();

    @Test
    void aFailedCompletionInspectionNamesTheDefectsToRectify() {
        assertThat(check.appliesTo("Task_InspectCompletion")).isTrue();
        assertThat(problems("Task_InspectCompletion", Map.of("acceptancePassed", false)))
                .containsExactly(new FieldProblem("defects", "核验不通过时必填：写明存在的问题和整改要求，改造主体据此整改"));
        assertThat(problems("Task_InspectCompletion", Map.of("acceptancePassed", false, "defects", "  "))).hasSize(1);
        assertThat(problems("Task_InspectCompletion", Map.of("acceptancePassed", false, "defects", "未安装工业电梯"))).isEmpty();
        assertThat(problems("Task_InspectCompletion", Map.of("acceptancePassed", true))).isEmpty();
    }

    @Test
    void anObjectionToThePublishedDataSaysWhatItIs() {
        assertThat(problems("Task_PublishBaseData", Map.of("objectionsRaised", true))).containsExactly(
                new FieldProblem("opinion", "有异议时必填：写明异议内容及处理情况，乡镇据此重新核查基础数据"));
        assertThat(problems("Task_PublishBaseData", Map.of("objectionsRaised", true, "opinion", "权利人对用地面积有异议"))).isEmpty();
        assertThat(problems("Task_PublishBaseData", Map.of("objectionsRaised", false))).isEmpty();
    }

    @Test
    void refusedTitleDocumentsNameWhatToSupplement() {
        assertThat(check.appliesTo("Task_VerifyTitleDocuments")).isTrue();
        assertThat(problems("Task_VerifyTitleDocuments", Map.of("titleVerified", false)))
                .containsExactly(new FieldProblem("titleDefects", "核查不通过时必填：写明需补充或更正的权属材料，改造主体据此补充"));
        assertThat(problems("Task_VerifyTitleDocuments", Map.of("titleVerified", false, "titleDefects", "缺少厂房产权证"))).isEmpty();
        assertThat(problems("Task_VerifyTitleDocuments", Map.of("titleVerified", true))).isEmpty();
        // Another task's answer of the same name is not this check's business.
        assertThat(check.appliesTo("Task_VerifyRightsTransfer")).isFalse();
    }

    @Test
    void anAgreementSignedByAllHasItsNumberAndDateAndOneNotYetSignedSaysWhoHasNot() {
        assertThat(problems("Task_NegotiateUnifiedAgreement", Map.of("allOwnersSigned", true)))
                .extracting(FieldProblem::field).containsExactly("agreementNumber", "signedDate");
        assertThat(problems("Task_NegotiateUnifiedAgreement", Map.of("allOwnersSigned", true,
                "agreementNumber", "TY-2026-04", "signedDate", "2026-06-01"))).isEmpty();
        assertThat(problems("Task_NegotiateUnifiedAgreement", Map.of("allOwnersSigned", false)))
                .extracting(FieldProblem::field).containsExactly("opinion");
        assertThat(problems("Task_NegotiateUnifiedAgreement", Map.of("allOwnersSigned", false,
                "opinion", "权利人李某对补偿标准有异议，暂未签署"))).isEmpty();
    }

    @Test
    void aSchemeSentBackOrRefusedCarriesTheReasons() {
        assertThat(problems("Task_ReviewScheme", Map.of("committeeDecision", "REVISE")))
                .extracting(FieldProblem::field).containsExactly("opinion");
        assertThat(problems("Task_ReviewScheme", Map.of("committeeDecision", "REJECT")))
                .extracting(FieldProblem::reason).containsExactly("不予通过时必填：写明理由");
        assertThat(problems("Task_ReviewScheme", Map.of("committeeDecision", "REVISE", "opinion", "补充交通影响评价"))).isEmpty();
        assertThat(problems("Task_ReviewScheme", Map.of("committeeDecision", "PASS"))).isEmpty();
        assertThat(problems("Task_ApproveScheme", Map.of("governmentDecision", "REVISE", "opinion", " ")))
                .extracting(FieldProblem::field).containsExactly("opinion");
        assertThat(problems("Task_ApproveScheme", Map.of("governmentDecision", "REJECTED"))).hasSize(1);
        assertThat(problems("Task_ApproveScheme", Map.of("governmentDecision", "APPROVED"))).isEmpty();
    }

    private List<FieldProblem> problems(String taskKey, Map<String, Object> variables) {
        TaskRow task = new TaskRow("t1", "任务", taskKey, null, null, "pi", null, null, null, null, null, List.of(),
                List.of(), null, null, null, null, null, null, null, null, null);
        return check.problems(task, variables);
    }
}
