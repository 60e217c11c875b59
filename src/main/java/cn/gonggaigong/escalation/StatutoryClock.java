package cn.gonggaigong.escalation;

import cn.gonggaigong.monitor.OfficeCounts;
import cn.gonggaigong.platform.EngineSql;
import cn.gonggaigong.clock.CalendarWarningSink;
import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.clock.WorkingDayCalendar.Deadline;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import cn.gonggaigong.task.TaskInbox;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * The statutory clock of every user task, run by task listeners of every model ({@link StatutoryClockPlugin}):
 * <ul>
 * <li>created: the due date from {@code task_time_limit} (a due date the model sets is kept), a {@code task_clock}
 * row, and for an office task one timer job per grade ({@link WarningJobHandler});</li>
 * <li>completed or deleted: its timer jobs deleted, its open warnings closed, the working days it took recorded;
 * when it was the applicant's or outside time, the office tasks of the same project that were open meanwhile get
 * those working days added to their limit (their timers move with it).</li>
 * </ul>
 */
public class StatutoryClock {

    static final String PROJECT_ID = "projectId";
    static final String TOWN_CODE = "townCode";
    static final String TOWN_GROUP = "townGroup";
    static final String APPLICANT = "applicant";
    static final String PREFECTURE_PREFIX = "prefecture-";
    static final String CLOSED_COMPLETED = "任务已办结";
    static final String CLOSED_DELETED = "任务已撤销（流程结束或变更）";

    private final WorkingDayCalendar calendar;
    private final CalendarWarningSink calendarWarnings;

