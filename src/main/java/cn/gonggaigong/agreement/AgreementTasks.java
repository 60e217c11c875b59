package cn.gonggaigong.agreement;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.gonggaigong.task.ProjectTaskContext;
import org.springframework.stereotype.Component;

/**
 * The monitoring agreement's deadlines (Art. 13), shown where the project is measured against them: the town's
 * progress reports and NRB's completion inspection.
 */
@Component
public class AgreementTasks extends ProjectTaskContext {

    private final AgreementMilestoneRepository milestones;

    public AgreementTasks(AgreementMilestoneRepository milestones) {
        super(Set.of("Task_ReportProgress", "Task_InspectCompletion"));
        this.milestones = milestones;
    }

    @Override
    protected Map<String, Object> values(String taskDefinitionKey, long projectId) {
        List<AgreementMilestone> all = milestones.findByProjectIdOrderByDeadlineAsc(projectId);
        if (all.isEmpty()) {
            return Map.of("agreementTerms", "（无监管协议，如由政府作为改造主体）");
        }
        return Map.of("agreementTerms", "监管协议 " + all.get(0).getAgreementNumber() + "\n" + all.stream()
                .map(m -> m.getName() + "：" + m.getDeadline() + (m.getCompletedAt() != null ? "（已完成）" : ""))
                .collect(Collectors.joining("\n")));
    }
}
