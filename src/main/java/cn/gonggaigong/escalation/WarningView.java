package cn.gonggaigong.escalation;

import java.time.Instant;

/** A warning as the API shows it, to one user: the responsible office by id and by name, and whether this user
 * may 回告 (answer for that office). */
public record WarningView(long id, Long projectId, String projectCode, String projectName, String townCode,
                          String townName, String taskId, String taskDefinitionKey, String taskName,
                          String responsibleGroup, String responsibleName, String grade, String gradeLabel,
                          Instant dueAt, Instant raisedAt, String raisedBy, String message, String notified,
                          String reply, String repliedBy, Instant repliedAt, Instant closedAt, String closedReason,
                          boolean mayReply) {

    WarningView toReader(String responsibleName, boolean mayReply) {
        return new WarningView(id, projectId, projectCode, projectName, townCode, townName, taskId, taskDefinitionKey,
                taskName, responsibleGroup, responsibleName, grade, gradeLabel, dueAt, raisedAt, raisedBy, message,
                notified, reply, repliedBy, repliedAt, closedAt, closedReason, mayReply);
    }
}