    public StatutoryClock(WorkingDayCalendar calendar, CalendarWarningSink calendarWarnings) {
        this.calendar = calendar;
        this.calendarWarnings = calendarWarnings;
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    /** Task listener "create". */
    public void created(DelegateTask delegate) {
        register(Context.getCommandContext(), (TaskEntity) delegate);
    }

    /** Starts the clock of a task (also of an older task that has none yet, when it is urged). */
    void register(CommandContext context, TaskEntity task) {
        EngineSql sql = new EngineSql(context);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant start = task.getCreateTime() != null ? task.getCreateTime().toInstant() : now;
        Map<String, Object> limit = sql.one("""
                select coalesce(t.working_days, d.working_days) as working_days,
                       coalesce(t.yellow_before_days, d.yellow_before_days) as yellow,
                       coalesce(t.escalate_after_days, d.escalate_after_days) as escalate,
                       t.clock as clock
                from task_time_limit d left join task_time_limit t on t.task_definition_key = ?
                where d.task_definition_key = '*'""", task.getTaskDefinitionKey());
        int days = limit != null && limit.get("working_days") != null ? EngineSql.integer(limit.get("working_days")) : 10;
        int yellow = limit != null && limit.get("yellow") != null ? EngineSql.integer(limit.get("yellow")) : 2;
        int escalate = limit != null && limit.get("escalate") != null ? EngineSql.integer(limit.get("escalate")) : 3;
        String responsible = responsible(task);
        TaskClock clock = limit != null && limit.get("clock") != null
                ? TaskClock.valueOf((String) limit.get("clock")) : derivedClock(task, responsible);

        Instant due;
        Integer limitDays = null; // the model's own due date is kept (e.g. a monthly report due on the 25th)
        if (task.getDueDate() != null) {
            due = task.getDueDate().toInstant();
        } else {
            limitDays = days;
            Deadline deadline = calendar.deadline(start, days);
            if (!deadline.complete()) {
                calendarWarnings.incomplete(deadline, "任务「" + task.getName() + "」(" + task.getId() + ")");
            }
            due = deadline.dueAt();
            Instant latest = dueNoLaterThan(task);
            if (latest != null && latest.isBefore(due)) {
                due = latest; // a step inside a harder deadline of its process (the vote's year) is due by that one
            }
            task.setDueDate(Date.from(due));
        }
        Long projectId = task.getVariable(PROJECT_ID) instanceof Number n ? n.longValue() : null;
        String townCode = townCode(sql, task, projectId);
        ExecutionEntity execution = task.getExecution();
        int started = sql.update("""
                insert into task_clock (task_id, task_definition_key, task_name, process_instance_id,
                    root_process_instance_id, project_id, town_code, responsible_group, clock, limit_working_days,
                    yellow_before_days, escalate_after_days, started_at, due_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (task_id) do nothing""",
                task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getProcessInstanceId(),
                execution.getRootProcessInstanceId(), projectId, townCode, responsible, clock.name(), limitDays, yellow,
                escalate, start, due);
        if (started == 1 && clock == TaskClock.OFFICE) {
            OfficeCounts.opened(sql, responsible);
        }
        if (clock == TaskClock.OFFICE) {
            timesOf(due, yellow, escalate, now).forEach((grade, at) -> schedule(context, task, grade, at));
        }
    }

    /** Task listeners "complete" and "delete". */
    public void ended(DelegateTask delegate, boolean completed) {
        CommandContext context = Context.getCommandContext();
        EngineSql sql = new EngineSql(context);
        TaskEntity task = (TaskEntity) delegate;
        Instant now = ClockUtil.getCurrentTime().toInstant();
        deleteTimers(context, task);
        sql.update("update task_warning set closed_at = ?, closed_reason = ? where task_id = ? and closed_at is null",
                now, completed ? CLOSED_COMPLETED : CLOSED_DELETED, task.getId());
        Map<String, Object> row = sql.one("select * from task_clock where task_id = ?", task.getId());
        if (row == null) {
            return;
        }
        Instant started = EngineSql.instant(row.get("started_at"));
        int elapsed = Math.max(0, calendar.workingDaysBetween(day(started), day(now)));
        TaskClock clock = TaskClock.valueOf((String) row.get("clock"));
        int used = clock == TaskClock.OFFICE ? Math.max(0, elapsed - EngineSql.integer(row.get("paused_working_days"))) : elapsed;
        sql.update("update task_clock set ended_at = ?, ended_reason = ?, working_days_used = ? where task_id = ?",
                now, completed ? "COMPLETED" : "DELETED", used, task.getId());
        if (clock == TaskClock.OFFICE && row.get("ended_at") == null) {
            OfficeCounts.ended(sql, (String) row.get("responsible_group"), completed, now,
                    EngineSql.instant(row.get("due_at")), used);
        }
        if (clock != TaskClock.OFFICE && elapsed > 0) {
            pauseOfficeTasks(context, sql, (String) row.get("root_process_instance_id"), started, elapsed, now);
        }
    }

    /** The applicant or someone outside held the project for {@code days}: the office's open limits grow by that. */
    private void pauseOfficeTasks(CommandContext context, EngineSql sql, String root, Instant waitStarted, int days, Instant now) {
        extendOfficeTasks(context, sql, sql.query("""
                select task_id, due_at, yellow_before_days, escalate_after_days from task_clock
                where root_process_instance_id = ? and clock = 'OFFICE' and ended_at is null and started_at <= ?""",
                root, waitStarted), days, now, false);
    }

    /**
     * An administrator suspended (挂起) the process instance at {@code suspendedAt} and has activated it now: the limits
     * of its open office tasks grow by the working days it stood still, when nobody could work on them (SuspensionClock).
     * A task of a suspended instance cannot begin, so each of them was open all that time.
     */
    void suspensionEnded(CommandContext context, String processInstanceId, Instant suspendedAt) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        int days = calendar.workingDaysBetween(day(suspendedAt), day(now));
        if (days <= 0) {
            return;
        }
        EngineSql sql = new EngineSql(context);
        extendOfficeTasks(context, sql, sql.query("""
                select c.task_id, c.due_at, c.yellow_before_days, c.escalate_after_days
                  from task_clock c join act_ru_task t on t.id_ = c.task_id
                 where t.proc_inst_id_ = ? and c.clock = 'OFFICE' and c.ended_at is null""", processInstanceId), days, now,
                true);
    }

