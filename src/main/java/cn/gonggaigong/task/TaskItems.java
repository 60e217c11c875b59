package cn.gonggaigong.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.process.Phase;
import cn.gonggaigong.security.CurrentUser;
import cn.gonggaigong.security.ProjectAccess;
import cn.gonggaigong.task.TaskViews.TaskItem;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.DelegationState;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Turns task rows into what the API answers, and says who may read and work on a task. */
@Component
public class TaskItems {

    private final WorkingDayCalendar calendar;
    private final TaskModel model;
    private final ProjectAccess access;
    private final NamedParameterJdbcTemplate jdbc;

    public TaskItems(WorkingDayCalendar calendar, TaskModel model, ProjectAccess access, NamedParameterJdbcTemplate jdbc) {
        this.calendar = calendar;
        this.model = model;
        this.access = access;
        this.jdbc = jdbc;
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public TaskItem item(TaskRow row, CurrentUser user) {
        return item(row, user, flags(List.of(row.taskId())));
    }

    private TaskItem item(TaskRow row, CurrentUser user, Flags flags) {
        boolean suspended = flags.suspended().contains(row.taskId());
        Instant now = now();
        Integer daysLeft = row.dueAt() == null ? null : calendar.workingDaysBetween(
                LocalDate.ofInstant(now, WorkingDayCalendar.ZONE), LocalDate.ofInstant(row.dueAt(), WorkingDayCalendar.ZONE));
        return new TaskItem(row.taskId(), row.taskName(), row.taskDefinitionKey(), row.processDefinitionKey(),
                row.processDefinitionId(), row.processInstanceId(), row.projectId(), row.projectCode(),
                row.projectName(), row.townCode(), row.townName(), row.phase(), phaseName(row.phase()),
                time(row.createdAt()), time(row.dueAt()), daysLeft, row.dueAt() != null && row.dueAt().isBefore(now),
                row.warningGrade(), flags.urged().contains(row.taskId()), suspended,
                row.dueAt() != null && !calendar.hasDataFor(LocalDate.ofInstant(row.dueAt(), WorkingDayCalendar.ZONE).getYear()),
                row.assignee(), row.owner(), row.delegationState(), row.candidateGroups(),
                !suspended && row.assignee() == null && isCandidate(row, user) && seesProject(row, user),
                !suspended && user.userId().equals(row.assignee()) && !"PENDING".equals(row.delegationState())
                        && releasable(row),
                model.of(row.processDefinitionId(), row.taskDefinitionKey()).formId());
    }

    public List<TaskItem> items(List<TaskRow> rows, CurrentUser user) {
        Flags flags = flags(rows.stream().map(TaskRow::taskId).toList());
        return rows.stream().map(r -> item(r, user, flags)).toList();
    }

    /**
     * Of some tasks: those with an urging (催办) not yet closed (closed when the task is completed), and those whose
     * process instance an administrator has suspended (挂起, in Cockpit), which nobody can work on until it is
     * activated again. One statement for a page of tasks.
     */
    private record Flags(Set<String> urged, Set<String> suspended) {
    }

    private Flags flags(List<String> taskIds) {
        if (taskIds.isEmpty()) {
            return new Flags(Set.of(), Set.of());
        }
        Set<String> urged = new HashSet<>();
        Set<String> suspended = new HashSet<>();
        jdbc.query("""
                select task_id, 'URGED' as flag from task_warning
                 where task_id in (:ids) and grade = 'URGE' and closed_at is null
                union
                select ID_, 'SUSPENDED' from ACT_RU_TASK where ID_ in (:ids) and SUSPENSION_STATE_ = :suspended""",
                new MapSqlParameterSource("ids", taskIds)
                        .addValue("suspended", SuspensionState.SUSPENDED.getStateCode()),
                (RowCallbackHandler) rs -> ("URGED".equals(rs.getString("flag")) ? urged : suspended)
                        .add(rs.getString("task_id")));
        return new Flags(urged, suspended);
    }

    /**
     * Why {@code userId} may not release (取消认领) the task, or empty where they may or nobody holds it: only the
     * claimant, not while it is delegated, not where nobody could take it back. The task page and Camunda's REST
     * APIs ({@link EngineClaimFilter}) alike.
     */
    static Optional<String> whyNotReleasable(TaskRow row, String userId, UserDirectory users) {
        if (row.assignee() == null) {
            return Optional.empty();
        }
        if (!row.assignee().equals(userId)) {
            return Optional.of("该任务由 " + users.name(row.assignee()) + "（" + row.assignee() + "）认领，只有认领人本人可以取消认领");
        }
        if (DelegationState.PENDING.name().equals(row.delegationState())) {
            return Optional.of("该任务正在委派办理中，不能取消认领");
        }
        if (!releasable(row)) {
            // No group or colleague could take it back: it would be nobody's task and stop the project.
            return Optional.of("该任务直接指定由您本人办理，没有可退回的单位待办，不能取消认领");
        }
        return Optional.empty();
    }

    /** Unassigned, the task is still someone's: it has a candidate group or user who may claim it again. */
    static boolean releasable(TaskRow row) {
        return !row.candidateGroups().isEmpty() || !row.candidateUsers().isEmpty();
    }

    /** The user is a candidate of the task (in person or through a group). */
    static boolean isCandidate(TaskRow row, CurrentUser user) {
        return row.candidateUsers().contains(user.userId()) || row.candidateGroups().stream().anyMatch(user::inGroup);
    }

    /** A project's task is only for those who may see the project (a town: its own town's projects). */
    boolean seesProject(TaskRow row, CurrentUser user) {
        return row.projectId() == null || access.readsAll(user) || user.inGroup(row.projectTownGroup())
                || user.userId().equals(row.applicantUserId());
    }

    /** What the engine lets the user work on: assigned, owned (delegated) or a candidate, on a project they see. */
    public boolean canWork(TaskRow row, CurrentUser user) {
        boolean related = user.userId().equals(row.assignee()) || user.userId().equals(row.owner()) || isCandidate(row, user);
        return related && seesProject(row, user);
    }

    /** Why a user may not read a task ({@link #canRead} false). */
    static String unreadable(TaskRow row) {
        return row.projectId() != null ? "无权查看该任务：项目 " + row.projectCode() + " 属于" + row.townName()
                + "，您不是其所在乡镇、改造主体或市级审批部门的人员" : "无权查看该任务：您不是该任务的办理人或候选部门成员";
    }

    /** Why a user who may read a task may not work on it ({@link #canWork} false). */
    static String readOnly(TaskRow row) {
        return "无权办理该任务：您不是“" + row.taskName() + "”的办理人或候选部门成员，只能查看";
    }

    public boolean canRead(TaskRow row, CurrentUser user) {
        if (canWork(row, user)) {
            return true;
        }
        return row.projectId() == null ? access.readsAll(user) : seesProject(row, user);
    }

    public static String phaseName(String phase) {
        return phase == null ? null : Phase.named(phase).map(Phase::label).orElse(phase);
    }

    public static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(WorkingDayCalendar.ZONE).toOffsetDateTime();
    }
}
