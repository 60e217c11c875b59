package cn.gonggaigong.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import cn.gonggaigong.task.TaskViews.TaskItem;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the meeting API reads and answers (JSON). */
public final class MeetingViews {

    private MeetingViews() {
    }

    public record Option(Object value, String label) {
    }

    /**
     * A task on the agenda: the task, where its decision goes ({@code decisionKey} and the options of the form),
     * and the form's other fields that the meeting does not fill (send them in {@code fields}).
     */
    public record AgendaItem(@JsonUnwrapped TaskItem task, String decisionKey, String decisionLabel,
                             List<Option> options, List<JsonNode> extraFields,
                             @Schema(description = "以这些决定（取值 → 终止后的结果）提交即终止该项目审批，页面提交前请确认；无则为空")
                             Map<String, String> endsProject,
                             @Schema(description = "此是非字段选“是”时，上述决定不终止项目（如涉及重大事项，报领导小组决策）；无则为 null")
                             String endsProjectUnless) {
    }

    public record Agenda(MeetingKind kind, String kindLabel, List<AgendaItem> items) {
    }

    @Schema(description = "一项会议决定：任务、结论（表单中决定字段的取值）、意见、其他表单字段")
    public record DecisionRequest(String taskId, Object decision, String opinion, Map<String, Object> fields) {
    }

    @Schema(description = "会议记录：类型、日期（YYYY-MM-DD）、文号、纪要、各项决定")
    public record MeetingRequest(String kind, String date, String documentNumber, String minutes,
                                 List<DecisionRequest> decisions) {
    }

    public record DecisionView(int position, String taskId, String taskDefinitionKey, String taskName, Long projectId,
                               String projectCode, String projectName, String decision, String opinion,
                               Long decisionRecordId) {
    }

    public record MeetingView(Long id, MeetingKind kind, String kindLabel, LocalDate date, String documentNumber,
                              String minutes, String recordedBy, String recordedByName, OffsetDateTime recordedAt,
                              List<DecisionView> decisions) {
    }
}
