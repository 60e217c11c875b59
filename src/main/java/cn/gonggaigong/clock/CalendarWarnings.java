package cn.gonggaigong.clock;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The administrators' list of missing holiday data: every year through which a deadline was counted with weekends
 * only (table {@code calendar_warning}, one row per year, shared by all nodes), and this year and the next when
 * they have no data yet.
 */
@Component
public class CalendarWarnings {

    private final JdbcTemplate jdbc;
    private final WorkingDayCalendar calendar;

    public CalendarWarnings(JdbcTemplate jdbc, WorkingDayCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    void record(WorkingDayCalendar.Deadline deadline, String where) {
        Timestamp now = Timestamp.from(ClockUtil.getCurrentTime().toInstant());
        for (Integer year : deadline.yearsWithoutData()) {
            jdbc.update("""
                    insert into calendar_warning (year, message, example, first_seen_at, last_seen_at)
                    values (?, ?, ?, ?, ?)
                    on conflict (year) do update set last_seen_at = excluded.last_seen_at,
                        example = excluded.example, occurrences = calendar_warning.occurrences + 1""",
                    year, "缺少" + year + "年的节假日数据：截止日期落在该年时只按周末计算，可能不准确。请补充 calendar/" + year + ".txt。",
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
