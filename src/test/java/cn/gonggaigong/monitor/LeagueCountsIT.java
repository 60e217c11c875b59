package cn.gonggaigong.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

import cn.gonggaigong.ApplicationTestSupport;
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
            select k1, figure, sum(n) from (select figure, k1, n from monitor_count
                 union all select figure, k1, n from monitor_count_delta) c
             where figure in ('TASK_DONE', 'TASK_ON_TIME', 'PHASE_DONE', 'PHASE_DAYS')
             group by 1, 2 having sum(n) <> 0""";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private Map<String, Long> counted() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(COUNTED, rs -> {
            counts.put(rs.getString(1) + "|" + rs.getString(2), rs.getLong(3));
        });
        return counts;
    }

    private Map<String, Long> fromRows() {
        jdbc.queryForList("select monitor_rebuild_league(?)", ZoneId.systemDefault().getId());
        return counted();
    }

    @Test
    void theCountsKeptAsTheHistoryIsWrittenEqualTheHistoryCounted() {
        MonitorSeed.seed(jdbc, engine);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            Map<String, Long> kept = counted();
            // 后溪乡 (MonitorSeed): one step on time, one late, two phases of 2 and 3 working days.
            assertThat(kept).containsEntry("houxi|TASK_DONE", 2L).containsEntry("houxi|TASK_ON_TIME", 1L)
                    .containsEntry("houxi|PHASE_DONE", 2L).containsEntry("houxi|PHASE_DAYS", 5L);

            // 普侨镇's open step (MON-P1, due Fri 27 Nov) completed late on Tue 1 Dec: its phase began Mon 2 Nov.
            String p1 = jdbc.queryForObject("select process_instance_id from project where code = 'MON-P1'", String.class);
            Task step = engine.getTaskService().createTaskQuery().processDefinitionKey(MonitorSeed.PROBE_STEP).list().stream()
                    .filter(t -> MonitorSeed.rootOf(engine, t).equals(p1)).findFirst().orElseThrow();
            Map<String, Long> before = counted();
            ClockUtil.setCurrentTime(MonitorSeed.at("2026-12-01T10:00:00+08:00"));
            engine.getTaskService().complete(step.getId());
            Map<String, Long> after = counted();
            assertThat(after.getOrDefault("puqiao|TASK_DONE", 0L)).isEqualTo(before.getOrDefault("puqiao|TASK_DONE", 0L) + 1);
            assertThat(after.getOrDefault("puqiao|TASK_ON_TIME", 0L)).isEqualTo(before.getOrDefault("puqiao|TASK_ON_TIME", 0L));
            assertThat(after.getOrDefault("puqiao|PHASE_DONE", 0L)).isEqualTo(before.getOrDefault("puqiao|PHASE_DONE", 0L) + 1);
            assertThat(after.getOrDefault("puqiao|PHASE_DAYS", 0L) - before.getOrDefault("puqiao|PHASE_DAYS", 0L))
                    .as("2 Nov to 1 Dec in working days").isEqualTo(21L);

            // Everything counted as it happened is what the history holds.
            assertThat(fromRows()).isEqualTo(after);
            status.setRollbackOnly();
        });
    }
}
