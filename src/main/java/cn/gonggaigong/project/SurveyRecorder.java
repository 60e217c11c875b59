package cn.gonggaigong.project;

import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.process.Variables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * After the town's survey of the base data (调查基础数据): its figures are kept on the project beside the
 * application's, and the parcels it found are added to the project's, so that no other project can take them
 * (SurveyedAreas has checked that none is another's). A survey done again (after objections to its publication)
 * replaces the former.
 */
@Component("surveyRecorder")
public class SurveyRecorder implements ExecutionListener {

    private final ProjectRepository projects;

    public SurveyRecorder(ProjectRepository projects) {
        this.projects = projects;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Project project = ProjectLookup.of(projects, Variables.id(execution, ProjectLifecycleProcess.Var.PROJECT_ID));
        List<String> surveyed = ParcelRegister.parse(Variables.text(execution, "parcelIds"));
        String day = Variables.text(execution, "surveyDate");
        project.setSurvey(new ProjectSurvey(decimal(execution, "landAreaSqm"), decimal(execution, "landAreaMu"),
                decimal(execution, "existingFloorArea"), decimal(execution, "currentPlotRatio"),
                surveyed.isEmpty() ? null : String.join("、", surveyed),
                day == null || day.length() < 10 ? null : LocalDate.parse(day.substring(0, 10))));
        List<String> parcels = new ArrayList<>(project.getParcelIds());
        List<String> known = parcels.stream().map(ParcelRegister::key).toList();
        surveyed.stream().filter(p -> !known.contains(ParcelRegister.key(p))).distinct().forEach(parcels::add);
        project.setParcelIds(parcels);
    }

    private static BigDecimal decimal(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }
}
