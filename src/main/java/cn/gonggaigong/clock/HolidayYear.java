package cn.gonggaigong.clock;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One year's public holidays and make-up working days (调休上班), as the State Council's notice for that year lists
 * them. Read from a plain text file named after the year ({@code 2025.txt}); each line is
 * {@code off 2025-10-01..2025-10-08 国庆节} or {@code work 2025-09-28 国庆节调休上班}; {@code #} starts a comment.
 */
public record HolidayYear(int year, String source, Map<LocalDate, String> daysOff, Map<LocalDate, String> workingWeekendDays) {

    public HolidayYear {
        daysOff = Collections.unmodifiableMap(new TreeMap<>(daysOff));
        workingWeekendDays = Collections.unmodifiableMap(new TreeMap<>(workingWeekendDays));
    }

    /** Parses one year's file; a bad line is an error that names the file, the line and the reason. */
    public static HolidayYear parse(int year, String source, List<String> lines) {
        Map<LocalDate, String> off = new TreeMap<>();
        Map<LocalDate, String> work = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int comment = line.indexOf('#');
            if (comment >= 0) {
                line = line.substring(0, comment).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            String where = source + " 第" + (i + 1) + "行";
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 2) {
                throw new IllegalArgumentException(where + "：格式应为“off|work 日期[..日期] 名称”：" + line);
            }
            String name = parts.length == 3 ? parts[2] : "";
            LocalDate first;
            LocalDate last;
            try {
                String[] range = parts[1].split("\\.\\.");
                first = LocalDate.parse(range[0]);
                last = range.length > 1 ? LocalDate.parse(range[1]) : first;
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + "：日期无效（应为 yyyy-MM-dd）：" + parts[1], e);
            }
            if (first.getYear() != year || last.getYear() != year || last.isBefore(first)) {
                throw new IllegalArgumentException(where + "：日期不在" + year + "年内或起止颠倒：" + parts[1]);
            }
            Map<LocalDate, String> target = switch (parts[0]) {
                case "off" -> off;
                case "work" -> work;
                default -> throw new IllegalArgumentException(where + "：应以 off（放假）或 work（调休上班）开头：" + parts[0]);
            };
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                target.put(d, name);
            }
        }
        for (LocalDate d : work.keySet()) {
            if (off.containsKey(d)) {
                throw new IllegalArgumentException(source + "：" + d + " 同时被列为放假日和上班日");
            }
        }
        return new HolidayYear(year, source, off, work);
    }
}
