package cn.gonggaigong.clock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads the holiday files: the years shipped with the application ({@code classpath:calendar/YYYY.txt}), then a
 * directory where a city adds or corrects a year without a new release ({@code ggg.calendar.data-dir}); a file there
 * replaces the shipped file of the same year.
 */
public final class HolidayData {

    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.txt");

    private HolidayData() {
    }

    public static WorkingDayCalendar load(Path extraDirectory) {
        Map<Integer, HolidayYear> years = new TreeMap<>();
        try {
            Resource[] shipped = new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/*.txt");
            for (Resource resource : shipped) {
                Matcher m = YEAR_FILE.matcher(String.valueOf(resource.getFilename()));
                if (m.matches()) {
                    try (InputStream in = resource.getInputStream()) {
                        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        int year = Integer.parseInt(m.group(1));
                        years.put(year, HolidayYear.parse(year, "calendar/" + resource.getFilename(), text.lines().toList()));
                    }
                }
            }
            if (extraDirectory != null && Files.isDirectory(extraDirectory)) {
                try (Stream<Path> files = Files.list(extraDirectory)) {
                    for (Path file : files.sorted().toList()) {
                        Matcher m = YEAR_FILE.matcher(file.getFileName().toString());
                        if (m.matches()) {
                            int year = Integer.parseInt(m.group(1));
                            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                            years.put(year, HolidayYear.parse(year, file.toString(), lines));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("节假日数据读取失败", e);
        }
        return new WorkingDayCalendar(years);
    }
}
