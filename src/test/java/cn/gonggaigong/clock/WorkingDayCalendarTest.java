package cn.gonggaigong.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = HolidayData.load(null);

    @Test
    void shipsTheStateCouncilNoticesFor2024To2026() {
        assertThat(calendar.years().keySet()).contains(2024, 2025, 2026);
    }

    @Test
    void tenWorkingDaysAcrossTheNationalDayHolidayOf2025() {
        // Fri 26 Sep 2025: Sun 28 Sep is a make-up working day, 1-8 Oct are off, Sat 11 Oct is a working day.
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 9, 26), 10)).isEqualTo(LocalDate.of(2025, 10, 16));
        // Tue 30 Sep 2025: 9, 10, 11 (Sat, working), 13, 14, 15, 16, 17, 20, 21 October.
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 9, 30), 10)).isEqualTo(LocalDate.of(2025, 10, 21));
        // Counting weekends only would have given 14 October.
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 12))).isFalse();
    }

    @Test
    void springFestivalAndMakeUpDaysOf2024And2026() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 4))).isTrue();   // Sunday, make-up day
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 16))).isFalse(); // Friday, Spring Festival
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();  // Saturday, make-up day
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).isFalse(); // Monday, Spring Festival
        // Thu 12 Feb 2026 + 3: Fri 13, Sat 14 (working), then nine days off until Tue 24 Feb.
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 12), 3)).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void workingDaysLeftAndOverdue() {
        LocalDate due = LocalDate.of(2025, 10, 16);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 9, 26), due)).isEqualTo(10);
        assertThat(calendar.workingDaysBetween(due, due)).isZero();
        // Overdue from Thu 16 Oct to Mon 20 Oct: Fri 17 and Mon 20 are two working days late.
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 10, 20), due)).isEqualTo(-2);
    }

    @Test
    void deadlineEndsAtTheEndOfTheDueDayInChina() {
        var deadline = calendar.deadline(ZonedDateTime.of(2025, 9, 30, 22, 0, 0, 0, WorkingDayCalendar.ZONE).toInstant(), 10);
        assertThat(deadline.dueDay()).isEqualTo(LocalDate.of(2025, 10, 21));
        assertThat(deadline.dueAt().atZone(WorkingDayCalendar.ZONE).toLocalDateTime())
                .isEqualTo(LocalDate.of(2025, 10, 21).atTime(23, 59, 59));
        assertThat(deadline.complete()).isTrue();
        assertThat(deadline.warning()).isNull();
    }

    @Test
    void aDeadlineInAYearWithoutDataCarriesAWarning() {
        var deadline = calendar.deadline(ZonedDateTime.of(2026, 12, 24, 9, 0, 0, 0, WorkingDayCalendar.ZONE).toInstant(), 10);
        assertThat(deadline.yearsWithoutData()).containsExactly(2027);
        assertThat(deadline.warning()).contains("缺少[2027]年的节假日数据");
        // Weekends and the days the law fixes (StatutoryHolidays): 25, 28, 29, 30, 31 Dec, (1 Jan, 元旦), 4, 5, 6, 7, 8 Jan.
        assertThat(deadline.dueDay()).isEqualTo(LocalDate.of(2027, 1, 8));
    }

    @Test
    void aCityAddsAYearAsAFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("2027.txt"), "off 2027-01-01 元旦\nwork 2027-01-02 测试调休上班 # 注释\n");
        WorkingDayCalendar withNextYear = HolidayData.load(dir);
        assertThat(withNextYear.hasDataFor(2027)).isTrue();
        assertThat(withNextYear.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(withNextYear.isWorkingDay(LocalDate.of(2027, 1, 2))).isTrue();
        assertThat(withNextYear.deadline(ZonedDateTime.of(2026, 12, 24, 9, 0, 0, 0, WorkingDayCalendar.ZONE).toInstant(), 10)
                .complete()).isTrue();
    }

    @Test
    void aBadLineNamesTheFileTheLineAndTheReason() {
        assertThatThrownBy(() -> HolidayYear.parse(2027, "2027.txt", List.of("# x", "off 2027-02-30 春节")))
                .hasMessageContaining("2027.txt 第2行").hasMessageContaining("日期无效");
        assertThatThrownBy(() -> HolidayYear.parse(2027, "2027.txt", List.of("holiday 2027-02-03")))
                .hasMessageContaining("应以 off（放假）或 work（调休上班）开头");
        assertThatThrownBy(() -> HolidayYear.parse(2027, "2027.txt", List.of("off 2026-12-31")))
                .hasMessageContaining("不在2027年内");
    }
}
