package cn.gonggaigong.agreement;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.process.Variables;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What the supervision model (ImplementationSupervision) asks about the monitoring agreement's deadlines (Art. 13
 * (二)): which milestones to follow, the moment each is late, whether the town's latest progress report has it done,
 * and whether the agreement was met when the subsidy is assessed (Art. 19).
 */
@Component("agreementClock")
public class AgreementClock {

    private final AgreementMilestoneRepository milestones;

    public AgreementClock(AgreementMilestoneRepository milestones) {
        this.milestones = milestones;
    }

    /** The terms a progress report answers (isMet); another term could never be found done, so it is not followed. */
    static final java.util.Set<String> FOLLOWED = java.util.Set.of("demolitionDeadline", "constructionStartDeadline",
            "completionDeadline");

    /** The terms of the project's milestones not done yet, by deadline; none without an agreement (Art. 13). */
    public List<String> open(VariableScope scope) {
        return milestones.findByProjectIdOrderByDeadlineAsc(projectId(scope)).stream()
                .filter(m -> !m.isCompleted() && FOLLOWED.contains(m.getTerm()))
                .map(AgreementMilestone::getTerm).distinct().toList();
    }

    /** The first moment the milestone is late: the day after its deadline, at midnight in Puning. */
    public Date overdueFrom(VariableScope scope, String term) {
        return Date.from(milestone(projectId(scope), term).getDeadline().plusDays(1)
                .atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
    }

    /** Whether the town's latest progress report (报送实施进展) has the milestone done. */
    public boolean met(VariableScope scope, String term) {
        return isMet(scope, term);
    }

    static boolean isMet(VariableScope scope, String term) {
        boolean completed = Variables.flag(scope, "constructionCompleted");
        return switch (term) {
            case "demolitionDeadline" -> Variables.flag(scope, "demolitionCompleted") || completed;
            case "constructionStartDeadline" -> Variables.flag(scope, "constructionStarted") || completed;
            case "completionDeadline" -> completed;
            default -> false;
        };
    }

    /**
     * Whether the project met its monitoring agreement, as Art. 19 requires before the construction subsidy: no
     * deadline was missed by the renovation subject's doing. A project without an agreement (the government as
     * subject) has nothing to meet.
     */
    public boolean agreementMet(VariableScope scope) {
        return agreementMet(projectId(scope));
    }

    public boolean agreementMet(long projectId) {
        return milestones.findByProjectIdOrderByDeadlineAsc(projectId).stream()
                .noneMatch(AgreementMilestone::breachedBySubject);
    }

    AgreementMilestone milestone(long projectId, String term) {
        return milestones.findFirstByProjectIdAndTermOrderByIdDesc(projectId, term)
                .orElseThrow(() -> new IllegalStateException("项目 " + projectId + " 没有监管协议时限 " + term));
    }

    private static long projectId(VariableScope scope) {
        return Variables.id(scope, ProjectLifecycleProcess.Var.PROJECT_ID);
    }
}
