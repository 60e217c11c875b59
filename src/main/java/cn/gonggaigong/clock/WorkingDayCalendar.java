package cn.gonggaigong.clock;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Chinese working days: Monday to Friday, except the public holidays of the State Council's yearly notice, plus
 * the weekend days that notice makes working days (调休). For a year without the notice the days the law itself fixes
 * are off ({@link StatutoryHolidays}: 元旦, 春节, … and their 补假; only weekends before 2025), and every answer that
 * touched such a year says so, so that an administrator can be warned to add the year's data.
 *
 * <p>Time limits count from the day after the start ("receipt day not counted"): a limit of N working days ends at
 * the end of the N-th working day after the start day, in China's time zone.
 */
public final class WorkingDayCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Map<Integer, HolidayYear> years;
    /** Statutory days of the years without a notice, computed once per year on first use. */
    private final Map<Integer, HolidayYear> provisional = new java.util.concurrent.ConcurrentHashMap<>();

    public WorkingDayCalendar(Map<Integer, HolidayYear> years) {
        this.years = Collections.unmodifiableMap(new TreeMap<>(years));
    }

    public Map<Integer, HolidayYear> years() {
        return years;
    }

    public boolean hasDataFor(int year) {
        return years.containsKey(year);
    }

    public boolean isWorkingDay(LocalDate day) {
        HolidayYear data = dataFor(day.getYear());
        if (data != null) {
            if (data.workingWeekendDays().containsKey(day)) {
                return true;
            }
            if (data.daysOff().containsKey(day)) {
                return false;
            }
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** The year's notice; else, from 2025, the days the law fixes (provisional); else none (weekends only). */
    private HolidayYear dataFor(int year) {
        HolidayYear data = years.get(year);
        if (data != null || year < StatutoryHolidays.FIRST_YEAR) {
            return data;
        }
        return provisional.computeIfAbsent(year, StatutoryHolidays::of);
    }

    /** The {@code workingDays}-th working day after {@code start} (the start day itself is not counted). */
    public LocalDate plusWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("工作日数不能为负数：" + workingDays);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The {@code workingDays}-th working day before {@code day}: the day on which that many working days are left. */
    public LocalDate minusWorkingDays(LocalDate day, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("工作日数不能为负数：" + workingDays);
        }
        LocalDate d = day;
        int counted = 0;
        while (counted < workingDays) {
            d = d.minusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /**
     * Working days in {@code (from, to]}: how many working days are left from {@code from} until a deadline on
     * {@code to}; negative (the working days overdue) when {@code to} is before {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** The deadline of a limit of {@code workingDays} working days that starts at {@code start}. */
    public Deadline deadline(Instant start, int workingDays) {
        LocalDate startDay = LocalDate.ofInstant(start, ZONE);
        LocalDate dueDay = plusWorkingDays(startDay, workingDays);
        return new Deadline(endOf(dueDay), dueDay, yearsWithoutData(startDay, dueDay));
    }

    /** A limit of {@code workingDays} more working days after an existing deadline (a paused clock, a late grade). */
    public Deadline extend(Instant dueAt, int workingDays) {
        LocalDate dueDay = LocalDate.ofInstant(dueAt, ZONE);
        LocalDate newDay = plusWorkingDays(dueDay, workingDays);
        return new Deadline(endOf(newDay), newDay, yearsWithoutData(dueDay, newDay));
    }

    /** The last instant of a day in China's time zone (23:59:59). */
    /** Today in Puning, by the engine's clock (ClockUtil: what the timers and the tests use). */
    public static LocalDate today() {
        return LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), ZONE);
    }

    public static Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(ZONE).toInstant();
    }

    /** The years between two days (inclusive) for which there is no holiday data. */
    public SortedSet<Integer> yearsWithoutData(LocalDate from, LocalDate to) {
        SortedSet<Integer> missing = new TreeSet<>();
        for (int y = Math.min(from.getYear(), to.getYear()); y <= Math.max(from.getYear(), to.getYear()); y++) {
            if (!hasDataFor(y)) {
                missing.add(y);
            }
        }
        return missing;
    }

    /** A computed deadline; {@code yearsWithoutData} is not empty when it was counted without a year's notice (provisional). */
    public record Deadline(Instant dueAt, LocalDate dueDay, SortedSet<Integer> yearsWithoutData) {

        public boolean complete() {
            return yearsWithoutData.isEmpty();
        }

        /** The warning an administrator sees, or null. */
        public String warning() {
            return complete() ? null
                    : "缺少" + yearsWithoutData + "年的节假日数据，截止日期" + dueDay + "仅按周末和法定节假日推算（未含调休），可能不准确；请管理员补充该年度节假日安排。";
        }
    }
}
