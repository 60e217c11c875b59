package cn.gonggaigong.process;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.gonggaigong.process.ProcessTestSupport.TOWN;
import static cn.gonggaigong.process.ProcessTestSupport.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * The annual plan is approved once for many projects; every waiting project continues on its own correlated
 * message, and projects the plan leaves out are told so.
 */
@Deployment(resources = {"processes/AnnualPlan.bpmn", "processes/ProjectIntake.bpmn", "processes/FastTrackEligibility.dmn"})
class AnnualPlanProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION)
            .excludeProcessDefinitionKeys(ProjectIntakeProcess.PROCESS_ID)
            .assertClassCoverageAtLeast(0.9).build();

    private static final List<Long> PLANNED = List.of(11L, 12L, 13L, 14L, 15L);

    @BeforeEach
    void glue() {
        ProcessTestSupport.registerGlue();
        // The production publisher reads the plan's projects from the database; here the plan holds PLANNED and
        // the codes NRB typed in excludedProjectCodes are left out. The correlation itself is production code.
        Mocks.register("annualPlanPublisher", (JavaDelegate) execution -> {
            String excluded = (String) execution.getVariable("excludedProjectCodes");
            Set<String> left = excluded == null ? Set.of()
                    : Arrays.stream(excluded.split("[,,\\s]+")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
            ProjectMessages messages = new ProjectMessages(execution.getProcessEngineServices().getRuntimeService());
            for (long id : PLANNED) {
                messages.annualPlanDecided(id, !left.contains("GGG-" + id));
            }
        });
    }

    private void projectsWaitForThePlan() {
        for (long id : PLANNED) {
            runtimeService().createProcessInstanceByKey(ProjectIntakeProcess.PROCESS_ID).businessKey("GGG-" + id)
                    .startBeforeActivity(ProjectIntakeProcess.RECEIVE_TASK_AWAIT_ANNUAL_PLAN)
                    .setVariables(vars("projectId", id, "townGroup", TOWN)).execute();
        }
        assertThat(runtimeService().createExecutionQuery()
                .messageEventSubscriptionName(ProjectIntakeProcess.MESSAGE_ANNUAL_PLAN_APPROVED).count()).isEqualTo(5);
    }

    private String intakeResult(long projectId) {
        return (String) historyService().createHistoricVariableInstanceQuery()
                .processInstanceIdIn(historyService().createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey("GGG-" + projectId).singleResult().getId())
                .variableName("intakeResult").singleResult().getValue();
    }

    @Test
    void oneApprovalContinuesEveryWaitingProjectAndTellsTheLeftOutOnes() {
        projectsWaitForThePlan();
        ProcessInstance plan = runtimeService().startProcessInstanceByKey(AnnualPlanProcess.PROCESS_ID, "PLAN-2026",
                vars("planYear", 2026));

        assertThat(plan).isWaitingAt("Task_CompileAnnualPlan");
        assertThat(task(plan)).hasCandidateGroup("nrb");
        complete(task(plan), withVariables("planTitle", "2026年度“工改工”实施计划", "excludedProjectCodes", "GGG-14"));
        assertThat(plan).isWaitingAt(AnnualPlanProcess.TASK_APPROVE_ANNUAL_PLAN);
        assertThat(task(plan)).hasCandidateGroup("municipal-government");
        complete(task(plan), withVariables("planApproved", true, "documentNumber", "普府函〔2026〕18号"));

        assertThat(plan).isEnded().hasPassed("Task_NotifyPlanProjects", "EndEvent_AnnualPlanApproved");
        assertThat(runtimeService().createExecutionQuery()
                .messageEventSubscriptionName(ProjectIntakeProcess.MESSAGE_ANNUAL_PLAN_APPROVED).count()).isZero();
        assertThat(intakeResult(11L)).isEqualTo("ACCEPTED");
        assertThat(intakeResult(13L)).isEqualTo("ACCEPTED");
        assertThat(intakeResult(15L)).isEqualTo("ACCEPTED");
        assertThat(intakeResult(14L)).isEqualTo("REJECTED");
    }

    @Test
    void planSentBackIsCompiledAgainAndNobodyContinuesMeanwhile() {
        projectsWaitForThePlan();
        ProcessInstance plan = runtimeService().createProcessInstanceByKey(AnnualPlanProcess.PROCESS_ID)
                .startBeforeActivity(AnnualPlanProcess.TASK_APPROVE_ANNUAL_PLAN).setVariables(vars("planYear", 2026)).execute();

        complete(task(plan), withVariables("planApproved", false, "opinion", "请补充项目的用地面积汇总"));

        assertThat(plan).isWaitingAt("Task_CompileAnnualPlan");
        assertThat(runtimeService().createExecutionQuery()
                .messageEventSubscriptionName(ProjectIntakeProcess.MESSAGE_ANNUAL_PLAN_APPROVED).count()).isEqualTo(5);
    }
}
