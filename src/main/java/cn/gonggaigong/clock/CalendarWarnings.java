package cn.gonggaigong.clock;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
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
 * <p>
 * Each December nearly every task is due in a year whose notice is not out yet. Written for each of them, the one row
 * of that year was one more transaction per step, all steps of all nodes updating the same row, and one WARN line
 * each. So a node writes a year's row (and logs it) at once the first time, then at most once per {@link #INTERVAL},
 * with the deadlines counted in between added to {@code occurrences}; a scheduled flush and the node's shutdown write
 * what is left. The row, which {@code DeadlineRecount} looks for, is there from the first deadline on.
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
            count(deadline, where);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count(deadline, where);
            }
        });
    }

    /** How often a node writes a year's row and logs it, at most. */
    static final Duration INTERVAL = Duration.ofMinutes(1);

    /** Per year: deadlines counted and not written yet, the latest example, when this node last wrote the row. */
    private static final class Pending {
        long count;
        String example;
        Instant written;
    }

    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();

    private void count(WorkingDayCalendar.Deadline deadline, String where) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        for (Integer year : deadline.yearsWithoutData()) {
            boolean due;
            Pending p = pending.computeIfAbsent(year, y -> new Pending());
            synchronized (p) {
                p.count++;
                p.example = truncate(where + " 截止 " + deadline.dueDay());
                due = p.written == null || !now.isBefore(p.written.plus(INTERVAL));
            }
            if (due) {
                write(year, p, now);
            }
        }
    }

    /** Writes what this node counted and has not written yet, for every year (every minute, and at shutdown). */
    @Scheduled(initialDelayString = "${ggg.calendar-warnings.flush-interval:PT1M}",
            fixedDelayString = "${ggg.calendar-warnings.flush-interval:PT1M}")
    @PreDestroy
    public void flush() {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        pending.forEach((year, p) -> write(year, p, now));
    }

    private void write(int year, Pending p, Instant now) {
        long n;
        String example;
        synchronized (p) {
            n = p.count;
            example = p.example;
            if (n == 0) {
                return;
            }
            p.count = 0;
            p.written = now;
        }
        LOG.warn("缺少{}年的节假日数据：{} 个截止日期只按周末和法定节假日推算（未含调休），例如 {}", year, n, example);
        try {
            ownTransaction.executeWithoutResult(status -> upsert(year, n, example, Timestamp.from(now)));
        } catch (RuntimeException e) {
            // The steps themselves have committed, and the log says it; counted again with the next write.
            synchronized (p) {
                p.count += n;
            }
            LOG.error("节假日数据缺失提示未能保存（{}年）", year, e);
        }
    }

    private void upsert(int year, long n, String example, Timestamp now) {
        jdbc.update("""
                insert into calendar_warning (year, message, example, first_seen_at, last_seen_at, occurrences)
                values (?, ?, ?, ?, ?, ?)
                on conflict (year) do update set last_seen_at = excluded.last_seen_at,
                    example = excluded.example, occurrences = calendar_warning.occurrences + excluded.occurrences""",
                year, "缺少" + year + "年的节假日数据：截止日期落在该年时只按周末和法定节假日推算（未含调休），可能不准确。请补充 calendar/" + year + ".txt。",
                example, now, now, n);
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
