package cn.gonggaigong.acceptance;

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

/** Stores the construction subsidy that decision table ConstructionSubsidy computed (Art. 19) on the project. */
@Component("subsidyRecorder")
public class SubsidyRecorder implements JavaDelegate {

    private final ProjectRepository projects;

    public SubsidyRecorder(ProjectRepository projects) {
        this.projects = projects;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SubsidyAssessment assessment = SubsidyAssessment.applyTo(execution);
        Project project = ProjectLookup.of(projects, Variables.id(execution, ProjectLifecycleProcess.Var.PROJECT_ID));
        project.setSubsidyAmount(BigDecimal.valueOf(assessment.amount()).setScale(2, RoundingMode.HALF_UP));
        project.setSubsidyBasis(assessment.basis());
        // The amount as the finance bureau's step shows it, so that its record (decisionFacts) keeps what was paid.
        execution.setVariable(SubsidyTasks.DUE, cn.gonggaigong.platform.Amounts.yuan(project.getSubsidyAmount()));
        execution.removeVariable(SubsidyAssessment.RESULT_VARIABLE);
    }
}
