package cn.gonggaigong.monitor;

import cn.gonggaigong.clock.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@link WorkingDayCalendar} into table {@code working_day} (V26) at start, so SQL can count the working
 * days between two dates as the difference of their ordinals (the same answer as
 * {@link WorkingDayCalendar#workingDaysBetween}). Idempotent (upsert); a changed holiday file is picked up at the
 * next start. Only the days that differ from the table are written: after the first start that is none or a year's
 * worth, instead of upserting all 9,497 days at every start (0.5-0.8 s of a start on 2 cores; BENCHMARKS.md, P5).
 */
@Component
public class WorkingDayTable {

    static final LocalDate FIRST = LocalDate.of(2015, 1, 1);
    static final LocalDate LAST = LocalDate.of(2040, 12, 31);

    private static final Logger log = LoggerFactory.getLogger(WorkingDayTable.class);

    private final JdbcTemplate jdbc;
    private final WorkingDayCalendar calendar;

    public WorkingDayTable(JdbcTemplate jdbc, WorkingDayCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public int fill() {
        Map<LocalDate, Row> stored = new HashMap<>();
        jdbc.query("select day, ordinal, working from working_day",
                (RowCallbackHandler) rs ->
                        stored.put(rs.getDate(1).toLocalDate(), new Row(rs.getInt(2), rs.getBoolean(3))));
        List<Object[]> rows = new ArrayList<>();
        int ordinal = 0;
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            boolean working = calendar.isWorkingDay(day);
            if (working) {
                ordinal++;
            }
            if (!new Row(ordinal, working).equals(stored.get(day))) {
                rows.add(new Object[]{Date.valueOf(day), ordinal, working});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into working_day (day, ordinal, working) values (?, ?, ?) on conflict (day) do update"
                    + " set ordinal = excluded.ordinal, working = excluded.working"
                    + " where working_day.ordinal <> excluded.ordinal or working_day.working <> excluded.working", rows);
        }
        log.info("工作日表 working_day：{} 至 {}，共 {} 个工作日（本次写入 {} 天）", FIRST, LAST, ordinal, rows.size());
        return rows.size();
    }

    private record Row(int ordinal, boolean working) {
    }
}
