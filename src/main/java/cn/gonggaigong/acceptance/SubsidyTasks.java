package cn.gonggaigong.acceptance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import cn.gonggaigong.platform.Amounts;
import cn.gonggaigong.project.ProjectRepository;
import cn.gonggaigong.task.ProjectTaskContext;
import org.springframework.stereotype.Component;

/** 拨付改造建设补贴: the finance bureau sees what it pays, on what basis (Art. 19) and to whom. */
@Component
public class SubsidyTasks extends ProjectTaskContext {

    private final ProjectRepository projects;

    public SubsidyTasks(ProjectRepository projects) {
        super(Set.of("Task_DisburseSubsidy"));
        this.projects = projects;
    }

    @Override
    protected Map<String, Object> values(String taskDefinitionKey, long projectId) {
        Map<String, Object> values = new LinkedHashMap<>();
        projects.findById(projectId).ifPresent(p -> {
            if (p.getSubsidyAmount() != null) {
                values.put("subsidyDue", Amounts.yuan(p.getSubsidyAmount()));
            }
            values.put("subsidyBasis", p.getSubsidyBasis());
            values.put("payee", p.getApplicantName());
        });
        values.values().removeIf(java.util.Objects::isNull);
        return values;
    }
}
