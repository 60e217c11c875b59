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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

@Deployment(resources = "processes/UnitPlanning.bpmn")
class UnitPlanningProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.9).build();

    @BeforeEach
    void glue() {
        ProcessTestSupport.registerGlue();
        // Stands in for the membership service: an EXISTING unit "U-APPROVED" already has its plan in force.
        Mocks.register("renovationUnitMembership", (JavaDelegate) execution -> {
            boolean existingApproved = "EXISTING".equals(execution.getVariable("unitAction"))
                    && "U-APPROVED".equals(execution.getVariable("unitCode"));
            execution.setVariable(UnitPlanningProcess.Var.UNIT_ID, existingApproved ? 1L : 2L);
            execution.setVariable(UnitPlanningProcess.Var.UNIT_PLAN_APPROVED, existingApproved);
        });
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(UnitPlanningProcess.PROCESS_ID, vars("projectId", 31L, "townGroup", TOWN));
    }

    @Test
    void projectInANewUnitWaitsForTheUnitPlan() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Task_AssignRenovationUnit");
        assertThat(task(pi)).hasCandidateGroup("nrb");
        complete(task(pi), withVariables("unitAction", "NEW", "unitCode", "U-2026-01", "unitName", "占陇镇东片改造单元"));

        assertThat(pi).isWaitingAt(UnitPlanningProcess.RECEIVE_TASK_AWAIT_UNIT_PLAN);
        new ProjectMessages(runtimeService()).unitPlanApproved(2L);
        assertThat(pi).isEnded().hasPassed("EndEvent_UnitPlanInForce");
    }

    @Test
    void projectJoiningAUnitWhosePlanIsInForceGoesOnAtOnce() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("unitAction", "EXISTING", "unitCode", "U-APPROVED"));

        assertThat(pi).isEnded().hasNotPassed(UnitPlanningProcess.RECEIVE_TASK_AWAIT_UNIT_PLAN);
        assertThat(pi).variables().containsEntry("unitId", 1L);
    }
}
