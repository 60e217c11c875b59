package cn.gonggaigong.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import cn.gonggaigong.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard's counts (V32: triggers on project and task_warning append changes, monitor_compact() folds them in)
 * always equal a count of the rows themselves: after projects move phase, change status, are created and deleted,
 * and warnings are raised, closed, re-dated and deleted; before and after folding; and after monitor_rebuild().
 * The changes are made in a transaction that is rolled back, so the shared test database keeps its data.
 */
class MonitorCountsIT extends ApplicationTestSupport {

    /** The counts made from the rows, the way monitor_rebuild() makes them. */
    private static final String FROM_ROWS = """
            select 'CELL' as figure, p.phase as k1, p.town_code as k2,
                   coalesce((select max(case w.grade when 'ESCALATED' then 3 when 'RED' then 2 when 'YELLOW' then 1 else 0 end)
                               from task_warning w where w.project_id = p.id and w.closed_at is null), 0) as k3, count(*) as n
              from project p where p.status = 'ACTIVE' and p.phase is not null group by 1, 2, 3, 4
            union all select 'ENTERED', monitor_month(created_at), '', 0, count(*) from project group by 2
            union all select 'RAISED', monitor_month(raised_at), '', 0, count(*) from task_warning group by 2
            union all select 'CLOSED', monitor_month(closed_at), '', 0, count(*) from task_warning
                       where closed_at is not null group by 2""";

    private static final String COUNTED = """
            select figure, k1, k2, k3, sum(n) as n from (select figure, k1, k2, k3, n from monitor_count
                 union all select figure, k1, k2, k3, n from monitor_count_delta) c
             where figure in ('CELL', 'ENTERED', 'RAISED', 'CLOSED')
             group by 1, 2, 3, 4 having sum(n) <> 0""";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theCountsFollowEveryChangeOfProjectsAndWarnings() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            long project = jdbc.queryForObject("""
                    insert into project (code, name, town_code, applicant_name, applicant_user_id, applicant_type,
                        renovation_mode, renovation_type, ownership, land_area_sqm, land_area_mu, existing_floor_area,
                        current_plot_ratio, planned_floor_area, planned_plot_ratio, industry_category, investment,
                        key_industry_project, pilot_project, contiguous_area_mu, historical_land_procedures,
                        government_subject, plan_year, status, phase, created_at, updated_at, version)
                    values ('CNT-1', '计数测试项目', 'zhanlong', '计数测试企业', 'applicant1', 'OWNER', 'SELF', 'FULL',
                        'SINGLE', 10000, 15, 8000, 0.8, 30000, 3.0, 'LIGHT_TEXTILE', 50000000, false, false, 0, false,
                        false, 2026, 'ACTIVE', 'INTAKE', '2026-10-31T17:00:00Z', now(), 0)
                    returning id""", Long.class);
            assertCountsMatchRows();
            jdbc.update("update project set phase = 'SUBJECT_CONFIRMATION' where id = ?", project);
            jdbc.update("update project set town_code = 'liushadong' where id = ?", project);
            assertCountsMatchRows();

            warning(project, "t1", "YELLOW", "2026-11-02T01:00:00Z");
            warning(project, "t2", "RED", "2026-11-30T17:00:00Z"); // 1 December in China
            warning(project, "t3", "URGE", "2026-11-05T01:00:00Z");
            assertThat(jdbc.queryForObject("select warning_rank from project where id = ?", Integer.class, project)).isEqualTo(2);
            assertCountsMatchRows();
            jdbc.update("update task_warning set closed_at = '2026-12-03T02:00:00Z' where task_id = 't2'");
            assertThat(jdbc.queryForObject("select warning_rank from project where id = ?", Integer.class, project)).isEqualTo(1);
            assertCountsMatchRows();
            jdbc.update("update task_warning set raised_at = '2026-09-02T01:00:00Z' where task_id = 't1'");
            jdbc.update("delete from task_warning where task_id = 't3'");
            assertCountsMatchRows();

            // The application folds every minute too; while it holds the lock, monitor_compact() returns 0 at once.
            int folded = 0;
            for (int attempt = 0; attempt < 50 && folded == 0; attempt++) {
                folded = jdbc.queryForObject("select monitor_compact()", Integer.class);
                if (folded == 0) {
                    pause();
                }
            }
            assertThat(folded).isPositive();
            assertThat(jdbc.queryForObject("select count(*) from monitor_count_delta", Long.class)).isZero();
            assertCountsMatchRows();

            jdbc.update("update project set status = 'COMPLETED' where id = ?", project);
            assertCountsMatchRows();
            jdbc.update("delete from task_warning where project_id = ?", project);
            jdbc.update("delete from project where id = ?", project);
            assertCountsMatchRows();

            jdbc.queryForList("select monitor_rebuild()");
            assertThat(jdbc.queryForObject("select count(*) from monitor_count_delta", Long.class)).isZero();
            assertCountsMatchRows();
            status.setRollbackOnly();
        });
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void warning(long project, String task, String grade, String raisedAt) {
        jdbc.update("""
                insert into task_warning (project_id, town_code, task_id, task_definition_key, task_name,
                    responsible_group, grade, raised_at, message)
                values (?, 'liushadong', ?, 'Task_Count', '计数测试事项', 'town-liushadong', ?, cast(? as timestamptz), '测试')""",
                project, task, grade, raisedAt);
    }

    private void assertCountsMatchRows() {
        assertThat(counts(COUNTED)).isEqualTo(counts(FROM_ROWS));
    }

    private Map<String, Long> counts(String sql) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getInt(4), rs.getLong(5));
        });
        return counts;
    }
}
