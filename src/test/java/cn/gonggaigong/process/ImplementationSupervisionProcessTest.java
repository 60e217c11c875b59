package cn.gonggaigong.process;

import cn.gonggaigong.agreement.AgreementMilestone;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;

import static cn.gonggaigong.process.ProcessTestSupport.BREACH_RECORDS;
import static cn.gonggaigong.process.ProcessTestSupport.MILESTONES;
import static cn.gonggaigong.process.ProcessTestSupport.TOWN;
import static cn.gonggaigong.process.ProcessTestSupport.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Art. 14: the town reports progress every month until construction is complete. Art. 13 (二): each deadline of the
 * monitoring agreement is followed; one that passes first is recorded and explained by the town.
 */
@Deployment(resources = "processes/ImplementationSupervision.bpmn")
class ImplementationSupervisionProcessTest {

    private static final long PROJECT = 121L;

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.9).build();

    @BeforeEach
    void glue() {
        ProcessTestSupport.registerGlue();
    }

    /** The agreement's three deadlines, as AgreementRecorder registers them. */
    private static void agreement(String demolition, String start, String completion) {
        List<AgreementMilestone> all = List.of(
                new AgreementMilestone(null, "JG-1", "demolitionDeadline", "完成拆迁及补偿安置", LocalDate.parse(demolition)),
                new AgreementMilestone(null, "JG-1", "constructionStartDeadline", "动工建设", LocalDate.parse(start)),
                new AgreementMilestone(null, "JG-1", "completionDeadline", "竣工", LocalDate.parse(completion)));
        Mockito.when(MILESTONES.findByProjectIdOrderByDeadlineAsc(PROJECT)).thenReturn(all);
        all.forEach(m -> Mockito.when(MILESTONES.findFirstByProjectIdAndTermOrderByIdDesc(PROJECT, m.getTerm()))
                .thenReturn(Optional.of(m)));
    }

    private static ProcessInstance started() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("ImplementationSupervision",
                vars("projectId", PROJECT, "townGroup", TOWN));
        assertThat(pi).isWaitingAt("Task_ReportProgress");
        assertThat(task(pi)).hasCandidateGroup(TOWN);
        return pi;
    }

    private static Task report(ProcessInstance pi) {
        return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ReportProgress").singleResult();
    }

    private static Job timer(ProcessInstance pi, String activityId) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    @Test
    void townReportsMonthlyUntilConstructionIsComplete() {
        ProcessInstance pi = started(); // no agreement: the government is the subject (Art. 13)
        complete(task(pi), withVariables("reportMonth", "2027-01", "progressPercent", 30.0,
                "demolitionCompleted", true, "constructionStarted", true, "constructionCompleted", false));

        assertThat(pi).isWaitingAt("IntermediateEvent_NextMonthlyReportDue");
        execute(job(pi));
        assertThat(pi).isWaitingAt("Task_ReportProgress");
        complete(task(pi), withVariables("reportMonth", "2027-02", "progressPercent", 100.0,
                "demolitionCompleted", true, "constructionStarted", true, "constructionCompleted", true));
        assertThat(pi).isEnded().hasPassed("EndEvent_ConstructionCompleted").hasNotPassed("Task_RecordMilestoneBreach");
    }

    @Test
    void theNextRoundIsTheCalendarMonthAfterTheMonthReported() {
        ProcessInstance pi = started();
        complete(task(pi), withVariables("reportMonth", "2027-01", "progressPercent", 30.0,
                "demolitionCompleted", false, "constructionStarted", false, "constructionCompleted", false));
        // February's round begins on 1 February, 09:00 in Puning, whenever January's was submitted.
        assertThat(timer(pi, "IntermediateEvent_NextMonthlyReportDue").getDuedate())
                .isEqualTo(Date.from(java.time.Instant.parse("2027-02-01T01:00:00Z")));
        execute(job(pi));
        complete(task(pi), withVariables("reportMonth", "2027-12", "progressPercent", 40.0,
                "demolitionCompleted", false, "constructionStarted", false, "constructionCompleted", false));
        assertThat(timer(pi, "IntermediateEvent_NextMonthlyReportDue").getDuedate())
                .isEqualTo(Date.from(java.time.Instant.parse("2028-01-01T01:00:00Z")));
    }

    @Test
    void eachDeadlineOfTheAgreementWaitsForTheReportThatHasItDone() {
        agreement("2027-03-31", "2027-06-30", "2029-06-30");
        ProcessInstance pi = started();
        assertThat(pi).isWaitingAt("Task_ReportProgress", "Gateway_MilestoneEvent");
        Job demolitionDue = managementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("IntermediateEvent_MilestoneOverdue").orderByJobDuedate().asc().list().get(0);
        // Late from the day after the deadline, at midnight in Puning (16:00 UTC the day before).
        assertThat(demolitionDue.getDuedate()).isEqualTo(Date.from(java.time.Instant.parse("2027-03-31T16:00:00Z")));

        complete(report(pi), withVariables("reportMonth", "2027-01", "progressPercent", 30.0,
                "demolitionCompleted", true, "constructionStarted", false, "constructionCompleted", false));
        // Demolition is done: its deadline is no longer watched; the other two are.
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("IntermediateEvent_MilestoneOverdue").count()).isEqualTo(2);

        execute(job("IntermediateEvent_NextMonthlyReportDue", pi));
        complete(report(pi), withVariables("reportMonth", "2027-02", "progressPercent", 100.0,
                "demolitionCompleted", true, "constructionStarted", true, "constructionCompleted", true));
        assertThat(pi).isEnded().hasPassed("EndEvent_MilestoneMetOnTime", "EndEvent_MilestonesFollowed")
                .hasNotPassed("Task_ExplainMilestoneBreach");
        assertThat(BREACH_RECORDS).isEmpty();
    }

    @Test
    void aDeadlinePassedIsRecordedExplainedByTheTownAndFollowedUntilDone() {
        agreement("2027-03-31", "2027-06-30", "2029-06-30");
        ProcessInstance pi = started();
        complete(report(pi), withVariables("reportMonth", "2027-01", "progressPercent", 10.0,
                "demolitionCompleted", true, "constructionStarted", false, "constructionCompleted", false));

        Job startDue = managementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("IntermediateEvent_MilestoneOverdue").orderByJobDuedate().asc().list().get(0);
        execute(startDue); // 动工建设 is late
        assertThat(BREACH_RECORDS).containsExactly("breach:constructionStartDeadline");
        Task explain = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ExplainMilestoneBreach").singleResult();
        assertThat(explain).isNotNull();
        assertThat(explain).hasCandidateGroup(TOWN);
        assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService()
                .getVariable(explain.getId(), "breachedMilestone")).isEqualTo("constructionStartDeadline");

        complete(explain, withVariables("breachReason", "用地手续延误", "subjectResponsible", false,
                "remedy", "加快报建", "expectedCompletionDate", "2027-09-30"));
        assertThat(BREACH_RECORDS).containsExactly("breach:constructionStartDeadline", "explanation:constructionStartDeadline");
        // Still not started: followed until a report has it done.
        assertThat(pi).isWaitingAt("IntermediateEvent_MilestoneMetLate");

        execute(job("IntermediateEvent_NextMonthlyReportDue", pi));
        complete(report(pi), withVariables("reportMonth", "2027-08", "progressPercent", 20.0,
                "demolitionCompleted", true, "constructionStarted", true, "constructionCompleted", false));
        assertThat(pi).hasPassed("EndEvent_MilestoneMetLate").isNotEnded();

        execute(job("IntermediateEvent_NextMonthlyReportDue", pi));
        complete(report(pi), withVariables("reportMonth", "2029-05", "progressPercent", 100.0,
                "demolitionCompleted", true, "constructionStarted", true, "constructionCompleted", true));
        assertThat(pi).isEnded().hasPassed("EndEvent_ConstructionCompleted", "EndEvent_MilestonesFollowed");
    }

    @Test
    void anOpenExplanationKeepsSupervisionOpenAfterCompletion() {
        agreement("2027-03-31", "2027-06-30", "2029-06-30");
        ProcessInstance pi = started();
        execute(managementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("IntermediateEvent_MilestoneOverdue").orderByJobDuedate().asc().list().get(0));
        assertThat(BREACH_RECORDS).containsExactly("breach:demolitionDeadline");

        complete(report(pi), withVariables("reportMonth", "2029-05", "progressPercent", 100.0,
                "demolitionCompleted", true, "constructionStarted", true, "constructionCompleted", true));
        // Built before the town explained the late demolition: the explanation is still owed (Art. 19 reads it).
        assertThat(pi).isWaitingAt("Task_ExplainMilestoneBreach");
        assertThat(timer(pi, "IntermediateEvent_NextMonthlyReportDue")).isNull();
        complete(taskQuery().processInstanceId(pi.getId()).singleResult(), withVariables("breachReason", "补偿谈判拖延",
                "subjectResponsible", true, "remedy", "已完成", "expectedCompletionDate", "2029-05-01"));
        assertThat(pi).isEnded().hasPassed("EndEvent_MilestoneMetLate");
    }
}
