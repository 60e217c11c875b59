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

/** Art. 15–18: land approval where needed, the land price by decision table, supply, payment, registration. */
@Deployment(resources = {"processes/LandManagement.bpmn", "processes/LandPrice.dmn"})
class LandManagementProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.9).build();

    @BeforeEach
    void glue() {
        ProcessTestSupport.registerGlue();
    }

    private ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("LandManagement", vars("projectId", 111L, "applicant", APPLICANT));
        assertThat(pi).isWaitingAt("Task_DetermineLandCase");
        assertThat(task(pi)).hasCandidateGroup("nrb");
        return pi;
    }

    private void supplyLand(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Task_SupplyLand");
        complete(task(pi), withVariables("landContractNumber", "441581-2026-0031", "landContractDate", "2026-10-01", "landTenureYears", 50L));
    }

    private void register(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Task_RegisterLandRights");
        complete(task(pi), withVariables("realEstateCertificateNumber", "粤(2026)普宁市不动产权第0099999号", "registrationDate", "2026-11-01"));
        assertThat(pi).isEnded().hasPassed("EndEvent_LandRightsRegistered");
    }

    @Test
    void collectiveLandTurnedStateOwnedPays30PercentAfterLandApproval() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("landCase", "COLLECTIVE_TO_STATE_SELF", "threeOldsPolicy", true,
                "appraisedValue", 10000000.0, "baseValue", 0.0, "landApprovalNeeded", true, "supplyMethod", "AGREEMENT"));

        assertThat(pi).isWaitingAt("Task_ApproveLandUse");
        complete(task(pi), withVariables("landApprovalNumber", "粤府土审〔2026〕88号", "landApprovalDate", "2026-09-20"));
        supplyLand(pi);
        assertThat(pi).variables().containsEntry("landPrice", 3000000.0);

        assertThat(pi).isWaitingAt("Task_PayLandPrice");
        assertThat(task(pi)).isAssignedTo(APPLICANT);
        complete(task(pi), withVariables("paidAmount", 3000000.0, "paidDate", "2026-10-15", "paymentReceipt", "FS-0001"));
        register(pi);
    }

    @Test
    void higherFarOnTheSameLandPaysNothingMore() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("landCase", "FAR_INCREASE_ONLY", "threeOldsPolicy", false,
                "appraisedValue", 10000000.0, "baseValue", 0.0, "landApprovalNeeded", false, "supplyMethod", "AGREEMENT"));

        supplyLand(pi);
        assertThat(pi).variables().containsEntry("landPrice", 0.0);
        register(pi);
        assertThat(pi).hasNotPassed("Task_PayLandPrice", "Task_ApproveLandUse");
    }
}
