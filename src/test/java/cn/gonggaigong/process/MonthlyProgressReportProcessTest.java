package cn.gonggaigong.process;

import cn.gonggaigong.process.MonthlyProgressReportProcess.Field;
import cn.gonggaigong.process.MonthlyProgressReportProcess.Var;
import cn.gonggaigong.report.MonthlyReportForm;
import cn.gonggaigong.report.MonthlyReportRound;
import cn.gonggaigong.report.MonthlyReportTaskListener;
import cn.gonggaigong.report.MonthlyReports;
import cn.gonggaigong.monitor.MonitorViews.ReportRow;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static cn.gonggaigong.process.ProcessTestSupport.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

/**
 * On the 1st of every month the timer gives every town one report task, due at the end of the 25th (Asia/Shanghai);
 * after that it is overdue like any other task. The towns here are three; the application gives all 29.
 */
@Deployment(resources = "processes/MonthlyProgressReport.bpmn")
class MonthlyProgressReportProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.9).build();

    private static final List<String> TOWNS = List.of("hongyang", "liushadong", "zhanlong");

    /** Which task events the listener saw (the application's listener writes monthly_report, covered by its IT). */
    private final List<String> events = new ArrayList<>();
    /** What the listener read back at completion, by town. */
    private final Map<String, MonthlyReports.Submission> submitted = new java.util.HashMap<>();

    /** The application's data for a town (here: its number of letters in the plan, nothing else). */
    private static ReportRow dataOf(String town) {
        Map<String, Long> phases = new java.util.LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            phases.put(phase.name(), 0L);
        }
        return new ReportRow(town, town, town.length(), 0, phases, 0, 0, 0, 0);
    }

    @BeforeEach
    void glue() {
        ProcessTestSupport.registerGlue();
        Mocks.register("monthlyReportRound", (JavaDelegate) execution -> MonthlyReportRound.apply(execution, TOWNS));
        Mocks.register("monthlyReportTaskListener", (TaskListener) (DelegateTask task) -> {
            String town = (String) task.getVariable(Var.TOWN_CODE);
            events.add(task.getEventName() + ":" + town);
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                MonthlyReportTaskListener.prefill(task, dataOf(town));
            } else {
                submitted.put(town, MonthlyReportForm.read(task::getVariable));
            }
        });
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static Date at(String isoOffsetDateTime) {
        return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
    }

    private static Job monthTimer() {
        return managementService().createJobQuery().processDefinitionKey(MonthlyProgressReportProcess.PROCESS_ID)
                .timers().singleResult();
    }

    private static Map<String, Object> report(Object inPlan) {
        return vars(Field.PROJECTS_IN_PLAN, inPlan, Field.PROJECTS_STARTED, 1L, Field.PROJECTS_COMPLETED, 0L,
                Field.PROJECTS_OVERDUE, 0L, Field.WARNINGS_RAISED, 2L, Field.WARNINGS_CLOSED, 1L,
                Field.PROGRESS_SUMMARY, "本月完成两个项目的基础数据调查", Field.REMARKS, "");
    }

    @Test
    void theFirstOfTheMonthGivesEveryTownAReportDueByThe25th() {
        assertThat(monthTimer().getDuedate().toInstant().atOffset(java.time.ZoneOffset.ofHours(8)))
                .satisfies(due -> {
                    assertThat(due.getDayOfMonth()).isEqualTo(1);
                    assertThat(due.getHour()).isEqualTo(9);
                });

        ClockUtil.setCurrentTime(at("2026-05-01T09:00:00+08:00"));
        managementService().executeJob(monthTimer().getId());

        ProcessInstance round = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(MonthlyProgressReportProcess.PROCESS_ID).singleResult();
        assertThat(round).isWaitingAt(MonthlyProgressReportProcess.TASK_SUBMIT).hasPassed(MonthlyProgressReportProcess.TASK_PREPARE);
        assertThat(runtimeService().getVariable(round.getId(), Var.REPORT_MONTH)).isEqualTo("2026-05");
        List<Task> tasks = taskService().createTaskQuery().processInstanceId(round.getId()).list();
        assertThat(tasks).hasSize(3).allSatisfy(task -> {
            assertThat(task.getName()).isEqualTo("提交月度进度报告");
            assertThat(task.getDueDate()).isEqualTo(at("2026-05-25T23:59:59+08:00"));
            assertThat(taskService().getVariable(task.getId(), Var.REPORT_MONTH)).isEqualTo("2026-05");
            assertThat(taskService().getVariable(task.getId(), ProjectLifecycleProcess.Var.PROJECT_ID)).isNull();
        });
        for (String town : TOWNS) {
            Task task = taskService().createTaskQuery().processInstanceId(round.getId()).taskCandidateGroup("town-" + town)
                    .singleResult();
            assertThat(task).as("report task of %s", town).isNotNull();
            assertThat(taskService().getVariable(task.getId(), Var.TOWN_CODE)).isEqualTo(town);
        }
        assertThat(events).containsExactlyInAnyOrder("create:hongyang", "create:liushadong", "create:zhanlong");
        // Each form is prefilled with its own town's figures.
        for (Task task : tasks) {
            String town = (String) taskService().getVariable(task.getId(), Var.TOWN_CODE);
            assertThat(taskService().getVariable(task.getId(), Field.PROJECTS_IN_PLAN)).isEqualTo((long) town.length());
            assertThat(taskService().getVariable(task.getId(), Field.PHASE_SUMMARY)).asString().contains("纳入年度实施计划 0");
        }

        // The next month's round is due on the next 1st (no drift from adding months).
        assertThat(monthTimer().getDuedate()).isEqualTo(at("2026-06-01T09:00:00+08:00"));

        // Not overdue on the 25th itself; every unsubmitted report is overdue from the 26th.
        ClockUtil.setCurrentTime(at("2026-05-25T23:00:00+08:00"));
        assertThat(taskService().createTaskQuery().processInstanceId(round.getId()).dueBefore(ClockUtil.getCurrentTime()).count()).isZero();
        ClockUtil.setCurrentTime(at("2026-05-26T00:00:01+08:00"));
        assertThat(taskService().createTaskQuery().processInstanceId(round.getId()).dueBefore(ClockUtil.getCurrentTime()).count()).isEqualTo(3);

        long corrected = 20;
        for (Task task : tasks) {
            taskService().complete(task.getId(), report(corrected++));
        }
        assertThat(round).isEnded().hasPassed(MonthlyProgressReportProcess.END_EVENT);
        // What each town submitted replaced its prefill (not another town's, not the data).
        assertThat(submitted.values()).extracting(MonthlyReports.Submission::projectsInPlan)
                .containsExactlyInAnyOrder(20, 21, 22);
        assertThat(submitted.values()).extracting(MonthlyReports.Submission::progressSummary)
                .containsOnly("本月完成两个项目的基础数据调查");
        // Each town's values stayed on its own task.
        assertThat(runtimeService().createVariableInstanceQuery().variableName(Field.PROJECTS_IN_PLAN).count()).isZero();
    }

    @Test
    void aReportWithANegativeOrMissingCountIsRefusedAndStaysOpen() {
        ClockUtil.setCurrentTime(at("2026-07-01T09:00:00+08:00"));
        managementService().executeJob(monthTimer().getId());
        Task task = taskService().createTaskQuery().taskCandidateGroup("town-zhanlong").singleResult();

        Map<String, Object> bad = report(-1L);
        bad.remove(Field.PROGRESS_SUMMARY);
        assertThatThrownBy(() -> taskService().complete(task.getId(), bad))
                .hasMessageContaining(Field.PROJECTS_IN_PLAN).hasMessageContaining(Field.PROGRESS_SUMMARY);
        assertThat(taskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

        taskService().complete(task.getId(), report(4L));
        assertThat(taskService().createTaskQuery().taskId(task.getId()).count()).isZero();
    }
}
