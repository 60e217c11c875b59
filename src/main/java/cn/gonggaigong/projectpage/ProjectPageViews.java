package cn.gonggaigong.projectpage;

import java.time.OffsetDateTime;
import java.util.List;

import cn.gonggaigong.project.ProjectViews.ProjectDetails;
import cn.gonggaigong.task.TaskViews.TaskItem;

/** What the project page and the applicant's page read (JSON). */
public final class ProjectPageViews {

    private ProjectPageViews() {
    }

    /** One step of the project's history: a decision taken in a user task (or a send-back). */
    public record TimelineEntry(OffsetDateTime time, String taskDefinitionKey, String activityName, String phase,
                                String phaseName, String userId, String userName, String decision,
                                String decisionLabel, String documentNumber, String opinion) {
    }

    /** A process instance of the project with the activities it is in and those it has finished. */
    public record Diagram(String processDefinitionId, String processDefinitionKey, String name, String processInstanceId,
                          List<String> activeActivityIds, List<String> completedActivityIds) {
    }

    public record Overview(ProjectDetails project, List<TimelineEntry> timeline, List<TaskItem> openTasks,
                           List<Diagram> diagrams,
                           @io.swagger.v3.oas.annotations.media.Schema(description = "现行改造方案（最新版本）的主要指标，一行一项；尚未编制为 null")
                           String scheme) {
    }

    public record MyProject(Long id, String code, String name, String townName, String phase, String phaseName,
                            String status, String statusLabel, OffsetDateTime createdAt, List<TaskItem> openTasks) {
    }
}
