package cn.gonggaigong.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda's homogeneous cluster: two engine nodes on one PostgreSQL, each with its job executor. 500 tasks fall
 * due together (the engine clock moved past all three grades); node A stops while they are being raised; node B
 * takes over A's locked jobs once their lock expires. Exactly 500 warnings of each grade: none twice, none lost.
 */
class TwoNodeEscalationTest {

    private static final int TASKS = 500;
    private static final String PROCESS = "ClusterEscalation";
    private static final String TASK = "Task_ClusterDue";

    private static ProcessEngine nodeA;
    private static ProcessEngine nodeB;

    @AfterAll
    static void stop() {
        ClockUtil.reset();
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void fiveHundredTasksFallDueTogetherOnTwoNodesAndOneStopsMidway() throws InterruptedException {
        long t0 = System.nanoTime();
        nodeA = ClockTestEngines.engine("cluster-node-a", List.of());
        nodeB = ClockTestEngines.engine("cluster-node-b", List.of());
        JdbcTemplate jdbc = ClockTestEngines.jdbc();
        ClockTestEngines.deployModels(nodeA); // and the users who are notified
        nodeA.getRepositoryService().createDeployment()
                .addModelInstance(PROCESS + ".bpmn", org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(PROCESS)
                        .camundaHistoryTimeToLive(1).startEvent()
                        .userTask(TASK).name("集群测试事项").camundaCandidateGroups(ClockTestEngines.TOWN_GROUP)
                        .endEvent().done())
                .deploy();

        long t1 = System.nanoTime();
        Instant start = StatutoryClockProcessTest.cst("2025-09-23T10:00");
        ClockUtil.setCurrentTime(Date.from(start));
        for (int i = 0; i < TASKS; i++) {
            ProcessInstance instance = (i % 2 == 0 ? nodeA : nodeB).getRuntimeService()
                    .startProcessInstanceByKey(PROCESS, Map.of("townCode", "zhanlong"));
            assertThat(instance.isEnded()).isFalse();
        }
        assertThat(jobCount(jdbc)).isEqualTo(3 * TASKS);
        long t2 = System.nanoTime();

        // Every grade of every task is due (the limit ends 13 October, escalation 16 October).
        ClockUtil.setCurrentTime(Date.from(StatutoryClockProcessTest.cst("2025-11-03T09:00")));
        JobExecutor executorA = ClockTestEngines.configuration(nodeA).getJobExecutor();
        JobExecutor executorB = ClockTestEngines.configuration(nodeB).getJobExecutor();
        for (JobExecutor executor : List.of(executorA, executorB)) {
            executor.setWaitTimeInMillis(100); // idle nodes look again soon (the default backs off to a minute)
            executor.setMaxWait(500);
            executor.start();
        }

        waitUntil(() -> warnings(jdbc) >= TASKS, Duration.ofMinutes(3));
        nodeA.close(); // stops A's job executor; jobs it had acquired but not run stay locked in the database
        nodeA = null;
        int raisedWhenAStopped = warnings(jdbc);
        System.out.printf("node A stopped after %d of %d warnings%n", raisedWhenAStopped, 3 * TASKS);

        // Time passes beyond the job lock (5 minutes by default): B acquires what A left locked.
        ClockUtil.setCurrentTime(Date.from(StatutoryClockProcessTest.cst("2025-11-03T09:30")));
        waitUntil(() -> jobCount(jdbc) == 0, Duration.ofMinutes(5));

        long t3 = System.nanoTime();
        System.out.printf("engines and database %d ms, %d tasks started %d ms, %d warnings raised %d ms%n",
                (t1 - t0) / 1_000_000, TASKS, (t2 - t1) / 1_000_000, 3 * TASKS, (t3 - t2) / 1_000_000);
        assertThat(raisedWhenAStopped).isLessThan(3 * TASKS);
        List<Map<String, Object>> byGrade = jdbc.queryForList(
                "select grade, count(*) as n, count(distinct task_id) as tasks from task_warning where task_definition_key = ? group by grade order by grade",
                TASK);
        assertThat(byGrade).hasSize(3);
        for (Map<String, Object> grade : byGrade) {
            assertThat(((Number) grade.get("n")).intValue()).as(grade.get("grade") + " warnings").isEqualTo(TASKS);
            assertThat(((Number) grade.get("tasks")).intValue()).as(grade.get("grade") + " tasks").isEqualTo(TASKS);
        }
        assertThat(jdbc.queryForObject("""
                select count(*) from notification n join task_warning w on w.id = n.warning_id
                where w.task_definition_key = ? and n.user_id = 'zhanlong1'""", Integer.class, TASK)).isEqualTo(3 * TASKS);
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_INCIDENT", Integer.class)).isZero();
    }

    private static int jobCount(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                select count(*) from ACT_RU_JOB j join ACT_RU_TASK t on j.HANDLER_CFG_ like t.ID_ || ':%'
                where j.HANDLER_TYPE_ = ? and t.TASK_DEF_KEY_ = ?""", Integer.class, WarningJobHandler.TYPE, TASK);
    }

    private static int warnings(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from task_warning where task_definition_key = ?", Integer.class, TASK);
    }

    /** Polls the database until the condition holds (the job executors run on their own threads). */
    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("gave up waiting after " + limit);
            }
            Thread.sleep(100);
        }
    }
}
