package cn.gonggaigong.project;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import cn.gonggaigong.task.ProjectTaskContext;
import org.springframework.stereotype.Component;

/**
 * What the application already says, offered in the forms that ask for it again: the town's survey of the base data
 * (areas, plot ratio, parcels), NRB's confirmation of the subject (the applicant's name) and the scheme's first
 * version (areas, planned floor area, investment). Only where the process holds no value yet: a field filled once
 * (a scheme sent back for revision) shows what was entered. The officer checks and corrects them; nothing is
 * submitted that the officer did not see.
 */
@Component
@org.springframework.core.annotation.Order(10)
public class ApplicationPrefill extends ProjectTaskContext {

    private final ProjectRepository projects;

    public ApplicationPrefill(ProjectRepository projects) {
        super(Set.of("Task_SurveyBaseData", "Task_ConfirmSubject", "Task_CompileScheme"));
        this.projects = projects;
    }

    @Override
    protected Map<String, Object> values(String taskDefinitionKey, long projectId) {
        return projects.findById(projectId).map(p -> values(taskDefinitionKey, p)).orElse(Map.of());
    }

    static Map<String, Object> values(String taskKey, Project p) {
        Map<String, Object> values = new LinkedHashMap<>();
        switch (taskKey) {
            case "Task_SurveyBaseData" -> {
                put(values, "landAreaSqm", p.getLandAreaSqm());
                put(values, "landAreaMu", p.getLandAreaMu());
                put(values, "existingFloorArea", p.getExistingFloorArea());
                put(values, "currentPlotRatio", p.getCurrentPlotRatio());
                if (p.getParcelIds() != null && !p.getParcelIds().isEmpty()) {
                    values.put("parcelIds", String.join("、", p.getParcelIds()));
                }
            }
            case "Task_ConfirmSubject" -> values.put("subjectName", p.getApplicantName());
            case "Task_CompileScheme" -> {
                // The town's survey, where there is one, before what the application declared.
                put(values, "landAreaSqm", p.surveyedLandAreaSqm());
                put(values, "totalFloorArea", p.getPlannedFloorArea());
                put(values, "existingFloorArea", p.surveyedExistingFloorArea());
                put(values, "investment", p.getInvestment());
            }
            default -> {
            }
        }
        values.values().removeIf(java.util.Objects::isNull);
        return values;
    }

    private static void put(Map<String, Object> values, String key, BigDecimal value) {
        if (value != null) {
            values.put(key, value.stripTrailingZeros().doubleValue());
        }
    }
}
