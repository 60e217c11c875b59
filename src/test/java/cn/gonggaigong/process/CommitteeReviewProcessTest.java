package cn.gonggaigong.process;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import static cn.gonggaigong.process.ProcessTestSupport.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** The planning committee passes, sends back or rejects; major matters go to the leading group. */
@Deployment(resources = "processes/CommitteeReview.bpmn")
class CommitteeReviewProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.9).build();

    @BeforeEach
    void glue() {
        ProcessTestSupport.registerGlue();
    }

    @ParameterizedTest
    @CsvSource({"PASS,EndEvent_SchemePassed", "REVISE,EndEvent_SchemeSentBack", "REJECT,EndEvent_SchemeRejected"})
    void committeeDecides(String decision, String endEvent) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("CommitteeReview", vars("projectId", 71L));
        assertThat(pi).isWaitingAt("Task_ReviewScheme");
        assertThat(task(pi)).hasCandidateGroup("planning-committee");

        complete(task(pi), withVariables("committeeDecision", decision, "majorMatter", false,
                "meetingDate", "2026-07-01", "documentNumber", "普规委〔2026〕5号"));

        assertThat(pi).isEnded().hasPassed(endEvent).hasNotPassed("Task_DecideMajorMatter");
        assertThat(pi).variables().containsEntry("reviewResult", decision);
    }

    @ParameterizedTest
    @CsvSource({"PASS,EndEvent_SchemePassed", "REVISE,EndEvent_SchemeSentBack", "REJECT,EndEvent_SchemeRejected"})
    void leadingGroupDecidesMajorMatters(String decision, String endEvent) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("CommitteeReview", vars("projectId", 72L));
        complete(task(pi), withVariables("committeeDecision", "PASS", "majorMatter", true,
                "meetingDate", "2026-07-01", "documentNumber", "普规委〔2026〕6号"));

        assertThat(pi).isWaitingAt("Task_DecideMajorMatter");
        assertThat(task(pi)).hasCandidateGroup("leading-group");
        complete(task(pi), withVariables("leadingGroupDecision", decision, "documentNumber", "普工改工领〔2026〕2号"));

        assertThat(pi).isEnded().hasPassed(endEvent);
        assertThat(pi).variables().containsEntry("reviewResult", decision);
    }
}
