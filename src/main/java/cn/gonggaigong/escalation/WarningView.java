package cn.gonggaigong.escalation;

import java.time.Instant;

/** A warning as the API shows it. */
public record WarningView(long id, Long projectId, String projectCode, String projectName, String townCode,
                          String townName, String taskId, String taskDefinitionKey, String taskName,
                          String responsibleGroup, String grade, String gradeLabel, Instant dueAt, Instant raisedAt,
                          String raisedBy, String message, String notified, String reply, String repliedBy,
                          Instant repliedAt, Instant closedAt, String closedReason) {
}
