package cn.gonggaigong.clock;

/**
 * Told of every deadline counted through a year without holiday data, so that an administrator sees it (the log,
 * and in the application the table {@code calendar_warning} behind {@code GET /api/admin/calendar-warnings}).
 */
@FunctionalInterface
public interface CalendarWarningSink {

    void incomplete(WorkingDayCalendar.Deadline deadline, String where);
}
