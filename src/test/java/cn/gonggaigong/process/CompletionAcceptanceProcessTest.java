package cn.gonggaigong.process;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static cn.gonggaigong.process.ProcessTestSupport.APPLICANT;
import static cn.gonggaigong.process.ProcessTestSupport.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** Art. 19: acceptance, rectification when it fails, and the subsidy by decision table. */
@Deployment(resources = {"processes/CompletionAcceptance.bpmn", "processes/ConstructionSubsidy.dmn"})
class CompletionAcceptanceProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.9).build();

    @BeforeEach
    void glue() {
        ProcessTestSupport.registerGlue();
    }

    private ProcessInstance applied(String renovationType, double productiveFloorArea) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("CompletionAcceptance",
                vars("projectId", 131L, "applicant", APPLICANT, "renovationType", renovationType));
        assertThat(pi).isWaitingAt("Task_ApplyForAcceptance");
        assertThat(task(pi)).isAssignedTo(APPLICANT);
        complete(task(pi), withVariables("completionDate", "2029-05-01", "builtTotalFloorArea", 62000.0,
                "productiveFloorArea", productiveFloorArea, "officeLivingFloorArea", 6000.0, "floors", 6L, "hasIndustrialLift", true));
        assertThat(pi).isWaitingAt("Task_InspectCompletion");
        assertThat(task(pi)).hasCandidateGroup("nrb");
        return pi;
    }

    private void inspect(ProcessInstance pi, boolean passed) {
        complete(task(pi), withVariables("acceptancePassed", passed, "builtPlotRatio", 3.1, "safetyEnvCompliant", true,
                "contiguousRenovation", false, "documentNumber", "普自然资验〔2029〕5号"));
    }

    @Test
    void failedAcceptanceIsRectifiedAndTheSubsidyPaid() {
        ProcessInstance pi = applied("FULL", 40000.0);
        inspect(pi, false);

        assertThat(pi).isWaitingAt("Task_RectifyDefects");
        assertThat(task(pi)).isAssignedTo(APPLICANT);
        complete(task(pi), withVariables("rectificationReport", "已加装消防喷淋", "rectifiedDate", "2029-06-01"));

        assertThat(pi).isWaitingAt("Task_InspectCompletion");
        inspect(pi, true);

        assertThat(pi).variables().containsEntry("subsidyAmount", 720000.0);
        assertThat(pi).isWaitingAt("Task_DisburseSubsidy");
        assertThat(task(pi)).hasCandidateGroup("dept-czj");
        complete(task(pi), withVariables("subsidyPaidDate", "2029-07-01", "paymentVoucher", "CZ-2029-001"));
        assertThat(pi).isEnded().hasPassed("EndEvent_ProjectAccepted");
    }

    /** The agreement's start of construction was missed; the town found it the subject's doing or not. */
    private static void constructionStartedLate(boolean subjectResponsible) {
        cn.gonggaigong.agreement.AgreementMilestone late = new cn.gonggaigong.agreement.AgreementMilestone(null, "JG-1",
                "constructionStartDeadline", "动工建设", java.time.LocalDate.parse("2027-06-30"));
        late.breach(java.time.Instant.parse("2027-07-01T00:00:00Z"));
        late.explain("资金不到位", subjectResponsible, "已筹资", java.time.LocalDate.parse("2027-09-30"), "zhanlong1",
                java.time.Instant.parse("2027-07-02T00:00:00Z"));
        org.mockito.Mockito.when(ProcessTestSupport.MILESTONES.findByProjectIdOrderByDeadlineAsc(131L))
                .thenReturn(java.util.List.of(late));
    }

    @Test
    void aDeadlineTheSubjectMissedWithholdsTheSubsidy() {
        constructionStartedLate(true);
        ProcessInstance pi = applied("FULL", 40000.0);
        inspect(pi, true);

        assertThat(pi).isEnded().hasNotPassed("Task_DisburseSubsidy");
        assertThat(pi).variables().containsEntry("subsidyAmount", 0.0);
    }

    @Test
    void aDeadlineMissedNotByTheSubjectKeepsTheSubsidy() {
        constructionStartedLate(false);
        ProcessInstance pi = applied("FULL", 40000.0);
        inspect(pi, true);

        assertThat(pi).isWaitingAt("Task_DisburseSubsidy");
        assertThat(pi).variables().containsEntry("subsidyAmount", 720000.0);
    }

    @Test
    void microRenovationGetsNoConstructionSubsidy() {
        ProcessInstance pi = applied("MICRO", 40000.0);
        inspect(pi, true);

        assertThat(pi).isEnded().hasPassed("EndEvent_ProjectAccepted").hasNotPassed("Task_DisburseSubsidy");
        assertThat(pi).variables().containsEntry("subsidyAmount", 0.0);
    }
}
