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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

@Deployment(resources = {"processes/ProjectIntake.bpmn", "processes/FastTrackEligibility.dmn"})
class ProjectIntakeProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.9).build();

    @BeforeEach
    void glue() {
        ProcessTestSupport.registerGlue();
    }

    private ProcessInstance start(long projectId, double contiguousAreaMu) {
        return runtimeService().startProcessInstanceByKey(ProjectIntakeProcess.PROCESS_ID, "GGG-" + projectId, vars(
                "projectId", projectId, "townGroup", TOWN, "keyIndustryProject", false, "pilotProject", false,
                "contiguousAreaMu", contiguousAreaMu, "inAnnualPlan", false, "planYear", 2026));
    }

    private void surveyAndPublish(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Task_SurveyWillingness");
        assertThat(task(pi)).hasCandidateGroup(TOWN);
        complete(task(pi), withVariables("willingnessAgreed", true, "agreePercent", 92.0, "surveyDate", "2026-03-01"));
        assertThat(pi).isWaitingAt("Task_SurveyBaseData");
        assertThat(task(pi)).hasCandidateGroup(TOWN);
        complete(task(pi), withVariables("landAreaSqm", 20000.0, "landAreaMu", 30.0, "existingFloorArea", 18000.0,
                "currentPlotRatio", 0.9, "surveyDate", "2026-03-10"));
        assertThat(pi).isWaitingAt("Task_PublishBaseData");
        complete(task(pi), withVariables("noticeStartDate", "2026-03-11", "noticeEndDate", "2026-03-18",
                "objectionsRaised", false));
    }

    @Test
    void projectWaitsForTheAnnualPlanAndContinuesWhenIncluded() {
        ProcessInstance pi = start(1L, 30.0);
        surveyAndPublish(pi);

        assertThat(pi).isWaitingAt(ProjectIntakeProcess.RECEIVE_TASK_AWAIT_ANNUAL_PLAN);
        assertThat(pi).variables().containsEntry("fastTrack", false);

        new ProjectMessages(runtimeService()).annualPlanDecided(1L, true);

        assertThat(pi).isEnded().hasPassed("Task_RegisterForAnnualPlan", "EndEvent_IntakeAccepted");
        assertThat(pi).variables().containsEntry("intakeResult", "ACCEPTED");
    }

    @Test
    void projectLeftOutOfTheApprovedPlanIsNotTakenIn() {
        ProcessInstance pi = start(2L, 30.0);
        surveyAndPublish(pi);

        new ProjectMessages(runtimeService()).annualPlanDecided(2L, false);

        assertThat(pi).isEnded().hasPassed("EndEvent_IntakeRejected");
        assertThat(pi).variables().containsEntry("intakeResult", "REJECTED");
    }

    @Test
    void rightsHoldersRefusingEndsTheIntake() {
        ProcessInstance pi = start(3L, 30.0);
        complete(task(pi), withVariables("willingnessAgreed", false, "agreePercent", 40.0, "surveyDate", "2026-03-01"));

        assertThat(pi).isEnded().hasPassed("EndEvent_IntakeRejected").hasNotPassed("Task_SurveyBaseData");
        assertThat(pi).variables().containsEntry("intakeResult", "REJECTED");
    }

    @Test
    void objectionDuringPublicNoticeSendsTheBaseDataBackToTheSurvey() {
        ProcessInstance pi = runtimeService().createProcessInstanceByKey(ProjectIntakeProcess.PROCESS_ID)
                .startBeforeActivity("Task_PublishBaseData")
                .setVariables(vars("projectId", 4L, "townGroup", TOWN)).execute();

        complete(task(pi), withVariables("noticeStartDate", "2026-03-11", "noticeEndDate", "2026-03-18",
                "objectionsRaised", true));

        assertThat(pi).isWaitingAt("Task_SurveyBaseData");
    }

    @Test
    void contiguousRenovationOf50MuIsFastTrackedWhenNrbConfirms() {
        ProcessInstance pi = start(5L, 50.0);
        surveyAndPublish(pi);

        assertThat(pi).isWaitingAt("Task_ConfirmFastTrack");
        assertThat(task(pi)).hasCandidateGroup("nrb");
        complete(task(pi), withVariables("fastTrackConfirmed", true, "documentNumber", "普自然资〔2026〕1号"));

        assertThat(pi).isEnded().hasPassed("EndEvent_IntakeAccepted").hasNotPassed("Task_RegisterForAnnualPlan");
        assertThat(pi).variables().containsEntry("fastTrack", true).containsEntry("intakeResult", "ACCEPTED");
    }

    @Test
    void fastTrackNotConfirmedGoesIntoTheAnnualPlan() {
        ProcessInstance pi = runtimeService().createProcessInstanceByKey(ProjectIntakeProcess.PROCESS_ID)
                .startBeforeActivity("Task_ConfirmFastTrack")
                .setVariables(vars("projectId", 6L, "townGroup", TOWN)).execute();

        complete(task(pi), withVariables("fastTrackConfirmed", false));

        assertThat(pi).isWaitingAt(ProjectIntakeProcess.RECEIVE_TASK_AWAIT_ANNUAL_PLAN);
    }
}
