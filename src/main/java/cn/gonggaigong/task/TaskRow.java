package cn.gonggaigong.task;

import java.time.Instant;
import java.util.List;

/** One open user task with its project, as {@link TaskQueries} reads it in one SQL statement. */
public record TaskRow(String taskId, String taskName, String taskDefinitionKey, String processDefinitionId,
                      String processDefinitionKey, String processInstanceId, Instant createdAt, Instant dueAt,
                      String assignee, String owner, String delegationState, List<String> candidateGroups,
                      List<String> candidateUsers, Long projectId, String projectCode, String projectName,
                      String projectTownGroup, String applicantUserId, String townCode, String townName,
                      String phase, String warningGrade) {
}