    /**
     * The office tasks' deadlines (and timers, and lists) move {@code days} working days on, counted as paused.
     * {@code timersByStatement}: see {@link #moveTask}.
     */
    private void extendOfficeTasks(CommandContext context, EngineSql sql, java.util.List<Map<String, Object>> offices,
                                   int days, Instant now, boolean timersByStatement) {
        for (Map<String, Object> office : offices) {
            String taskId = (String) office.get("task_id");
            Instant due = EngineSql.instant(office.get("due_at"));
            if (due == null) {
                continue;
            }
            Instant newDue = calendar.extend(due, days).dueAt();
            sql.update("update task_clock set paused_working_days = paused_working_days + ?, due_at = ? where task_id = ?",
                    days, newDue, taskId);
            moveTask(context, taskId, newDue, EngineSql.integer(office.get("yellow_before_days")),
                    EngineSql.integer(office.get("escalate_after_days")), now, timersByStatement);
        }
    }

    /**
     * Counts the open tasks' deadlines again from their start, limit and pauses, with the calendar as it is now: a
     * year's holiday file added after deadlines were counted through that year without it ({@link DeadlineRecount}).
     * A task whose due date someone changed by hand (it no longer is its clock's) and one whose due date the model
     * set are left as they are.
     *
     * @return the tasks whose deadline moved
     */
    public java.util.List<String> recount(CommandContext context, java.util.Collection<String> taskIds) {
        EngineSql sql = new EngineSql(context);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        java.util.List<String> moved = new java.util.ArrayList<>();
        for (Map<String, Object> row : sql.query("""
                select c.task_id, c.started_at, c.due_at, c.limit_working_days, c.paused_working_days,
                       c.yellow_before_days, c.escalate_after_days, t.due_date_
                  from task_clock c join act_ru_task t on t.id_ = c.task_id
                 where c.task_id = any(?) and c.ended_at is null and c.limit_working_days is not null""",
                (Object) taskIds.toArray(String[]::new))) {
            String taskId = (String) row.get("task_id");
            if (row.get("due_at") == null
                    || !EngineSql.instant(row.get("due_at")).equals(EngineSql.instant(row.get("due_date_")))) {
                continue;
            }
            Instant due = EngineSql.instant(row.get("due_at"));
            Instant newDue = calendar.deadline(EngineSql.instant(row.get("started_at")),
                    EngineSql.integer(row.get("limit_working_days")) + EngineSql.integer(row.get("paused_working_days"))).dueAt();
            if (newDue.equals(due)) {
                continue;
            }
            sql.update("update task_clock set due_at = ? where task_id = ?", newDue, taskId);
            moveTask(context, taskId, newDue, EngineSql.integer(row.get("yellow_before_days")),
                    EngineSql.integer(row.get("escalate_after_days")), now, false);
            moved.add(taskId);
        }
        return moved;
    }

