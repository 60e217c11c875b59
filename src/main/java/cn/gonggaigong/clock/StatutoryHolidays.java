package cn.gonggaigong.clock;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The public holidays on fixed days of the Gregorian calendar, for a year whose State Council notice is not in the
 * application yet. 《全国年节及纪念日放假办法》 (as amended in 2024, in force since 2025) gives every citizen 元旦
 * (1 January), 清明节 (the day of the solar term), 劳动节 (1 and 2 May) and 国庆节 (1 to 3 October) off, and a day
 * off on the next working day for each of them that falls on a Saturday or Sunday (补假).
 * <p>
 * Not here: 春节, 端午节 and 中秋节 follow the lunar calendar, whose month starts are decided by the moment of a new
 * moon, sometimes minutes from midnight (ICU's ChineseCalendar puts 2027's 春节 on 7 February, one day late, for
 * that reason); and what only the notice says, which weekend days become working days (调休上班) and how the days
 * are joined into longer breaks. So a deadline counted through such a year stays provisional, and says so, until
 * the year's file is added.
 */
public final class StatutoryHolidays {

    /** Where the days come from, as the calendar names its source. */
    public static final String SOURCE = "《全国年节及纪念日放假办法》规定的公历节日（推算，不含春节、端午、中秋及调休）";

    /** The first year of the amended measures (劳动节 of two days); earlier years had other days. */
    public static final int FIRST_YEAR = 2025;

    private StatutoryHolidays() {
    }

    /** The year's statutory days off on Gregorian dates and their 补假 days, as a {@link HolidayYear}. */
    public static HolidayYear of(int year) {
        Map<LocalDate, String> holidays = new TreeMap<>();
        holidays.put(LocalDate.of(year, 1, 1), "元旦");
        holidays.put(qingming(year), "清明节");
        holidays.put(LocalDate.of(year, 5, 1), "劳动节");
        holidays.put(LocalDate.of(year, 5, 2), "劳动节");
        for (int day = 1; day <= 3; day++) {
            holidays.put(LocalDate.of(year, 10, day), "国庆节");
        }
        Map<LocalDate, String> off = new LinkedHashMap<>(holidays);
        holidays.forEach((day, name) -> {
            if (weekend(day)) {
                LocalDate makeUp = day.plusDays(1);
                while (weekend(makeUp) || off.containsKey(makeUp)) {
                    makeUp = makeUp.plusDays(1);
                }
                off.put(makeUp, name + "补假");
            }
        });
        return new HolidayYear(year, SOURCE + " " + year + "年", off, Map.of());
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** 清明: the day of the solar term, 4 or 5 April in this century (the usual formula for 2001–2099). */
    static LocalDate qingming(int year) {
        int y = year % 100;
        int day = (int) Math.floor(y * 0.2422 + 4.81) - y / 4;
        return LocalDate.of(year, 4, day);
    }
}
