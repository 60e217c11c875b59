package cn.gonggaigong.escalation;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import cn.gonggaigong.clock.WorkingDayCalendar;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deadlines counted through a year without its State Council holiday notice were provisional (only the days the law
 * fixes, {@code StatutoryHolidays}); once the year's file is added and the application restarted, the open tasks'
 * deadlines are counted again with it — due date, task lists and warning timers ({@link StatutoryClock#recount}) —
 * and the administrators' warning for that year ({@code calendar_warning}) is closed.
 * <p>
 * In batches of {@value #BATCH} tasks, each in a transaction of its own. A node that loses a task to another node
 * doing the same at the same start (an optimistic lock) leaves it to that node; a node stopped half-way leaves the
 * warning open, and the next start does the rest (a deadline already right is not touched).
 */
@Component
public class DeadlineRecount {

    static final int BATCH = 200;

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineRecount.class);

    private final JdbcTemplate jdbc;
    private final ProcessEngineConfigurationImpl engine;
    private final StatutoryClock clock;

    public DeadlineRecount(JdbcTemplate jdbc, ProcessEngineConfigurationImpl engine, StatutoryClock clock) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void afterStart() {
        recountAddedYears();
    }

    /** Counts again the open deadlines of the years that now have their file; returns how many moved. */
    public int recountAddedYears() {
        WorkingDayCalendar calendar = clock.calendar();
        List<Integer> years = jdbc.queryForList("select year from calendar_warning order by year", Integer.class)
                .stream().filter(calendar::hasDataFor).toList();
        if (years.isEmpty()) {
            return 0;
        }
        // A deadline counted through a year ends in it or after it.
        Timestamp from = Timestamp.from(LocalDate.of(years.get(0), 1, 1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
        int moved = 0;
        String after = "";
        while (true) {
            List<String> batch = jdbc.queryForList("""
                    select task_id from task_clock
                     where ended_at is null and limit_working_days is not null and due_at >= ? and task_id > ?
                     order by task_id limit ?""", String.class, from, after, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            after = batch.get(batch.size() - 1);
            try {
                moved += engine.getCommandExecutorTxRequired().execute(context -> clock.recount(context, batch)).size();
            } catch (OptimisticLockingException e) {
                LOG.info("另一节点正在重新计算这批待办的办理期限，本节点跳过（{} 项，至 {}）", batch.size(), after);
            }
        }
        jdbc.update("delete from calendar_warning where year in (" + String.join(",", years.stream().map(String::valueOf).toList()) + ")");
        LOG.info("已按新增的 {} 年节假日安排重新计算待办的办理期限：{} 项期限有变化", years, moved);
        return moved;
    }
}
