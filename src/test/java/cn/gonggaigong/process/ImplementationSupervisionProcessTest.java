package cn.gonggaigong.process;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static cn.gonggaigong.process.ProcessTestSupport.TOWN;
import static cn.gonggaigong.process.ProcessTestSupport.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** Art. 14: the town reports progress every month until construction is complete. */
@Deployment(resources = "processes/ImplementationSupervision.bpmn")
class ImplementationSupervisionProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.9).build();

    @BeforeEach
    void glue() {
        ProcessTestSupport.registerGlue();
    }

    @Test
    void townReportsMonthlyUntilConstructionIsComplete() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("ImplementationSupervision", vars("projectId", 121L, "townGroup", TOWN));
        assertThat(pi).isWaitingAt("Task_ReportProgress");
        assertThat(task(pi)).hasCandidateGroup(TOWN);
        complete(task(pi), withVariables("reportMonth", "2027-01", "progressPercent", 30.0,
                "demolitionCompleted", true, "constructionCompleted", false));

        assertThat(pi).isWaitingAt("IntermediateEvent_NextMonthlyReportDue");
        execute(job(pi));
        assertThat(pi).isWaitingAt("Task_ReportProgress");
        complete(task(pi), withVariables("reportMonth", "2027-02", "progressPercent", 100.0,
                "demolitionCompleted", true, "constructionCompleted", true));
        assertThat(pi).isEnded().hasPassed("EndEvent_ConstructionCompleted");
    }
}