    /**
     * An open task's new deadline: its due date, its rows in the task lists and its warning timers. The timers are
     * changed as the engine's entities (their revision guards against a job executor running one meanwhile), or, with
     * {@code timersByStatement}, by a statement on their rows: an activation (挂起 ended) updates its timers' state in
     * the same command by a bulk statement that raises their revision, and the entities' own update would then fail.
     * Suspended until then, no job executor holds them.
     */
    private void moveTask(CommandContext context, String taskId, Instant newDue, int yellow, int escalate, Instant now,
                          boolean timersByStatement) {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return;
        }
        task.setDueDate(Date.from(newDue));
        TaskInbox.touch(context, taskId); // no task event for a due date moved here
        Map<Grade, Instant> times = timesOf(newDue, yellow, escalate, now);
        EngineSql sql = timersByStatement ? new EngineSql(context) : null;
        for (JobEntity job : timers(context, task)) {
            Instant at = times.get(WarningJobHandler.Configuration.parse(job.getJobHandlerConfigurationRaw()).grade());
            if (at != null && timersByStatement) {
                sql.update("update act_ru_job set duedate_ = ? where id_ = ?", at, job.getId());
            } else if (at != null) {
                job.setDuedate(Date.from(at));
            }
        }
    }

    /** When each timer grade falls due: YELLOW when {@code yellow} working days are left, RED at the deadline,
     * ESCALATED {@code escalate} working days after it; never before now. */
    Map<Grade, Instant> timesOf(Instant due, int yellow, int escalate, Instant now) {
        Map<Grade, Instant> times = new EnumMap<>(Grade.class);
        if (yellow > 0) {
            Instant at = WorkingDayCalendar.endOf(calendar.minusWorkingDays(day(due), yellow));
            times.put(Grade.YELLOW, at.isBefore(now) ? now : at);
        }
        times.put(Grade.RED, due);
        times.put(Grade.ESCALATED, calendar.extend(due, escalate).dueAt());
        return times;
    }

    private void schedule(CommandContext context, TaskEntity task, Grade grade, Instant at) {
        TimerEntity timer = new TimerEntity();
        timer.setJobHandlerType(WarningJobHandler.TYPE);
        timer.setJobHandlerConfigurationRaw(new WarningJobHandler.Configuration(task.getId(), grade).toCanonicalString());
        timer.setDuedate(Date.from(at));
        ExecutionEntity execution = task.getExecution();
        timer.setExecution(execution);
        // A job with no process definition is "standalone" to Camunda's authorizations: anyone logged in could list
        // it, read its log and move its due date through the REST API. Named with the task's process, it is
        // checked like the engine's own timers (moving it needs UPDATE on the instance, which no office has).
        timer.setProcessDefinitionId(execution.getProcessDefinitionId());
        timer.setProcessDefinitionKey(execution.getProcessDefinition().getKey());
        timer.setTenantId(task.getTenantId());
        context.getJobManager().schedule(timer);
    }

    private static java.util.List<JobEntity> timers(CommandContext context, TaskEntity task) {
        if (task.getExecutionId() == null) {
            return java.util.List.of();
        }
        String prefix = task.getId() + WarningJobHandler.Configuration.SEPARATOR;
        return context.getJobManager().findJobsByExecutionId(task.getExecutionId()).stream()
                .filter(j -> WarningJobHandler.TYPE.equals(j.getJobHandlerType()))
                .filter(j -> j.getJobHandlerConfigurationRaw() != null && j.getJobHandlerConfigurationRaw().startsWith(prefix))
                .toList();
    }

    private static void deleteTimers(CommandContext context, TaskEntity task) {
        timers(context, task).forEach(JobEntity::delete);
    }

    /** The model's property naming the process variable (a date) that a task's due date may not pass. */
    static final String DUE_NO_LATER_THAN = "dueNoLaterThan";

    /** The date the model bounds the task's due date by ({@link #DUE_NO_LATER_THAN}), or null. */
    private static Instant dueNoLaterThan(TaskEntity task) {
        org.camunda.bpm.model.bpmn.instance.UserTask element = task.getBpmnModelElementInstance();
        if (element == null) {
            return null;
        }
        return cn.gonggaigong.task.TaskModel.property(element, DUE_NO_LATER_THAN).map(task::getVariable)
                .filter(Date.class::isInstance).map(v -> ((Date) v).toInstant()).orElse(null);
    }

    /** The task's office: its first candidate group, else its assignee. */
    static String responsible(TaskEntity task) {
        return task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().findFirst()
                .orElse(task.getAssignee() != null ? task.getAssignee() : "未指定");
    }

    private static TaskClock derivedClock(TaskEntity task, String responsible) {
        Object applicant = task.getVariable(APPLICANT);
        if (task.getAssignee() != null && task.getAssignee().equals(applicant)) {
            return TaskClock.APPLICANT;
        }
        return responsible.startsWith(PREFECTURE_PREFIX) ? TaskClock.OUTSIDE : TaskClock.OFFICE;
    }

    private static String townCode(EngineSql sql, TaskEntity task, Long projectId) {
        if (projectId != null) {
            Map<String, Object> project = sql.one("select town_code from project where id = ?", projectId);
            if (project != null) {
                return (String) project.get("town_code");
            }
        }
        if (task.getVariable(TOWN_CODE) instanceof String code) {
            Map<String, Object> town = sql.one("select code from town where code = ?", code);
            if (town != null) {
                return code;
            }
        }
        if (task.getVariable(TOWN_GROUP) instanceof String group) {
            Map<String, Object> town = sql.one("select code from town where group_id = ?", group);
            if (town != null) {
                return (String) town.get("code");
            }
        }
        return null;
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, WorkingDayCalendar.ZONE);
    }
}
