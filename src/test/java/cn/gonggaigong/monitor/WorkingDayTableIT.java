package cn.gonggaigong.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import cn.gonggaigong.ApplicationTestSupport;
import cn.gonggaigong.clock.WorkingDayCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The working-day table at start: complete after the first start, and later starts write only the days that differ. */
class WorkingDayTableIT extends ApplicationTestSupport {

    @Autowired
    WorkingDayTable table;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aStartWritesOnlyTheDaysThatDiffer() {
        // The application's start has filled it: every day, in step with the calendar.
        assertThat(table.fill()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from working_day", Long.class))
                .isEqualTo(WorkingDayTable.FIRST.datesUntil(WorkingDayTable.LAST.plusDays(1)).count());

        // 2025-10-01 (National Day) is a holiday; a stale table says otherwise, and one day is missing.
        LocalDate nationalDay = LocalDate.of(2025, 10, 1);
        assertThat(calendar.isWorkingDay(nationalDay)).isFalse();
        Integer ordinal = jdbc.queryForObject("select ordinal from working_day where day = ?", Integer.class, nationalDay);
        jdbc.update("update working_day set working = true, ordinal = ordinal + 1 where day = ?", nationalDay);
        jdbc.update("delete from working_day where day = ?", LocalDate.of(2030, 6, 3));

        assertThat(table.fill()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select working from working_day where day = ?", Boolean.class, nationalDay)).isFalse();
        assertThat(jdbc.queryForObject("select ordinal from working_day where day = ?", Integer.class, nationalDay))
                .isEqualTo(ordinal);
        assertThat(jdbc.queryForObject("select count(*) from working_day where day = ?", Long.class,
                LocalDate.of(2030, 6, 3))).isOne();
        assertThat(table.fill()).isZero();
    }
}
