package cn.gonggaigong.clock;

import java.nio.file.Path;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    WorkingDayCalendar workingDayCalendar(@Value("${ggg.calendar.data-dir:./config/calendar}") Path dataDir) {
        WorkingDayCalendar calendar = HolidayData.load(dataDir.toAbsolutePath());
        int thisYear = LocalDate.now(WorkingDayCalendar.ZONE).getYear();
        LOG.info("节假日数据：{} 年（附加目录 {}）", calendar.years().keySet(), dataDir.toAbsolutePath());
        for (int year = thisYear; year <= thisYear + 1; year++) {
            if (!calendar.hasDataFor(year)) {
                LOG.warn("缺少{}年的节假日数据：该年的期限只按周末和法定节假日推算（未含调休）。请在 {} 中添加 {}.txt（格式见 calendar/{}.txt）。",
                        year, dataDir.toAbsolutePath(), year, thisYear - 1);
            }
        }
        return calendar;
    }

    /** Keeps every deadline counted through a year without data for the administrators; CalendarWarnings logs them
     * by year, a line a minute at most (every task of a December would otherwise log one). */
    @Bean
    CalendarWarningSink calendarWarningSink(CalendarWarnings warnings) {
        return warnings::record;
    }

    /** "10 working days" / "10个工作日" in timers and due dates of the models. */
    @Bean
    WorkingDayCalendarPlugin workingDayCalendarPlugin(WorkingDayCalendar calendar, CalendarWarningSink sink) {
        return new WorkingDayCalendarPlugin(calendar, sink);
    }
}
