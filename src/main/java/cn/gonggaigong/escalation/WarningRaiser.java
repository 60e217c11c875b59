package cn.gonggaigong.escalation;

import cn.gonggaigong.platform.EngineSql;
import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.security.Groups;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Writes a warning (one grade of one task, or an urging) and its in-app notifications in the current engine
 * command; after the commit the {@link WarningNotifier} sends the e-mails. Who is notified: the responsible office
 * (its members, or the assignee), for RED also the leading group's office, for ESCALATED the leading group and its
 * office.
 */
public class WarningRaiser {

    private final StatutoryClock clock;
    private final WarningNotifier notifier;

    public WarningRaiser(StatutoryClock clock, WarningNotifier notifier) {
        this.clock = clock;
        this.notifier = notifier;
    }

    /** The new warning's id; empty when this grade of this task was raised before. */
    public Optional<Long> raise(CommandContext context, TaskEntity task, Grade grade, String raisedBy, String urging) {
        EngineSql sql = new EngineSql(context);
        String clockOfTask = """
                select c.*, p.name as project_name, p.code as project_code, t.name as town_name
                from task_clock c left join project p on p.id = c.project_id left join town t on t.code = c.town_code
                where c.task_id = ?""";
        Map<String, Object> c = sql.one(clockOfTask, task.getId());
        if (c == null) { // an older task without a clock, urged
            clock.register(context, task);
            c = sql.one(clockOfTask, task.getId());
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant due = EngineSql.instant(c.get("due_at"));
        // The urger's name only where the message says it (an urge): the timers' warnings look up the office alone.
        String message = message(c, grade, due, now, grade == Grade.URGE ? name(context, raisedBy) : raisedBy, urging,
                name(context, (String) c.get("responsible_group")));
        // Who is told is read first, so the warning, its list of recipients and their notifications are two statements.
        Map<String, Recipients.Recipient> recipients = recipients(context, (String) c.get("responsible_group"),
                task.getAssignee(), grade);
        Map<String, Object> inserted = sql.one("""
                insert into task_warning (project_id, town_code, task_id, task_definition_key, task_name,
                    responsible_group, grade, due_at, raised_at, raised_by, message, notified)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (task_id, grade) where grade <> 'URGE' do nothing returning id""",
                c.get("project_id"), c.get("town_code"), task.getId(), task.getTaskDefinitionKey(),
                task.getName() != null ? task.getName() : task.getTaskDefinitionKey(), c.get("responsible_group"),
                grade.name(), due, now, raisedBy, message,
                recipients.isEmpty() ? null : String.join(",", recipients.keySet()));
        if (inserted == null) {
            return Optional.empty();
        }
        long warningId = ((Number) inserted.get("id")).longValue();
        Notices.insert(sql, warningId, null, null, "【" + grade.label() + "】" + task.getName(), message, now, recipients);
        context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> notifier.raised(warningId));
        return Optional.of(warningId);
    }

    /** How people read an office or a person: the group's name, the user's name (the id when there is neither). */
    static String name(CommandContext context, String id) {
        if (id == null) {
            return null;
        }
        return context.runWithoutAuthorization(() -> {
            org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider identity = context.getReadOnlyIdentityProvider();
            org.camunda.bpm.engine.identity.Group group = identity.findGroupById(id);
            if (group != null && group.getName() != null && !group.getName().isBlank()) {
                return group.getName();
            }
            org.camunda.bpm.engine.identity.User user = identity.findUserById(id);
            return user != null ? cn.gonggaigong.task.UserDirectory.name(user) : id;
        });
    }

    private String message(Map<String, Object> c, Grade grade, Instant due, Instant now, String raisedBy, String urging,
                           String responsible) {
        StringBuilder m = new StringBuilder();
        if (c.get("town_name") != null) {
            m.append(c.get("town_name")).append(' ');
        }
        if (c.get("project_name") != null) {
            m.append("项目「").append(c.get("project_name")).append("」(").append(c.get("project_code")).append(") ");
        }
        m.append("事项「").append(c.get("task_name")).append("」");
        LocalDate dueDay = due == null ? null : LocalDate.ofInstant(due, WorkingDayCalendar.ZONE);
        LocalDate today = LocalDate.ofInstant(now, WorkingDayCalendar.ZONE);
        switch (grade) {
            case YELLOW -> m.append("将于").append(dueDay).append("到期，剩余")
                    .append(Math.max(0, clock.calendar().workingDaysBetween(today, dueDay))).append("个工作日，请抓紧办理。");
            case RED -> m.append("已于").append(dueDay).append("到期未办结，请立即办理并回告。");
            case ESCALATED -> m.append("已超期").append(Math.max(0, clock.calendar().workingDaysBetween(dueDay, today)))
                    .append("个工作日（期限").append(dueDay).append("），已上报领导小组督办，请说明原因并回告。");
            case URGE -> m.append("被").append(raisedBy).append("催办")
                    .append(dueDay != null ? "（期限" + dueDay + "）" : "").append("：").append(urging);
        }
        m.append(" 责任单位：").append(responsible).append('。');
        return m.toString();
    }

    private static Map<String, Recipients.Recipient> recipients(CommandContext context, String responsible, String assignee,
                                                                Grade grade) {
        List<String> groups = new ArrayList<>();
        groups.add(responsible);
        if (grade == Grade.RED) {
            groups.add(Groups.LEADING_GROUP_OFFICE);
        } else if (grade == Grade.ESCALATED) {
            groups.add(Groups.LEADING_GROUP);
            groups.add(Groups.LEADING_GROUP_OFFICE);
        }
        return Recipients.of(context, groups, responsible, assignee);
    }
}
