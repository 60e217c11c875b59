package cn.gonggaigong.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.gonggaigong.ApplicationTestSupport;
import cn.gonggaigong.monitor.MonitorViews.LeagueRow;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The league's counts (V37, kept by {@link LeagueCounts} as the engine writes its history) equal what
 * monitor_rebuild_league() counts from the history rows: for everything the engine has done in this database, and for
 * a step completed on time, one completed late and a phase ended just now. The new work is done in a transaction that
 * is rolled back (the engine joins it), so the shared test database keeps its data.
 */
class LeagueCountsIT extends ApplicationTestSupport {

    private static final String COUNTED = """
            select k1, figure, k2, sum(n) from (select figure, k1, k2, n from monitor_count
                 union all select figure, k1, k2, n from monitor_count_delta) c
             where figure in ('TASK_DONE', 'TASK_ON_TIME', 'PHASE_DONE', 'PHASE_DAYS')
             group by 1, 2, 3 having sum(n) <> 0""";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MonitorQueries queries;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private Map<String, Long> counted() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(COUNTED, rs -> {
            String whose = rs.getString(3);
            counts.put(rs.getString(1) + "|" + rs.getString(2) + (whose.isEmpty() ? "" : "|" + whose), rs.getLong(4));
        });
        return counts;
    }

    private Map<String, Long> fromRows() {
        jdbc.queryForList("select monitor_rebuild_league(?)", ZoneId.systemDefault().getId());
        return counted();
    }

    /** The open probe step of a seeded project (MonitorSeed). */
    private Task stepOf(String code) {
        String root = jdbc.queryForObject("select process_instance_id from project where code = ?", String.class, code);
        return engine.getTaskService().createTaskQuery().processDefinitionKey(MonitorSeed.PROBE_STEP).list().stream()
                .filter(t -> MonitorSeed.rootOf(engine, t).equals(root)).findFirst().orElseThrow();
    }

    @Test
    void theCountsKeptAsTheHistoryIsWrittenEqualTheHistoryCounted() {
        MonitorSeed.seed(jdbc, engine);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            Map<String, Long> kept = counted();
            // 后溪乡 (MonitorSeed): one step on time, one late, two phases of 2 and 3 working days.
            assertThat(kept).containsEntry("houxi|TASK_DONE|OWN", 2L).containsEntry("houxi|TASK_ON_TIME|OWN", 1L)
                    .containsEntry("houxi|PHASE_DONE", 2L).containsEntry("houxi|PHASE_DAYS", 5L);

            // 普侨镇's open step (MON-P1, due Fri 27 Nov) completed late on Tue 1 Dec: its phase began Mon 2 Nov.
            Task step = stepOf("MON-P1");
            Map<String, Long> before = counted();
            ClockUtil.setCurrentTime(MonitorSeed.at("2026-12-01T10:00:00+08:00"));
            engine.getTaskService().complete(step.getId());
            Map<String, Long> after = counted();
            assertThat(after.getOrDefault("puqiao|TASK_DONE|OWN", 0L)).isEqualTo(before.getOrDefault("puqiao|TASK_DONE|OWN", 0L) + 1);
            assertThat(after.getOrDefault("puqiao|TASK_ON_TIME|OWN", 0L)).isEqualTo(before.getOrDefault("puqiao|TASK_ON_TIME|OWN", 0L));
            assertThat(after.getOrDefault("puqiao|PHASE_DONE", 0L)).isEqualTo(before.getOrDefault("puqiao|PHASE_DONE", 0L) + 1);
            assertThat(after.getOrDefault("puqiao|PHASE_DAYS", 0L) - before.getOrDefault("puqiao|PHASE_DAYS", 0L))
                    .as("2 Nov to 1 Dec in working days").isEqualTo(21L);

            // Everything counted as it happened is what the history holds.
            assertThat(fromRows()).isEqualTo(after);
            status.setRollbackOnly();
        });
    }

    /** 各单位办理时效's counts (V60, kept by OfficeCounts as the statutory clock starts and ends a step), by office, figure, month. */
    private Map<String, Long> officeCounts() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("""
                select k1, figure, k2, k3, sum(n) from (select figure, k1, k2, k3, n from monitor_count
                     union all select figure, k1, k2, k3, n from monitor_count_delta) c
                 where figure in ('OFFICE_OPEN', 'OFFICE_DONE', 'OFFICE_DAYS')
                 group by 1, 2, 3, 4 having sum(n) <> 0""", rs -> {
            counts.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getInt(4), rs.getLong(5));
        });
        return counts;
    }

    @Test
    void theOfficesCountsKeptAsStepsEndEqualTheClocksRowsCounted() {
        MonitorSeed.seed(jdbc, engine);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            // 普侨镇's open step (MON-P1, due Fri 27 Nov) completed late on Tue 1 Dec: December's figures grow by one.
            Task step = stepOf("MON-P1");
            Map<String, Long> before = officeCounts();
            ClockUtil.setCurrentTime(MonitorSeed.at("2026-12-01T10:00:00+08:00"));
            engine.getTaskService().complete(step.getId());
            Map<String, Long> after = officeCounts();
            String late = "town-puqiao|OFFICE_DONE|2026-12|" + OfficeCounts.LATE;
            String onTime = "town-puqiao|OFFICE_DONE|2026-12|" + OfficeCounts.ON_TIME;
            assertThat(after.getOrDefault(late, 0L)).as("completed late").isEqualTo(before.getOrDefault(late, 0L) + 1);
            assertThat(after.getOrDefault(onTime, 0L)).isEqualTo(before.getOrDefault(onTime, 0L));
            // Open now: the step ended, the lifecycle's next step of the town began.
            assertThat(after.getOrDefault("town-puqiao|OFFICE_OPEN||0", 0L)).as("open now").isEqualTo(jdbc.queryForObject(
                    "select count(*) from task_clock where ended_at is null and clock = 'OFFICE' and responsible_group = 'town-puqiao'",
                    Long.class)).isPositive();
            // Everything counted as it happened is what task_clock's rows hold.
            jdbc.queryForList("select monitor_rebuild_offices()");
            assertThat(officeCounts()).isEqualTo(after);
            status.setRollbackOnly();
        });
    }

    @Test
    void aStepOfAnotherOfficeInATownsProjectCountsForTheCityNotForTheTownsLeagueRow() {
        MonitorSeed.seed(jdbc, engine);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            // 普侨镇's MON-P3: its step (due Thu 10 Dec) handed to the natural resources bureau and done late by it.
            Task step = stepOf("MON-P3");
            ClockUtil.setCurrentTime(MonitorSeed.at("2026-12-07T09:00:00+08:00"));
            engine.getTaskService().deleteCandidateGroup(step.getId(), "town-puqiao");
            engine.getTaskService().addCandidateGroup(step.getId(), "nrb");
            long p3Id = jdbc.queryForObject("select id from project where code = 'MON-P3'", Long.class);
            jdbc.update("""
                    insert into task_warning (project_id, town_code, task_id, task_definition_key, task_name,
                        responsible_group, grade, raised_at, message)
                    values (?, 'puqiao', ?, 'Task_Step', '监测探针事项', 'nrb', 'RED', now(), '测试预警')""", p3Id, step.getId());

            Map<String, Long> before = counted();
            LeagueRow puqiaoBefore = puqiao();
            MonitorViews.Totals totalsBefore = queries.totals();
            ClockUtil.setCurrentTime(MonitorSeed.at("2026-12-14T10:00:00+08:00"));
            engine.getTaskService().complete(step.getId());
            Map<String, Long> after = counted();

            assertThat(after.getOrDefault("puqiao|TASK_DONE|OWN", 0L)).isEqualTo(before.getOrDefault("puqiao|TASK_DONE|OWN", 0L));
            assertThat(after.getOrDefault("puqiao|TASK_DONE|OTHER", 0L))
                    .isEqualTo(before.getOrDefault("puqiao|TASK_DONE|OTHER", 0L) + 1);
            assertThat(after.getOrDefault("puqiao|TASK_ON_TIME|OTHER", 0L))
                    .isEqualTo(before.getOrDefault("puqiao|TASK_ON_TIME|OTHER", 0L));
            // The league row is the town's own work: neither the bureau's late step nor the red warning on it.
            LeagueRow puqiaoAfter = puqiao();
            assertThat(puqiaoAfter.completedTasks()).isEqualTo(puqiaoBefore.completedTasks());
            assertThat(puqiaoAfter.onTimeTasks()).isEqualTo(puqiaoBefore.onTimeTasks());
            assertThat(puqiaoAfter.openRedWarnings()).as("P1's, seeded on the town's step").isEqualTo(1L);
            assertThat(puqiaoAfter.completedPhases()).isEqualTo(puqiaoBefore.completedPhases() + 1);
            // The city's cards count it.
            MonitorViews.Totals totalsAfter = queries.totals();
            assertThat(totalsAfter.completedTasks()).isEqualTo(totalsBefore.completedTasks() + 1);
            assertThat(totalsAfter.onTimeTasks()).isEqualTo(totalsBefore.onTimeTasks());
            assertThat(jdbc.queryForObject("select count(*) from task_warning where closed_at is null and grade = 'RED'",
                    Long.class)).isEqualTo(totalsAfter.openRedWarnings());
            // The league's drill-downs list what the row counts: P3 is not among 普侨镇's late or red projects.
            assertThat(codes(queries.projects(Figure.LATE_TASKS, "puqiao", null, null, null, 0, 50))).doesNotContain("MON-P3");
            assertThat(codes(queries.projects(Figure.OPEN_RED, "puqiao", null, null, null, 0, 50)))
                    .containsExactly("MON-P1");

            assertThat(fromRows()).isEqualTo(after);
            status.setRollbackOnly();
        });
    }

    private LeagueRow puqiao() {
        return queries.league().stream().filter(r -> r.townCode().equals("puqiao")).findFirst().orElseThrow();
    }

    private static List<String> codes(MonitorViews.ProjectList list) {
        return list.items().stream().map(MonitorViews.ProjectItem::code).toList();
    }
}
