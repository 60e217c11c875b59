package cn.gonggaigong.process;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static cn.gonggaigong.process.ProcessTestSupport.completeOpenTask;
import static cn.gonggaigong.process.ProcessTestSupport.openTask;
import static cn.gonggaigong.process.ProcessTestSupport.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** The municipal government approves; the scheme is filed with the prefecture NRB; historical land goes to the prefecture. */
@Deployment(resources = "processes/GovernmentApproval.bpmn")
class GovernmentApprovalProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.9).build();

    @BeforeEach
    void glue() {
        ProcessTestSupport.registerGlue();
    }

    private ProcessInstance approvedByTheCity(boolean historical) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("GovernmentApproval",
                vars("projectId", 81L, "historicalLandProcedures", historical));
        assertThat(pi).isWaitingAt("Task_ApproveScheme");
        assertThat(task(pi)).hasCandidateGroup("municipal-government");
        complete(task(pi), withVariables("governmentDecision", "APPROVED", "documentNumber", "普府复〔2026〕9号",
                "approvalDate", "2026-08-01"));
        return pi;
    }

    private void fileWithPrefecture() {
        assertThat(openTask("Task_FileWithPrefectureNrb")).hasCandidateGroup("prefecture-nrb");
        completeOpenTask("Task_FileWithPrefectureNrb", "filingNumber", "揭自然资备〔2026〕12号", "filingDate", "2026-08-05");
    }

    @Test
    void approvedSchemeIsFiledWithThePrefecture() {
        ProcessInstance pi = approvedByTheCity(false);
        assertThat(pi).isWaitingAt("Task_FileWithPrefectureNrb").hasPassed("Task_RecordSchemeApproval");
        fileWithPrefecture();
        assertThat(pi).isEnded().hasPassed("EndEvent_SchemeApproved").hasNotPassed("Task_ApproveHistoricalLand");
        assertThat(pi).variables().containsEntry("approvalResult", "APPROVED");
    }

    @Test
    void historicalLandProceduresNeedThePrefectureGovernment() {
        ProcessInstance pi = approvedByTheCity(true);
        assertThat(pi).isWaitingAt("Task_FileWithPrefectureNrb", "Task_ApproveHistoricalLand");
        assertThat(openTask("Task_ApproveHistoricalLand")).hasCandidateGroup("prefecture-government");
        completeOpenTask("Task_ApproveHistoricalLand", "prefectureDecision", "APPROVED", "documentNumber", "揭府复〔2026〕3号");
        fileWithPrefecture();
        assertThat(pi).isEnded().hasPassed("EndEvent_SchemeApproved");
    }

    @Test
    void prefectureRefusingHistoricalLandRejectsTheScheme() {
        ProcessInstance pi = approvedByTheCity(true);
        completeOpenTask("Task_ApproveHistoricalLand", "prefectureDecision", "REJECTED", "documentNumber", "揭府复〔2026〕4号");
        fileWithPrefecture();
        assertThat(pi).isEnded().hasPassed("EndEvent_SchemeRejected");
        assertThat(pi).variables().containsEntry("approvalResult", "REJECTED");
    }

    @Test
    void cityCanSendBackOrReject() {
        ProcessInstance back = runtimeService().startProcessInstanceByKey("GovernmentApproval", vars("projectId", 82L, "historicalLandProcedures", false));
        complete(task(back), withVariables("governmentDecision", "REVISE", "opinion", "补充社会稳定风险评估"));
        assertThat(back).isEnded().hasPassed("EndEvent_SchemeSentBack");
        assertThat(back).variables().containsEntry("approvalResult", "REVISE");

        ProcessInstance no = runtimeService().startProcessInstanceByKey("GovernmentApproval", vars("projectId", 83L, "historicalLandProcedures", false));
        complete(task(no), withVariables("governmentDecision", "REJECTED", "documentNumber", "普府复〔2026〕10号"));
        assertThat(no).isEnded().hasPassed("EndEvent_SchemeRejected");
    }
}
