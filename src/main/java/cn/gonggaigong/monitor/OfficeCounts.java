package cn.gonggaigong.monitor;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.platform.EngineSql;

/**
 * 各单位办理时效's figures (Flyway V60), kept as the statutory clock starts and ends an office's step: per office (k1,
 * the clock's responsible group) the steps open now (OFFICE_OPEN), and per month of a completion (k2, China's) the
 * steps completed (OFFICE_DONE, k3: {@link #NO_DEADLINE}, {@link #LATE} or {@link #ON_TIME}) and their working days
 * (OFFICE_DAYS): three delta rows for a completed step, one as it starts. Delta rows on the engine command's
 * connection, so they commit or roll back with the clock's row; folded by monitor_compact() like the others.
 * {@code monitor_rebuild_offices()} makes the same figures from task_clock's rows (LeagueCountsIT compares them;
 * MonitorApiIT the dashboard with the rows).
 */
public final class OfficeCounts {

    static final String DONE = "OFFICE_DONE";
    static final String DAYS = "OFFICE_DAYS";
    /** Steps open now per office (k2 empty): one up as a step begins, one down as it ends. */
    static final String OPEN = "OFFICE_OPEN";
    static final List<String> FIGURES = List.of(DONE, DAYS, OPEN);
    /** k3 of OFFICE_DONE: the step had no deadline, was completed after it, or by it. */
    static final int NO_DEADLINE = 0;
    static final int LATE = 1;
    static final int ON_TIME = 2;

    private OfficeCounts() {
    }

    /** An office's step began: one more open. */
    public static void opened(EngineSql sql, String office) {
        sql.update("insert into monitor_count_delta (figure, k1, n) values ('" + OPEN + "', ?, 1)", office);
    }

    /**
     * An office's step ended at {@code ended}: one fewer open; when it was completed, due at {@code due} (null: no
     * deadline), in {@code days} working days, the month's figures too.
     */
    public static void ended(EngineSql sql, String office, boolean completed, Instant ended, Instant due, int days) {
        if (!completed) {
            sql.update("insert into monitor_count_delta (figure, k1, n) values ('" + OPEN + "', ?, -1)", office);
            return;
        }
        String month = YearMonth.from(ended.atZone(WorkingDayCalendar.ZONE)).toString();
        int timeliness = due == null ? NO_DEADLINE : ended.isAfter(due) ? LATE : ON_TIME;
        sql.update("insert into monitor_count_delta (figure, k1, k2, k3, n) values ('" + OPEN + "', ?, '', 0, -1),"
                        + " ('" + DONE + "', ?, ?, ?, 1), ('" + DAYS + "', ?, ?, 0, ?)",
                office, office, month, timeliness, office, month, days);
    }
}
