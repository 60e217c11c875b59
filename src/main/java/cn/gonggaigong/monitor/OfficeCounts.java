package cn.gonggaigong.monitor;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.platform.EngineSql;

/**
 * 各单位办理时效's month figures (Flyway V60), kept as the statutory clock ends an office's step: per office (k1, the
 * clock's responsible group) and month of the completion (k2, China's), the steps completed (OFFICE_DONE), those with
 * a deadline (OFFICE_TIMED), those by it (OFFICE_ON_TIME) and their working days (OFFICE_DAYS). Delta rows on the
 * engine command's connection, so they commit or roll back with the clock's row; folded by monitor_compact() like
 * the others. {@code monitor_rebuild_offices()} makes the same figures from task_clock's rows (MonitorApiIT
 * compares the dashboard with the rows).
 */
public final class OfficeCounts {

    static final String DONE = "OFFICE_DONE";
    static final String TIMED = "OFFICE_TIMED";
    static final String ON_TIME = "OFFICE_ON_TIME";
    static final String DAYS = "OFFICE_DAYS";
    static final List<String> FIGURES = List.of(DONE, TIMED, ON_TIME, DAYS);

    private OfficeCounts() {
    }

    /** An office's step completed at {@code ended}, due at {@code due} (null: no deadline), in {@code days} working days. */
    public static void completed(EngineSql sql, String office, Instant ended, Instant due, int days) {
        String month = YearMonth.from(ended.atZone(WorkingDayCalendar.ZONE)).toString();
        List<String> values = new ArrayList<>(List.of("('" + DONE + "', ?, ?, 1)", "('" + DAYS + "', ?, ?, ?)"));
        List<Object> params = new ArrayList<>(List.of(office, month, office, month, days));
        if (due != null) {
            values.add("('" + TIMED + "', ?, ?, 1)");
            params.addAll(List.of(office, month));
            if (!ended.isAfter(due)) {
                values.add("('" + ON_TIME + "', ?, ?, 1)");
                params.addAll(List.of(office, month));
            }
        }
        sql.update("insert into monitor_count_delta (figure, k1, k2, n) values " + String.join(", ", values),
                params.toArray());
    }
}
