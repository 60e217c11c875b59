package cn.gonggaigong.benchmark;

import java.util.Map;

import cn.gonggaigong.ApplicationTestSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's quick mode in the normal test suite, on the shared application context: proves every step still
 * runs and counts right (projects driven to the end, copies made, inbox and dashboard queries answering, escalations
 * raised once). It asserts counts, never timings; the figures of a real run come from {@code ./mvnw -Pbenchmark verify}.
 */
class BenchmarkQuickIT extends ApplicationTestSupport {

    @Autowired
    ApplicationContext context;

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    private BenchmarkRun run;
    private String standalone;

    @Test
    void everyStepOfTheBenchmarkRunsAndCountsRight() throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.quick();
        BenchmarkReport report = new BenchmarkReport();
        run = new BenchmarkRun(context, settings, report);
        run.describeSetup("BenchmarkQuickIT");
        assertThat(report.setup.get("durability")).isEqualTo("fsync=on, synchronous_commit=on");

        run.databaseLimit();
        assertThat(run.commitLimit).isPositive();

        run.lifecycleThroughput();
        assertThat(run.rawCompleted).isEqualTo(settings.rawInstances());
        assertThat(run.lifecycleCompleted).isEqualTo(settings.lifecycleProjects());
        // The unmeasured warm-up drove its projects through the whole lifecycle too.
        assertThat(run.lifecycleWarmupCompleted).isEqualTo(settings.lifecycleWarmup()).isPositive();
        assertThat(run.rawWarmup).isEqualTo(settings.rawInstances() / 5);
        // Every completion the driver counted is a finished task in the engine's history of those projects.
        assertThat(run.lifecycleTasksInHistory).isEqualTo(run.lifecycleCompletions).isGreaterThan(0);
        // Measured in rounds taken in turn with the baseline's; what a round counts is part of what it completed.
        assertThat(run.lifecycleRoundRatios).hasSize(settings.lifecycleRounds()).allSatisfy(r -> assertThat(r).isPositive());
        assertThat(run.lifecycleCountedCompletions).isPositive().isLessThanOrEqualTo(run.lifecycleCompletions);

        // A phase process started on its own for a project of 占陇镇 (as MeetingIT's CommitteeReview): its task is in the
        // town's list through the project (task_inbox) but not in the list as before V35 (through the root instance),
        // so P3 never makes it overdue; chosen by its random id, it made the two lists differ one run in twenty.
        Map<String, Object> townProject = run.jdbc.queryForMap("select id, code from project where town_code = ?"
                + " and process_instance_id is not null order by id desc limit 1", BenchmarkRun.TOWN_CODE);
        standalone = runtimeService.startProcessInstanceByKey("CommitteeReview", (String) townProject.get("code"),
                Variables.createVariables().putValue("projectId", townProject.get("id"))
                        .putValue("projectCode", townProject.get("code")).putValue("townGroup", "town-" + BenchmarkRun.TOWN_CODE)
                        .putValue("applicant", "applicant1")).getId();
        String standaloneTask = taskService.createTaskQuery().processInstanceId(standalone).singleResult().getId();
        assertThat(taskService.createTaskQuery().taskId(standaloneTask).singleResult().getDueDate()).isInTheFuture();
        assertThat(run.tasksThatMayBeMadeOverdue()).doesNotContain(standaloneTask);

