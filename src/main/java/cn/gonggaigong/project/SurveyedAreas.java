package cn.gonggaigong.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gonggaigong.task.SubmissionCheck;
import cn.gonggaigong.task.TaskRow;
import org.springframework.stereotype.Component;

/**
 * 调查基础数据: the surveyed area in 亩 agrees with the one in m², and the plot ratio with the floor area and the land
 * area, as an application's must; and the parcels surveyed are not held by another project under way, nor named
 * twice (ParcelRegister, as for an application). 公示基础数据: what is published was surveyed first, so the notice
 * does not start before the survey's date.
 */
@Component
public class SurveyedAreas implements SubmissionCheck {

    static final String SURVEY = "Task_SurveyBaseData";
    static final String PUBLISH = "Task_PublishBaseData";

    private final ParcelRegister parcels;
    private final ProjectRepository projects;

    public SurveyedAreas(ParcelRegister parcels, ProjectRepository projects) {
        this.parcels = parcels;
        this.projects = projects;
    }

    @Override
    public boolean appliesTo(String taskDefinitionKey) {
        return SURVEY.equals(taskDefinitionKey) || PUBLISH.equals(taskDefinitionKey);
    }

    @Override
    public List<FieldProblem> problems(TaskRow task, Map<String, Object> variables) {
        if (PUBLISH.equals(task.taskDefinitionKey())) {
            return noticeAfterSurvey(task, variables);
        }
        List<FieldProblem> problems = new ArrayList<>(ProjectApplicationValidator.muMatchesSquareMetres(
                decimal(variables.get("landAreaSqm")), decimal(variables.get("landAreaMu"))).stream().toList());
        ProjectApplicationValidator.plotRatioMatches(decimal(variables.get("existingFloorArea")),
                decimal(variables.get("landAreaSqm")), decimal(variables.get("currentPlotRatio")), "currentPlotRatio",
                "现状总建筑面积").ifPresent(problems::add);
        Object text = variables.get("parcelIds");
        problems.addAll(parcels.problems(ParcelRegister.parse(text instanceof String s ? s : null), task.projectCode(),
                i -> "parcelIds"));
        return problems;
    }

    private List<FieldProblem> noticeAfterSurvey(TaskRow task, Map<String, Object> variables) {
        if (task.projectId() == null || !(variables.get("noticeStartDate") instanceof String start) || start.length() < 10) {
            return List.of();
        }
        java.time.LocalDate surveyed = projects.findById(task.projectId()).map(Project::getSurvey)
                .map(ProjectSurvey::getSurveyDate).orElse(null);
        try {
            java.time.LocalDate noticeStart = java.time.LocalDate.parse(start.substring(0, 10));
            return surveyed == null || !noticeStart.isBefore(surveyed) ? List.of() : List.of(new FieldProblem("noticeStartDate",
                    "公示开始日期（" + noticeStart + "）不能早于基础数据调查核实日期（" + surveyed + "）：公示的是调查核实的结果"));
        } catch (java.time.format.DateTimeParseException e) {
            return List.of();
        }
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }
}
