package cn.gonggaigong.land;

import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.process.Variables;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.project.ProjectLookup;
import cn.gonggaigong.project.ProjectRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Stores the land price that decision table LandPrice computed (Art. 18) on the project. */
@Component("landPriceRecorder")
public class LandPriceRecorder implements JavaDelegate {

    private final ProjectRepository projects;

    public LandPriceRecorder(ProjectRepository projects) {
        this.projects = projects;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LandPriceAssessment assessment = LandPriceAssessment.applyTo(execution);
        Project project = ProjectLookup.of(projects, Variables.id(execution, ProjectLifecycleProcess.Var.PROJECT_ID));
        project.setLandPrice(BigDecimal.valueOf(assessment.landPrice()).setScale(2, RoundingMode.HALF_UP));
        project.setLandPriceBasis(assessment.basis());
        execution.removeVariable(LandPriceAssessment.RESULT_VARIABLE);
    }
}
