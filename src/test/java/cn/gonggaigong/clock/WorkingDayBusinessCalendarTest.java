package cn.gonggaigong.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.junit.jupiter.api.Test;

class WorkingDayBusinessCalendarTest {

    private final WorkingDayCalendar calendar = HolidayData.load(null);
    private final List<String> warnings = new ArrayList<>();
    private final WorkingDayBusinessCalendar duration = new WorkingDayBusinessCalendar(new DurationBusinessCalendar(),
            calendar, (deadline, where) -> warnings.add(deadline.warning() + " " + where));

    @Test
    void readsWorkingDaysInEnglishAndChinese() {
        assertThat(WorkingDays.parse("10 working days")).hasValue(10);
        assertThat(WorkingDays.parse("1 working day")).hasValue(1);
        assertThat(WorkingDays.parse(" 10个工作日 ")).hasValue(10);
        assertThat(WorkingDays.parse("5工作日")).hasValue(5);
        assertThat(WorkingDays.parse("P10D")).isEmpty();
        assertThat(WorkingDays.parse("10 days")).isEmpty();
        assertThat(WorkingDays.parse(null)).isEmpty();
    }

    @Test
    void workingDaysCountFromTheStartAndIsoDurationsStayCamundas() {
        Date start = Date.from(cst("2025-09-26T10:00"));
        assertThat(duration.resolveDuedate("10个工作日", start).toInstant()).isEqualTo(cst("2025-10-16T23:59:59"));
        assertThat(duration.resolveDuedate("PT2H", start).toInstant()).isEqualTo(cst("2025-09-26T12:00"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void aDueDateInAYearWithoutHolidayDataIsReported() {
        Date start = Date.from(cst("2031-12-24T10:00"));
        // weekends and the law's fixed days (StatutoryHolidays): 25, 26, 29, 30, 31 December, (1 January, 元旦), 2 and 5 January
        assertThat(duration.resolveDuedate("7 working days", start).toInstant()).isEqualTo(cst("2032-01-05T23:59:59"));
        assertThat(warnings).singleElement().asString().contains("[2031, 2032]").contains("7 working days");
    }

    @Test
    void minusWorkingDaysSkipsTheHolidayAndCountsMakeUpDays() {
        assertThat(calendar.minusWorkingDays(java.time.LocalDate.of(2025, 10, 13), 2)).isEqualTo(java.time.LocalDate.of(2025, 10, 10));
        assertThat(calendar.minusWorkingDays(java.time.LocalDate.of(2025, 10, 9), 1)).isEqualTo(java.time.LocalDate.of(2025, 9, 30));
        assertThat(calendar.minusWorkingDays(java.time.LocalDate.of(2025, 9, 29), 1)).isEqualTo(java.time.LocalDate.of(2025, 9, 28));
    }

    private static Instant cst(String local) {
        return LocalDateTime.parse(local).atZone(WorkingDayCalendar.ZONE).toInstant();
    }
}
