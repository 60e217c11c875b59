package cn.gonggaigong.process;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import static cn.gonggaigong.process.ProcessTestSupport.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** Art. 22: new industries may keep the original use for a 5-year transition period. */
@Deployment(resources = "processes/TransitionPeriod.bpmn")
class TransitionPeriodProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.9).build();

    private static final LocalDateTime ACCEPTED_AT = LocalDateTime.of(2029, 7, 1, 10, 0);

    @BeforeEach
    void glue() {
        ProcessTestSupport.registerGlue();
        ClockUtil.setCurrentTime(Date.from(ACCEPTED_AT.atZone(ZoneId.systemDefault()).toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eligibleProjectIsHandledWhenTheFiveYearsEnd() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("TransitionPeriod", vars("projectId", 141L));
        assertThat(task(pi)).hasCandidateGroup("nrb");
        complete(task(pi), withVariables("transitionEligible", true, "newBusinessType", "工业设计服务"));

        assertThat(pi).isWaitingAt("IntermediateEvent_TransitionPeriodEnded");
        assertThat(job(pi).getDuedate()).isEqualTo(Date.from(ACCEPTED_AT.plusYears(5).atZone(ZoneId.systemDefault()).toInstant()));
        execute(job(pi));
        assertThat(pi).isWaitingAt("Task_HandleTransitionExpiry");
        complete(task(pi), withVariables("handlingResult", "按新用途办理规划条件变更", "documentNumber", "普自然资〔2034〕1号"));
        assertThat(pi).isEnded().hasPassed("EndEvent_TransitionClosed");
    }

    @Test
    void projectWithoutTransitionPeriodCloses() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("TransitionPeriod", vars("projectId", 142L));
        complete(task(pi), withVariables("transitionEligible", false));
        assertThat(pi).isEnded().hasNotPassed("IntermediateEvent_TransitionPeriodEnded");
    }
}
