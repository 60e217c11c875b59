package cn.gonggaigong.clock;

import java.time.Instant;
import java.util.Date;
import java.util.OptionalInt;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * One of Camunda's business calendars ("duration" for timer durations, "dueDate" for {@code camunda:dueDate}),
 * taught working days: an expression such as {@code 10 working days} or {@code 10个工作日} ends at the end of the
 * tenth Chinese working day after the start; every other expression goes to Camunda's own calendar unchanged.
 */
public class WorkingDayBusinessCalendar implements BusinessCalendar {

    private final BusinessCalendar camundaCalendar;
    private final WorkingDayCalendar calendar;
    private final CalendarWarningSink warnings;

    public WorkingDayBusinessCalendar(BusinessCalendar camundaCalendar, WorkingDayCalendar calendar,
                                      CalendarWarningSink warnings) {
        this.camundaCalendar = camundaCalendar;
        this.calendar = calendar;
        this.warnings = warnings;
    }

    @Override
    public Date resolveDuedate(String expression) {
        return resolveDuedate(expression, (Date) null);
    }

    @Override
    public Date resolveDuedate(String expression, Task task) {
        OptionalInt days = WorkingDays.parse(expression);
        if (days.isEmpty()) {
            return camundaCalendar.resolveDuedate(expression, task);
        }
        Date start = task != null && task.getCreateTime() != null ? task.getCreateTime() : null;
        return resolve(days.getAsInt(), start, task != null ? "任务 " + task.getId() : expression);
    }

    @Override
    public Date resolveDuedate(String expression, Date startDate) {
        OptionalInt days = WorkingDays.parse(expression);
        if (days.isEmpty()) {
            return camundaCalendar.resolveDuedate(expression, startDate);
        }
        return resolve(days.getAsInt(), startDate, expression);
    }

    private Date resolve(int days, Date start, String where) {
        Instant from = (start != null ? start : ClockUtil.getCurrentTime()).toInstant();
        WorkingDayCalendar.Deadline deadline = calendar.deadline(from, days);
        if (!deadline.complete()) {
            warnings.incomplete(deadline, where);
        }
        return Date.from(deadline.dueAt());
    }
}
