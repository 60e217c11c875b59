package cn.gonggaigong.clock;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The administrators' list of missing holiday data: every year through which a deadline was counted with weekends
 * only (table {@code calendar_warning}, one row per year, shared by all nodes), and this year and the next when
 * they have no data yet.
 * <p>
 * A deadline is counted while a task is created, inside the engine's transaction; the year's row is written after
 * that transaction commits, in a short transaction of its own. Written inside, the row of the year would stay locked
 * until the task's whole step commits, and every other step creating a task due in that year would wait for it.
 */
@Component
public class CalendarWarnings {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarWarnings.class);

    private final JdbcTemplate jdbc;
    private final WorkingDayCalendar calendar;
    private final TransactionTemplate ownTransaction;

    public CalendarWarnings(JdbcTemplate jdbc, WorkingDayCalendar calendar, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Keeps the warning: after the current transaction commits (nothing if it rolls back), or now without one. */
    void record(WorkingDayCalendar.Deadline deadline, String where) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(deadline, where);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    ownTransaction.executeWithoutResult(status -> write(deadline, where));
                } catch (RuntimeException e) {
                    // The step itself has committed; the warning is in the log already (CalendarWarningSink).
                    LOG.error("节假日数据缺失提示未能保存（{}）", where, e);
                }
            }
        });
    }

    private void write(WorkingDayCalendar.Deadline deadline, String where) {
        Timestamp now = Timestamp.from(ClockUtil.getCurrentTime().toInstant());
        for (Integer year : deadline.yearsWithoutData()) {
            jdbc.update("""
                    insert into calendar_warning (year, message, example, first_seen_at, last_seen_at)
                    values (?, ?, ?, ?, ?)
                    on conflict (year) do update set last_seen_at = excluded.last_seen_at,
                        example = excluded.example, occurrences = calendar_warning.occurrences + 1""",
                    year, "缺少" + year + "年的节假日数据：截止日期落在该年时只按周末和法定节假日推算（未含调休），可能不准确。请补充 calendar/" + year + ".txt。",
                    truncate(where + " 截止 " + deadline.dueDay()), now, now);
        }
    }

    public List<Map<String, Object>> list() {
        List<Map<String, Object>> warnings = new ArrayList<>();
        int thisYear = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), WorkingDayCalendar.ZONE).getYear();
        for (int year = thisYear; year <= thisYear + 1; year++) {
            if (!calendar.hasDataFor(year)) {
                warnings.add(Map.of("year", year, "message", "尚无" + year + "年的节假日数据，请在国务院办公厅发布通知后补充。"));
            }
        }
        for (Map<String, Object> row : jdbc.queryForList(
                "select year, message, example, first_seen_at, last_seen_at, occurrences from calendar_warning order by year")) {
            row.computeIfPresent("first_seen_at", (k, v) -> ((Timestamp) v).toInstant());
            row.computeIfPresent("last_seen_at", (k, v) -> ((Timestamp) v).toInstant());
            warnings.add(row);
        }
        return warnings;
    }

    private static String truncate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200);
    }
}
