package cn.gonggaigong.process;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.gonggaigong.clock.WorkingDayCalendar;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** Art. 12(2): a compensation plan not voted within one year of the scheme's approval sends the scheme back. */
@Deployment(resources = "processes/CompensationVote.bpmn")
class CompensationVoteProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.9).build();

    private static final LocalDateTime APPROVED_AT = LocalDateTime.of(2026, 8, 1, 9, 0);

    @BeforeEach
    void glue() {
        ProcessTestSupport.registerGlue();
        ClockUtil.setCurrentTime(date(APPROVED_AT));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("CompensationVote", vars("projectId", 91L, "townGroup", TOWN));
    }

    @Test
    void votePassedInTime() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Task_RecordCompensationVote");
        assertThat(task(pi)).hasCandidateGroup(TOWN);
        complete(task(pi), withVariables("voteDate", "2026-10-01", "agreePercent", 95.0, "votePassed", true));
        assertThat(pi).isEnded().hasPassed("EndEvent_VotePassed");
        assertThat(pi).variables().containsEntry("voteResult", "PASSED");
    }

    @Test
    void oneYearWithoutAVoteSendsTheSchemeBackForReapproval() {
        ProcessInstance pi = start();
        Job deadline = job(pi);
        assertThat(deadline.getDuedate()).isEqualTo(date(APPROVED_AT.plusYears(1)));

        ClockUtil.setCurrentTime(date(APPROVED_AT.plusYears(1).minusMinutes(1)));
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();

        ClockUtil.setCurrentTime(date(APPROVED_AT.plusYears(1).plusMinutes(1)));
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isEqualTo(1);
        execute(job(pi));

        assertThat(pi).isEnded().hasPassed("BoundaryEvent_VoteDeadlinePassed", "EndEvent_VoteExpired");
        assertThat(pi).variables().containsEntry("voteResult", "EXPIRED");
    }

    @Test
    void theYearRunsFromTheApprovalsDateNotFromWhenTheVoteOpens() {
        // Approved on 1 August; the filing with the prefecture took until 10 September, when the vote opens.
        ClockUtil.setCurrentTime(date(APPROVED_AT.plusDays(40)));
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("CompensationVote",
                vars("projectId", 93L, "townGroup", TOWN, "schemeApprovalDate", "2026-08-01"));
        Date endOfAnniversary = Date.from(WorkingDayCalendar.endOf(java.time.LocalDate.of(2027, 8, 1)));
        assertThat(job(pi).getDuedate()).isEqualTo(endOfAnniversary);
        // The town's task is due then too, so its warnings come before the year runs out.
        assertThat(task(pi).getDueDate()).isEqualTo(endOfAnniversary);

        ClockUtil.setCurrentTime(date(LocalDateTime.of(2027, 8, 1, 12, 0)));
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
        ClockUtil.setCurrentTime(Date.from(endOfAnniversary.toInstant().plusSeconds(60)));
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("BoundaryEvent_VoteDeadlinePassed", "EndEvent_VoteExpired");
    }

    @Test
    void failedVoteAndRevisionDoNotRestartTheYear() {
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(date(APPROVED_AT.plusMonths(10)));
        complete(task(pi), withVariables("voteDate", "2027-06-01", "agreePercent", 50.0, "votePassed", false));

        assertThat(pi).isWaitingAt("Task_ReviseCompensationPlan");
        assertThat(job(pi).getDuedate()).isEqualTo(date(APPROVED_AT.plusYears(1)));

        ClockUtil.setCurrentTime(date(APPROVED_AT.plusYears(1).plusDays(1)));
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("BoundaryEvent_RevisionDeadlinePassed", "EndEvent_VoteExpired");
    }

    @Test
    void revisedPlanIsVotedAgainWithinTheSameYear() {
        ProcessInstance pi = runtimeService().createProcessInstanceByKey("CompensationVote")
                .startBeforeActivity("StartEvent_VoteOpened").setVariables(vars("projectId", 92L, "townGroup", TOWN)).execute();
        complete(task(pi), withVariables("voteDate", "2026-09-01", "agreePercent", 60.0, "votePassed", false));
        complete(task(pi), withVariables("revisionSummary", "提高过渡期安置补助标准"));

        assertThat(pi).isWaitingAt("Task_RecordCompensationVote");
        assertThat(job(pi).getDuedate()).isEqualTo(date(APPROVED_AT.plusYears(1)));
    }
}
