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

/** Art. 13: NRB drafts, the subject and then the municipal government sign. */
@Deployment(resources = "processes/MonitoringAgreement.bpmn")
class MonitoringAgreementProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.9).build();

    @BeforeEach
    void glue() {
        ProcessTestSupport.registerGlue();
    }

    @Test
    void agreementIsDraftedAndSignedByBothSides() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("MonitoringAgreement", vars("projectId", 101L, "applicant", APPLICANT));
        assertThat(pi).isWaitingAt("Task_DraftMonitoringAgreement");
        assertThat(task(pi)).hasCandidateGroup("nrb");
        complete(task(pi), withVariables("agreementNumber", "JG-2026-07", "demolitionDeadline", "2027-03-31",
                "constructionStartDeadline", "2027-06-30", "completionDeadline", "2029-06-30"));

        assertThat(pi).isWaitingAt("Task_SignAgreementAsSubject").hasPassed("Task_RecordAgreementMilestones");
        assertThat(task(pi)).isAssignedTo(APPLICANT);
        complete(task(pi), withVariables("subjectSignedDate", "2026-09-01", "subjectAccepted", true));

        assertThat(pi).isWaitingAt("Task_SignAgreementAsGovernment");
        assertThat(task(pi)).hasCandidateGroup("municipal-government");
        complete(task(pi), withVariables("governmentSignedDate", "2026-09-05", "documentNumber", "普府监〔2026〕7号"));
        assertThat(pi).isEnded().hasPassed("EndEvent_AgreementSigned");
    }
}
