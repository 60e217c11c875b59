package cn.gonggaigong.agreement;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.gonggaigong.task.ProjectTaskContext;
import org.springframework.stereotype.Component;

/**
 * The monitoring agreement's deadlines (Art. 13), shown where the project is measured against them: the town's
 * progress reports, its explanation of a deadline missed, and NRB's completion inspection.
 */
@Component
public class AgreementTasks extends ProjectTaskContext {

    private final AgreementMilestoneRepository milestones;

    public AgreementTasks(AgreementMilestoneRepository milestones) {
        super(Set.of("Task_ReportProgress", "Task_InspectCompletion", "Task_ExplainMilestoneBreach"));
        this.milestones = milestones;
    }

    @Override
    protected Map<String, Object> values(String taskDefinitionKey, long projectId) {
        List<AgreementMilestone> all = milestones.findByProjectIdOrderByDeadlineAsc(projectId);
        if (all.isEmpty()) {
            return Map.of("agreementTerms", "（无监管协议，如由政府作为改造主体）");
        }
        return Map.of("agreementTerms", "监管协议 " + all.get(0).getAgreementNumber() + "\n" + all.stream()
                .map(m -> m.getName() + "：" + m.getDeadline() + state(m))
                .collect(Collectors.joining("\n")));
    }

    private static String state(AgreementMilestone m) {
        String status = status(m, cn.gonggaigong.clock.WorkingDayCalendar.today());
        return "未到期".equals(status) ? "" : "（" + status + "）";
    }

    /** How a milestone stands on a day: 按期完成, 逾期后完成, 已逾期 or 未到期 (the project page says it too). */
    public static String status(AgreementMilestone m, java.time.LocalDate today) {
        boolean late = m.getBreachedAt() != null;
        if (m.isCompleted()) {
            return late ? "逾期后完成" : "按期完成";
        }
        return late || today.isAfter(m.getDeadline()) ? "已逾期" : "未到期";
    }

    /** The town's explanation of a breach in one line; null when there is none. */
    public static String explanation(AgreementMilestone m) {
        if (m.getExplainedAt() == null) {
            return m.getBreachedAt() != null ? "乡镇尚未说明逾期情况" : null;
        }
        return "逾期原因：" + m.getBreachReason() + "；属改造主体责任：" + (Boolean.TRUE.equals(m.getSubjectResponsible()) ? "是" : "否")
                + "；整改措施：" + m.getRemedy() + (m.getExpectedDate() != null ? "；预计完成：" + m.getExpectedDate() : "");
    }
}