        run.seedTemplates();
        assertThat(run.templates).hasSize(settings.templates());
        for (int size : settings.sizes()) {
            run.growTo(size);
            run.authorizedGroups(size);
            run.inboxes(size);
            run.projectPage(size);
            run.dashboard(size);
            run.completionAtScale(size);
        }
        // Each size: one completion with the product's group lookup, one with Camunda's, both through the engine.
        assertThat(run.completionsAtScale).containsOnlyKeys(settings.sizes()).allSatisfy((size, n) -> assertThat(n).isEqualTo(2));
        assertThat(run.activeProjectCounts).containsExactlyElementsOf(settings.sizes().stream().map(Integer::longValue).toList());
        assertThat(run.baselineRows.values()).allSatisfy(rows -> assertThat(rows).isBetween(0, 50));
        // The dashboard's read model (V32's counts) serves what counting the rows gives, and its overdue list (of every
        // town and of one) the tasks Camunda's TaskQuery finds, at every size.
        assertThat(run.dashboardSame).hasSize(6 * settings.sizes().size()).allSatisfy((part, same) -> assertThat(same)
                .as("%s counted from the rows; %s", part, run.dashboardDifferences.get(part)).isTrue());
        // Some tasks were overdue while the dashboard was measured, and its overdue list found them.
        assertThat(run.overdueMade).containsOnlyKeys(settings.sizes()).allSatisfy((size, n) -> assertThat(n).isPositive());
        assertThat(run.overdueListed).containsOnlyKeys(settings.sizes()).allSatisfy((size, n) -> assertThat(n).isPositive());
        assertThat(run.dueDatesNotPutBack).as("due dates put back after the dashboard").containsOnlyKeys(settings.sizes())
                .allSatisfy((size, n) -> assertThat(n).isZero());
        // Some agreement deadlines were missed while it was measured (the page's list of them had rows), and put back.
        assertThat(run.breachesMade).containsOnlyKeys(settings.sizes()).allSatisfy((size, n) -> assertThat(n).isPositive());
        assertThat(run.breachesNotPutBack).as("missed deadlines put back after the dashboard")
                .containsOnlyKeys(settings.sizes()).allSatisfy((size, n) -> assertThat(n).isZero());
        // 我的已办 of the NRB officer lists the bureau's steps, of the copies too.
        assertThat(run.doneListed).containsOnlyKeys(settings.sizes()).allSatisfy((size, listed) -> assertThat(listed)
                .startsWith("20 of "));
        // The project page's lookups found the project's open tasks, the same with V33's index as without it.
        assertThat(run.projectPageTasks).containsOnlyKeys(settings.sizes()).allSatisfy((size, n) -> assertThat(n).isPositive());
        // Copies carry the town officers' tasks like real projects: 占陇镇's inbox grows with the data.
        assertThat(run.baselineRows.get(settings.sizes().get(1) + " " + BenchmarkRun.TOWN_OFFICER))
                .isGreaterThanOrEqualTo(run.baselineRows.get(settings.sizes().get(0) + " " + BenchmarkRun.TOWN_OFFICER));

        assertThat(run.workOneCopy()).contains("before:" + LifecycleDriver.STOPS.get(0), "after:" + LifecycleDriver.STOPS.get(1));

        run.escalation();
        assertThat(run.escalationCounts).containsKey("one node");
        run.escalationCounts.values().forEach(counts -> {
            assertThat(counts[0]).isEqualTo(settings.escalationTasks());
            assertThat(counts[1]).isZero();
        });
        // The baseline: raw Camunda executed every one of as many bare timers, each once.
        assertThat(run.rawTimers.executed()).isEqualTo(settings.escalationTasks());
        assertThat(run.escalationWarmups).containsOnlyKeys(run.escalationCounts.keySet()).allSatisfy((label, counts) -> {
            assertThat(counts[0]).isEqualTo(run.warmupEscalations());
            assertThat(counts[1]).isZero();
        });

        // V30: job acquisition finds due jobs by an index of ours on the engine's job table.
        assertThat(run.jdbc.queryForList("select indexdef from pg_indexes where indexname = 'ggg_idx_act_ru_job_duedate'",
                String.class)).singleElement().asString().contains("act_ru_job", "(duedate_)");

        assertThat(report.rows).extracting(BenchmarkReport.Row::id).contains("DB", "P1", "P2", "P3", "P4");
        assertThat(report.markdown()).contains("## Figures", "| P1 |", "fsync=on");
    }

    @AfterEach
    void removeTheBenchmarkData() {
        if (standalone != null) {
            runtimeService.deleteProcessInstance(standalone, "BenchmarkQuickIT");
        }
        if (run != null) {
            run.removeWhatThisRunMade();
        }
    }
}
