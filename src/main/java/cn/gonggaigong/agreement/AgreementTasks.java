package cn.gonggaigong.agreement;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.task.ProjectTaskContext;
import cn.gonggaigong.task.TaskRow;
import org.springframework.stereotype.Component;

/**
 * The monitoring agreement's deadlines (Art. 13), shown where the project is measured against them: the town's
 * progress reports, its explanation of a deadline missed, and NRB's completion inspection.
 */
@Component
public class AgreementTasks extends ProjectTaskContext {

    private static final String PROGRESS = ProgressReportCheck.TASK;

    private final AgreementMilestoneRepository milestones;
    private final ProgressReportRounds rounds;

    public AgreementTasks(AgreementMilestoneRepository milestones, ProgressReportRounds rounds) {
        super(Set.of(PROGRESS, "Task_InspectCompletion", "Task_ExplainMilestoneBreach"));
        this.milestones = milestones;
        this.rounds = rounds;
    }

    /**
     * As {@link ProjectTaskContext#values(TaskRow, Function)}; a progress report's month starts as the month after
     * the latest one reported, or the month its task came in (ProgressReportRounds: each round is a calendar month's;
     * the model removes the last round's month, freshFields).
     */
    @Override
    public Map<String, Object> values(TaskRow task, Function<String, Object> variable) {
        Map<String, Object> values = super.values(task, variable);
        if (!PROGRESS.equals(task.taskDefinitionKey()) || task.createdAt() == null || task.projectId() == null) {
            return values;
        }
        Map<String, Object> withMonth = new java.util.LinkedHashMap<>(values);
        withMonth.put(ProgressReportCheck.MONTH, rounds.monthToReport(task.projectId(),
                java.time.YearMonth.from(task.createdAt().atZone(WorkingDayCalendar.ZONE))).toString());
        return withMonth;
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

    /** How a milestone stands on a day (MilestoneState.status). */
    public static String status(AgreementMilestone m, java.time.LocalDate today) {
        return MilestoneState.status(m.getDeadline(), m.getCompletedAt(), m.getBreachedAt(), today);
    }

    /** The town's explanation of a breach in one line; null when there is none (MilestoneState.explanation). */
    public static String explanation(AgreementMilestone m) {
        return MilestoneState.explanation(m.getBreachedAt(), m.getExplainedAt(), m.getBreachReason(),
                m.getSubjectResponsible(), m.getRemedy(), m.getExpectedDate());
    }
}
