package cn.gonggaigong.process;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static cn.gonggaigong.process.ProcessTestSupport.TOWN;
import static cn.gonggaigong.process.ProcessTestSupport.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** One unit plan is approved once for the several projects in the unit (Art. 8). */
@Deployment(resources = {"processes/RenovationUnit.bpmn", "processes/UnitPlanning.bpmn"})
class RenovationUnitProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION)
            .excludeProcessDefinitionKeys(UnitPlanningProcess.PROCESS_ID)
            .assertClassCoverageAtLeast(0.9).build();

    @BeforeEach
    void glue() {
        ProcessTestSupport.registerGlue();
        Mocks.register("unitPlanPublisher", (JavaDelegate) execution -> new ProjectMessages(
                execution.getProcessEngineServices().getRuntimeService()).unitPlanApproved(
                Variables.id(execution, UnitPlanningProcess.Var.UNIT_ID)));
    }

    private void projectWaitsInUnit(long projectId, long unitId) {
        runtimeService().createProcessInstanceByKey(UnitPlanningProcess.PROCESS_ID).businessKey("GGG-" + projectId)
                .startBeforeActivity(UnitPlanningProcess.RECEIVE_TASK_AWAIT_UNIT_PLAN)
                .setVariables(vars("projectId", projectId, "townGroup", TOWN, "unitId", unitId)).execute();
    }

    private long waiting() {
        return runtimeService().createExecutionQuery()
                .messageEventSubscriptionName(UnitPlanningProcess.MESSAGE_UNIT_PLAN_APPROVED).count();
    }

    @Test
    void approvedUnitPlanContinuesEveryProjectOfThatUnitOnly() {
        projectWaitsInUnit(21L, 7L);
        projectWaitsInUnit(22L, 7L);
        projectWaitsInUnit(23L, 7L);
        projectWaitsInUnit(24L, 8L);
        ProcessInstance unit = runtimeService().startProcessInstanceByKey(RenovationUnitProcess.PROCESS_ID, "UNIT-7",
                vars("unitId", 7L));

        assertThat(unit).isWaitingAt("Task_CompileUnitPlan");
        assertThat(task(unit)).hasCandidateGroup("nrb");
        complete(task(unit), withVariables("planGoals", "建设高标准厂房集聚区", "publicFacilities", "道路、消防站",
                "interestBalance", "按面积分摊公共设施用地", "unitLandAreaSqm", 120000.0, "plannedPlotRatio", 3.0));
        assertThat(unit).isWaitingAt(RenovationUnitProcess.TASK_APPROVE_UNIT_PLAN);
        assertThat(task(unit)).hasCandidateGroup("municipal-government");
        complete(task(unit), withVariables("unitPlanApproved", true, "documentNumber", "普府函〔2026〕40号"));

        assertThat(unit).isEnded().hasPassed("Task_PublishUnitPlan", "EndEvent_UnitPlanApproved");
        assertThat(waiting()).isEqualTo(1);
        assertThat(runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(UnitPlanningProcess.PROCESS_ID).count()).isEqualTo(1);
    }

    @Test
    void unitPlanSentBackIsCompiledAgain() {
        projectWaitsInUnit(25L, 9L);
        ProcessInstance unit = runtimeService().createProcessInstanceByKey(RenovationUnitProcess.PROCESS_ID)
                .startBeforeActivity(RenovationUnitProcess.TASK_APPROVE_UNIT_PLAN).setVariables(vars("unitId", 9L)).execute();

        complete(task(unit), withVariables("unitPlanApproved", false, "opinion", "公共设施配置不足"));

        assertThat(unit).isWaitingAt("Task_CompileUnitPlan");
        assertThat(waiting()).isEqualTo(1);
    }
}
