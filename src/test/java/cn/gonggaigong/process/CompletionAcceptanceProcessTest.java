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

    @Test
    void microRenovationGetsNoConstructionSubsidy() {
        ProcessInstance pi = applied("MICRO", 40000.0);
        inspect(pi, true);

        assertThat(pi).isEnded().hasPassed("EndEvent_ProjectAccepted").hasNotPassed("Task_DisburseSubsidy");
        assertThat(pi).variables().containsEntry("subsidyAmount", 0.0);
    }
}
