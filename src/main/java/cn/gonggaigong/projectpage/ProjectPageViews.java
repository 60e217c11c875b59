package cn.gonggaigong.projectpage;

import java.time.OffsetDateTime;
import java.util.List;

import cn.gonggaigong.project.ProjectViews.ProjectDetails;
import cn.gonggaigong.task.TaskViews.TaskItem;

/** What the project page and the applicant's page read (JSON). */
public final class ProjectPageViews {

    private ProjectPageViews() {
    }

    /** One step of the project's history: a decision taken in a user task (or a send-back); a meeting's decision
     * names the meeting (e.g. 2026-07-01 规划委员会会议), which was held before it was entered. */
    public record TimelineEntry(OffsetDateTime time, String taskDefinitionKey, String activityName, String phase,
                                String phaseName, String userId, String userName, String decision,
                                String decisionLabel, String documentNumber, String opinion, String meeting,
                                @io.swagger.v3.oas.annotations.media.Schema(description = "未通过时所写的问题，前冠表单中的字段名（需补充或更正的权属材料：…）；无则为 null")
                                String reason,
                                @io.swagger.v3.oas.annotations.media.Schema(description = "该步骤随结论记录的事项（公示开始日期、缴款日期、协议编号等），按模型中的顺序")
                                List<TimelineFact> facts) {
    }

    /** One thing a step recorded besides its decision: the form field's label and the value entered (公示开始日期：2026-12-01). */
    public record TimelineFact(String label, String value) {
    }

    /** A process instance of the project with the activities it is in and those it has finished. */
    public record Diagram(String processDefinitionId, String processDefinitionKey, String name, String processInstanceId,
                          List<String> activeActivityIds, List<String> completedActivityIds) {
    }

    public record Overview(ProjectDetails project, List<TimelineEntry> timeline, List<TaskItem> openTasks,
                           List<Diagram> diagrams,
                           @io.swagger.v3.oas.annotations.media.Schema(description = "现行改造方案（最新版本）的主要指标，一行一项；尚未编制为 null")
                           String scheme,
                           @io.swagger.v3.oas.annotations.media.Schema(description = "实施监管协议约定的时限及履约情况；无监管协议为空列表")
                           List<Milestone> milestones,
                           @io.swagger.v3.oas.annotations.media.Schema(description = "当前待办办理人的姓名，按用户名")
                           java.util.Map<String, String> assigneeNames,
                           @io.swagger.v3.oas.annotations.media.Schema(description = "系统管理员挂起（暂停）本项目审批流程的时间：挂起期间不能签收或办理，也不计入办理时限；未挂起为 null")
                           OffsetDateTime suspendedSince,
                           @io.swagger.v3.oas.annotations.media.Schema(description = "当前用户（申请人本人）现在可以撤回申请：POST /api/projects/{id}/withdrawal")
                           boolean withdrawable,
                           @io.swagger.v3.oas.annotations.media.Schema(description = "申请人本人、项目仍在办理但已不能自行撤回时（改造方案已获批准）：如何申请终止；其他情况为 null")
                           String withdrawalInstead,
                           @io.swagger.v3.oas.annotations.media.Schema(description = "当前用户不能上传附件的原因（项目已办结，或不是办理本项目的单位）；可以上传为 null")
                           String uploadRefusal) {
    }

    /** A deadline of the monitoring agreement and how it stands (按期完成, 逾期后完成, 已逾期, 未到期). */
    public record Milestone(String name, java.time.LocalDate deadline, String status, String explanation) {
    }

    public record MyProject(Long id, String code, String name, String townName, String phase, String phaseName,
                            String status, String statusLabel, OffsetDateTime createdAt, List<TaskItem> openTasks) {
    }
}
