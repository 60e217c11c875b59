package cn.gonggaigong.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The holidays the law fixes on Gregorian dates, for a year whose State Council notice is missing: checked against
 * the notices of 2025 and 2026 (every day computed, 补假 included, is a day off in the notice), and what they give for
 * 2027, whose notice is not in the application.
 */
class StatutoryHolidaysTest {

    private final WorkingDayCalendar shipped = HolidayData.load(null);

    @Test
    void theStatutoryDaysOf2025And2026AreDaysOffInTheirNotices() {
        for (int year : new int[] {2025, 2026}) {
            Map<LocalDate, String> computed = StatutoryHolidays.of(year).daysOff();
            assertThat(shipped.years().get(year).daysOff()).as("%d notice", year)
                    .containsKeys(computed.keySet().toArray(LocalDate[]::new));
        }
        // 清明 on Sat 5 Apr 2026 in the notice's sense (4–6 Apr off): the solar term's day and its 补假 on Monday.
        assertThat(StatutoryHolidays.of(2026).daysOff()).containsEntry(LocalDate.of(2026, 4, 5), "清明节")
                .containsEntry(LocalDate.of(2026, 4, 6), "清明节补假");
        assertThat(StatutoryHolidays.qingming(2024)).isEqualTo(LocalDate.of(2024, 4, 4));
        assertThat(StatutoryHolidays.qingming(2025)).isEqualTo(LocalDate.of(2025, 4, 4));
    }

    @Test
    void twentyTwentySevenWithoutItsNoticeKeepsTheDaysTheLawFixes() {
        // 元旦 on a Friday; 劳动节 on Sat 1 and Sun 2 May, 补假 Mon 3 and Tue 4; 国庆 Fri 1 to Sun 3 Oct, 补假 Mon 4, Tue 5.
        assertThat(StatutoryHolidays.of(2027).daysOff()).containsOnlyKeys(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 4, 5),
                LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 2), LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 4),
                LocalDate.of(2027, 10, 1), LocalDate.of(2027, 10, 2), LocalDate.of(2027, 10, 3), LocalDate.of(2027, 10, 4),
                LocalDate.of(2027, 10, 5));
        assertThat(StatutoryHolidays.of(2027).workingWeekendDays()).isEmpty();

        // The calendar uses them, and still says the year has no notice.
        assertThat(shipped.hasDataFor(2027)).isFalse();
        assertThat(shipped.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(shipped.isWorkingDay(LocalDate.of(2027, 5, 4))).isFalse();
        assertThat(shipped.isWorkingDay(LocalDate.of(2027, 5, 5))).isTrue();
        var deadline = shipped.deadline(ZonedDateTime.of(2027, 4, 29, 9, 0, 0, 0, WorkingDayCalendar.ZONE).toInstant(), 2);
        assertThat(deadline.dueDay()).isEqualTo(LocalDate.of(2027, 5, 5)); // Fri 30 Apr, then Wed 5 May
        assertThat(deadline.warning()).contains("缺少[2027]年的节假日数据", "未含调休");
    }

    @Test
    void yearsBeforeTheAmendedMeasuresCountWeekendsOnly() {
        assertThat(shipped.isWorkingDay(LocalDate.of(2023, 1, 2))).isTrue(); // no 2023 file: a Monday
    }
}
