package cn.gonggaigong.acceptance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import cn.gonggaigong.decision.DecisionRecordRepository;
import cn.gonggaigong.platform.Amounts;
import cn.gonggaigong.project.ProjectRepository;
import cn.gonggaigong.task.ProjectTaskContext;
import org.springframework.stereotype.Component;

/**
 * 拨付改造建设补贴: the finance bureau sees what it pays, on what basis (Art. 19) and to whom: the renovation subject
 * NRB confirmed (出具改造主体确认, its latest confirmation), which in a cooperation need not be the applicant; the
 * applicant where no confirmation names one.
 */
@Component
public class SubsidyTasks extends ProjectTaskContext {

    /** The amount due, as text (720,000 元): shown by the step, and recorded with its decision (SubsidyRecorder). */
    static final String DUE = "subsidyDue";

    private final ProjectRepository projects;
    private final DecisionRecordRepository decisions;

    public SubsidyTasks(ProjectRepository projects, DecisionRecordRepository decisions) {
        super(Set.of("Task_DisburseSubsidy"));
        this.projects = projects;
        this.decisions = decisions;
    }

    @Override
    protected Map<String, Object> values(String taskDefinitionKey, long projectId) {
        Map<String, Object> values = new LinkedHashMap<>();
        projects.findById(projectId).ifPresent(p -> {
            if (p.getSubsidyAmount() != null) {
                values.put(DUE, Amounts.yuan(p.getSubsidyAmount()));
            }
            values.put("subsidyBasis", p.getSubsidyBasis());
            values.put("payee", decisions.confirmedSubject(projectId).orElse(p.getApplicantName()));
        });
        values.values().removeIf(java.util.Objects::isNull);
        return values;
    }
}
