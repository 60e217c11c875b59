package cn.gonggaigong.clock;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the models write time limits and timers in Chinese working days ({@code 10 working days},
 * {@code 10个工作日}) besides ISO-8601: replaces the engine's "duration" and "dueDate" business calendars by
 * {@link WorkingDayBusinessCalendar}s over the {@link WorkingDayCalendar}. In the application it is a Spring
 * bean ({@link ClockConfiguration}); the process tests name it in {@code process-test.camunda.cfg.xml}, where the
 * no-argument constructor reads the holiday files shipped on the classpath.
 */
public class WorkingDayCalendarPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(WorkingDayCalendarPlugin.class);

    private final WorkingDayCalendar calendar;
    private final CalendarWarningSink warnings;

    public WorkingDayCalendarPlugin() {
        this(HolidayData.load(null), WorkingDayCalendarPlugin::log);
    }

    public WorkingDayCalendarPlugin(WorkingDayCalendar calendar, CalendarWarningSink warnings) {
        this.calendar = calendar;
        this.warnings = warnings;
    }

    /** The log line every incomplete deadline gets, whatever else records it. */
    public static void log(WorkingDayCalendar.Deadline deadline, String where) {
        LOG.warn("{}（{}）", deadline.warning(), where);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager manager = new MapBusinessCalendarManager();
        manager.addBusinessCalendar(DurationBusinessCalendar.NAME, wrap(new DurationBusinessCalendar()));
        manager.addBusinessCalendar(DueDateBusinessCalendar.NAME, wrap(new DueDateBusinessCalendar()));
        manager.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        configuration.setBusinessCalendarManager(manager);
    }

    private BusinessCalendar wrap(BusinessCalendar camunda) {
        return new WorkingDayBusinessCalendar(camunda, calendar, warnings);
    }
}
