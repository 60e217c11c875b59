package cn.gonggaigong.task;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the task API answers (JSON). Times are ISO-8601 in China's time zone (+08:00). */
public final class TaskViews {

    private TaskViews() {
    }

    @Schema(description = "待办任务及其项目信息")
    public record TaskItem(
            String taskId,
            @Schema(description = "任务名称") String taskName,
            String taskDefinitionKey,
            String processDefinitionKey,
            String processDefinitionId,
            String processInstanceId,
            Long projectId,
            String projectCode,
            @Schema(description = "项目名称") String projectName,
            String townCode,
            @Schema(description = "所属镇街") String townName,
            String phase,
            @Schema(description = "所处阶段") String phaseName,
            @Schema(description = "收到时间") OffsetDateTime receivedAt,
            @Schema(description = "办理期限") OffsetDateTime dueAt,
            @Schema(description = "剩余工作日（负数为已超期的工作日；无期限为 null）") Integer workingDaysLeft,
            boolean overdue,
            @Schema(description = "预警等级：null、YELLOW、RED、ESCALATED") String warningGrade,
            @Schema(description = "有尚未关闭的催办（领导小组、领导小组办公室或市自然资源局催办；任务办结即关闭）") boolean urged,
            @Schema(description = "所属流程已被系统管理员挂起（暂停）：恢复前任何人不能签收或办理") boolean suspended,
            @Schema(description = "办理期限所在年度尚无国务院办公厅节假日安排：期限按周末和法定节假日推算，为暂估") boolean dueProvisional,
            String assignee,
            String owner,
            String delegationState,
            List<String> candidateGroups,
            @Schema(description = "当前用户可否认领") boolean claimable,
            @Schema(description = "当前用户可否退回到单位待办（取消认领）：本人已认领、未在委派中，且任务有候选部门或人员可再认领") boolean unclaimable,
            String formId) {
    }

    public record TaskPage(List<TaskItem> items,
                           @Schema(description = "待办总数（最多数到1000）") long total,
                           @Schema(description = "待办超过1000项时为 true，total 即为1000") boolean totalCapped,
                           int page, int size,
                           @Schema(description = "本页已认领任务的办理人姓名（按用户名）") Map<String, String> assigneeNames) {
    }

    public record SendBackTarget(String activityId, String name) {
    }

    public record ProjectSummary(Long id, String code, String name, String townCode, String townName,
                                 String applicantName, String phase, String phaseName, String status,
                                 String statusLabel) {
    }

    @Schema(description = "任务详情：任务、表单、预填数据、项目概况、可否退回")
    public record TaskDetails(
            @JsonUnwrapped TaskItem task,
            @Schema(description = "办理人的姓名（assignee 为其用户名）；无办理人时为 null") String assigneeName,
            @Schema(description = "委派人的姓名（owner 为其用户名）；未委派时为 null") String ownerName,
            @Schema(description = "该环节的 Camunda 表单（form-js 可直接渲染）") JsonNode form,
            @Schema(description = "表单字段的当前值（按字段 key）") Map<String, Object> data,
            ProjectSummary project,
            @Schema(description = "当前用户可否办理") boolean canWork,
            boolean sendBackAllowed,
            SendBackTarget sendBackTo,
            @Schema(description = "本任务由后一环节退回而重开时：谁、何时、从哪一环节退回，理由；否则为 null") SentBack sentBack,
            @Schema(description = "以这些结论提交即终止本项目审批（不能撤回），页面提交前请办理人确认；无则为 null") Ending ending) {
    }

    /**
     * The answers of the task's decision field ({@code field}) that end the project's approval for good, each with
     * what that end is called (false → 项目未纳入实施); not when the yes/no field {@code unless} (null where none) is
     * answered yes (审议改造方案's 不予通过 of a major matter goes to the leading group).
     */
    public record Ending(String field, Map<String, String> outcomes,
                         @Schema(description = "此是非字段选“是”时，上述结论不终止项目（如涉及重大事项，报领导小组决策）；无则为 null") String unless) {
    }

    public record SentBack(String fromTaskName, String userId, String userName, OffsetDateTime time, String reason) {
    }

    public record Comment(String id, String userId, String userName, OffsetDateTime time, String message) {
    }

    public record CommentRequest(String message) {
    }

    public record TransferRequest(String userId, String reason) {
    }

    public record DelegateRequest(String userId) {
    }

    public record SendBackRequest(String reason) {
    }
}
