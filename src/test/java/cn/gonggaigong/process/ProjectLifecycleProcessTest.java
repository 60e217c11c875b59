package cn.gonggaigong.process;

import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static cn.gonggaigong.process.ProcessTestSupport.APPLICANT;
import static cn.gonggaigong.process.ProcessTestSupport.TOWN;
import static cn.gonggaigong.process.ProcessTestSupport.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

/**
 * The lifecycle calls one process per phase, in the order of the Puning measures, and routes on each phase's
 * result. The phases are replaced by one-task stubs here (each has its own process test); a stub's task is
 * completed with the variables the real phase hands back.
 */
@org.camunda.bpm.engine.test.Deployment(resources = "processes/ProjectLifecycle.bpmn")
class ProjectLifecycleProcessTest {

    private static final List<String> PHASES = List.of("ProjectIntake", "SubjectConfirmation", "UnitPlanning",
            "SchemeCompilation", "DepartmentConsultation", "CommitteeReview", "GovernmentApproval", "CompensationVote",
            "MonitoringAgreement", "LandManagement", "ImplementationSupervision", "CompletionAcceptance", "TransitionPeriod");

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION)
            .excludeProcessDefinitionKeys(PHASES.toArray(String[]::new))
            .assertClassCoverageAtLeast(0.9).build();

    private Deployment stubs;

    @BeforeEach
    void deployPhaseStubs() {
        ProcessTestSupport.registerGlue();
        var builder = repositoryService().createDeployment().name("phase stubs");
        for (String phase : PHASES) {
            builder.addModelInstance(phase + ".bpmn", Bpmn.createExecutableProcess(phase).camundaHistoryTimeToLive(1)
                    .startEvent().userTask("Task_Stub").endEvent().done());
        }
        stubs = builder.deploy();
    }

    @AfterEach
    void removePhaseStubs() {
        repositoryService().deleteDeployment(stubs.getId(), true);
    }

    private static Map<String, Object> project(boolean unitPlanInForce, boolean governmentSubject) {
        return vars("projectId", 1L, "projectCode", "GGG-2026-0001", "townGroup", TOWN, "applicant", APPLICANT,
                "renovationMode", governmentSubject ? "GOVERNMENT_STORAGE" : "SELF", "renovationType", "FULL",
                "ownership", "SINGLE", "governmentSubject", governmentSubject, "unitPlanInForce", unitPlanInForce,
                "keyIndustryProject", false, "pilotProject", false, "contiguousAreaMu", 30.0, "inAnnualPlan", false,
                "historicalLandProcedures", false, "industryCategory", "ELECTRONICS", "planYear", 2026);
    }

    /** Completes the stub of the called phase, handing back its result variables. */
    private void finish(String phase, Object... result) {
        Task task = taskService().createTaskQuery().processDefinitionKey(phase).singleResult();
        assertThat(task).as("phase %s is running", phase).isNotNull();
        assertThat(runtimeService().getVariable(task.getExecutionId(), "projectId")).isEqualTo(1L);
        taskService().complete(task.getId(), vars(result));
    }

    private ProcessInstance startAt(String activityId, Map<String, Object> variables) {
        return runtimeService().createProcessInstanceByKey(ProjectLifecycleProcess.PROCESS_ID)
                .businessKey("GGG-2026-0001").startBeforeActivity(activityId).setVariables(variables).execute();
    }

    @Test
    void projectGoesThroughEveryPhaseInOrder() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(ProjectLifecycleProcess.PROCESS_ID,
                "GGG-2026-0001", project(false, false));

        assertThat(pi).isWaitingAt("CallActivity_Intake");
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("ProjectIntake")
                .singleResult().getBusinessKey()).isEqualTo("GGG-2026-0001");
        finish("ProjectIntake", "intakeResult", "ACCEPTED", "fastTrack", false);
        finish("SubjectConfirmation");
        assertThat(pi).isWaitingAt("CallActivity_UnitPlanning");
        finish("UnitPlanning", "unitId", 7L);
        finish("SchemeCompilation", "industryCategory", "ELECTRONICS", "involvesDemolition", true, "heritageImpact", false);
        finish("DepartmentConsultation", "consultationResult", "AGREED");
        finish("CommitteeReview", "reviewResult", "PASS", "meetingDate", "2026-07-01");
        // The government's approval is not dated before the committee's meeting: it is told the meeting's date.
        Task approval = taskService().createTaskQuery().processDefinitionKey("GovernmentApproval").singleResult();
        assertThat(runtimeService().getVariable(approval.getExecutionId(), "committeeMeetingDate")).isEqualTo("2026-07-01");
        finish("GovernmentApproval", "approvalResult", "APPROVED", "approvalDate", "2026-08-01");
        // The vote's year runs from the approval's date (Art. 12(2)): the vote is told it.
        Task vote = taskService().createTaskQuery().processDefinitionKey("CompensationVote").singleResult();
        assertThat(runtimeService().getVariable(vote.getExecutionId(), "schemeApprovalDate")).isEqualTo("2026-08-01");
        finish("CompensationVote", "voteResult", "PASSED");
        assertThat(pi).isWaitingAt("CallActivity_MonitoringAgreement");
        finish("MonitoringAgreement");
        finish("LandManagement", "landPrice", 3000000.0);
        finish("ImplementationSupervision");
        finish("CompletionAcceptance", "subsidyAmount", 720000.0);
        finish("TransitionPeriod");

        assertThat(pi).isEnded().hasPassedInOrder("CallActivity_Intake", "CallActivity_SubjectConfirmation",
                "CallActivity_UnitPlanning", "CallActivity_SchemeCompilation", "CallActivity_DepartmentConsultation",
                "CallActivity_CommitteeReview", "CallActivity_GovernmentApproval", "CallActivity_CompensationVote",
                "CallActivity_MonitoringAgreement", "CallActivity_LandManagement", "CallActivity_ImplementationSupervision",
                "CallActivity_CompletionAcceptance", "CallActivity_TransitionPeriod", "EndEvent_ProjectCompleted");
        assertThat(pi).variables().containsEntry("unitId", 7L).containsEntry("subsidyAmount", 720000.0);
    }

    @Test
    void projectNotTakenIntoThePlanIsWithdrawn() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(ProjectLifecycleProcess.PROCESS_ID, project(false, false));
        finish("ProjectIntake", "intakeResult", "REJECTED", "fastTrack", false);
        assertThat(pi).isEnded().hasPassed("EndEvent_ProjectWithdrawn");
    }

    @Test
    void unitPlanAlreadyInForceSkipsUnitPlanning() {
        ProcessInstance pi = startAt("CallActivity_SubjectConfirmation", project(true, false));
        finish("SubjectConfirmation");
        assertThat(pi).isWaitingAt("CallActivity_SchemeCompilation").hasNotPassed("CallActivity_UnitPlanning");
    }

    @Test
    void departmentsAskingForRevisionSendTheSchemeBack() {
        ProcessInstance pi = startAt("CallActivity_DepartmentConsultation", project(true, false));
        finish("DepartmentConsultation", "consultationResult", "REVISE");
        assertThat(pi).isWaitingAt("CallActivity_SchemeCompilation");
    }

    @Test
    void committeeSendsBackOrRejects() {
        ProcessInstance back = startAt("CallActivity_CommitteeReview", project(true, false));
        finish("CommitteeReview", "reviewResult", "REVISE");
        assertThat(back).isWaitingAt("CallActivity_SchemeCompilation");
        runtimeService().deleteProcessInstance(back.getId(), "test");

        ProcessInstance rejected = startAt("CallActivity_CommitteeReview", project(true, false));
        finish("CommitteeReview", "reviewResult", "REJECT");
        assertThat(rejected).isEnded().hasPassed("EndEvent_ProjectRejected");
    }

    @Test
    void governmentSendsBackOrRejects() {
        ProcessInstance back = startAt("CallActivity_GovernmentApproval", project(true, false));
        finish("GovernmentApproval", "approvalResult", "REVISE");
        assertThat(back).isWaitingAt("CallActivity_SchemeCompilation");
        runtimeService().deleteProcessInstance(back.getId(), "test");

        ProcessInstance rejected = startAt("CallActivity_GovernmentApproval", project(true, false));
        finish("GovernmentApproval", "approvalResult", "REJECTED");
        assertThat(rejected).isEnded().hasPassed("EndEvent_ProjectRejected");
    }

    @Test
    void compensationVoteNotHeldWithinAYearSendsTheSchemeBackForReapproval() {
        ProcessInstance pi = startAt("CallActivity_CompensationVote", project(true, false));
        finish("CompensationVote", "voteResult", "EXPIRED");
        // 重新报批: the scheme is revised and goes through consultation, the committee and the government again.
        assertThat(pi).isWaitingAt("CallActivity_SchemeCompilation");
    }

    @Test
    void governmentAsSubjectSignsNoMonitoringAgreement() {
        ProcessInstance pi = startAt("CallActivity_CompensationVote", project(true, true));
        finish("CompensationVote", "voteResult", "PASSED");
        assertThat(pi).isWaitingAt("CallActivity_LandManagement").hasNotPassed("CallActivity_MonitoringAgreement");
    }
}
