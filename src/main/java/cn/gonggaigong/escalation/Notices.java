package cn.gonggaigong.escalation;

import cn.gonggaigong.platform.EngineSql;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * In-app notifications (消息通知), written in the current engine command: those of a warning, and notices that are
 * not a warning on a task (a breach of the monitoring agreement, a task handed to someone), which have no 回告.
 */
public final class Notices {

    private Notices() {
    }

    /**
     * Notifies the members of the groups (each user once), without a warning. The first group is the one the notice
     * is addressed to. Returns the notifications' ids (for {@link WarningMailer#afterCommit}).
     */
    public static List<Long> toGroups(CommandContext context, List<String> groups, Long projectId, String title,
                                      String body) {
        return toGroupsAndUser(context, groups, null, projectId, title, body);
    }

    /**
     * Notifies the members of the groups and one user more (each once; none where {@code userId} is null), without a
     * warning: the first group is the one the notice is addressed to; {@code projectId} (or null) the project it is
     * about. Returns the notifications' ids (for {@link WarningMailer#afterCommit}).
     */
    public static List<Long> toGroupsAndUser(CommandContext context, List<String> groups, String userId, Long projectId,
                                             String title, String body) {
        Map<String, Recipients.Recipient> recipients = Recipients.of(context, groups, groups.get(0), userId);
        return insert(new EngineSql(context), null, null, projectId, title, body, ClockUtil.getCurrentTime().toInstant(),
                recipients);
    }

    /**
     * Notifies one user of a task that is now theirs (none if no such user), without a warning; {@code projectId} is
     * null where the task is not a project's. Returns the notification's id (for {@link WarningMailer#afterCommit}).
     */
    public static List<Long> toAssignee(CommandContext context, String userId, String taskId, Long projectId,
                                        String title, String body) {
        Map<String, Recipients.Recipient> recipients = Recipients.of(context, List.of(), userId, null);
        return insert(new EngineSql(context), null, taskId, projectId, title, body,
                ClockUtil.getCurrentTime().toInstant(), recipients);
    }

    /**
     * Notifies one user of something about a project (a result of a step of the applicant's project), without a warning
     * or a task; none if no such user. Returns the notification's id (for {@link WarningMailer#afterCommit}).
     */
    public static List<Long> toProjectUser(CommandContext context, String userId, Long projectId, String title,
                                           String body) {
        Map<String, Recipients.Recipient> recipients = Recipients.of(context, List.of(), userId, null);
        return insert(new EngineSql(context), null, null, projectId, title, body, ClockUtil.getCurrentTime().toInstant(),
                recipients);
    }

    /** Notifies one user of a warning they did not answer for (the urging officer of its 回告); none if no such user. */
    static List<Long> toUser(CommandContext context, long warningId, String userId, String title, String body) {
        Map<String, Recipients.Recipient> recipients = Recipients.of(context, List.of(), userId, null);
        return insert(new EngineSql(context), warningId, null, null, title, body, ClockUtil.getCurrentTime().toInstant(),
                recipients);
    }

    /**
     * One notification per recipient, in the recipients' order, in one statement; their ids. A warning's notice has
     * no task or project of its own (they are the warning's).
     */
    static List<Long> insert(EngineSql sql, Long warningId, String taskId, Long projectId, String title, String body,
                             Instant at, Map<String, Recipients.Recipient> recipients) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        return sql.query("""
                insert into notification (user_id, warning_id, task_id, project_id, title, body, email, created_at)
                select r.user_id, ?, ?, ?, ?, ?, r.email, ? from unnest(?, ?) with ordinality as r(user_id, email, ord)
                order by r.ord
                returning id""",
                warningId, taskId, projectId, title, body, at,
                recipients.keySet().toArray(String[]::new),
                recipients.values().stream().map(r -> blankToNull(r.email())).toArray(String[]::new))
                .stream().map(row -> ((Number) row.get("id")).longValue()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
