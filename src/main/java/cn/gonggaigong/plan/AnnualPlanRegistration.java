package cn.gonggaigong.plan;

import cn.gonggaigong.process.AnnualPlanProcess;
import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.process.Variables;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.project.ProjectLookup;
import cn.gonggaigong.project.ProjectRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Puts a project into the annual implementation plan (年度实施计划) that is still being compiled: the plan of the
 * project's year, or of the next year when that one is already approved. The first project of a year opens the
 * year's plan and starts its {@code AnnualPlan} process.
 */
@Component("annualPlanRegistration")
public class AnnualPlanRegistration implements JavaDelegate {

    private final ProjectRepository projects;
    private final AnnualPlanRepository plans;

    public AnnualPlanRegistration(ProjectRepository projects, AnnualPlanRepository plans) {
        this.projects = projects;
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Project project = ProjectLookup.of(projects, Variables.id(execution, ProjectLifecycleProcess.Var.PROJECT_ID));
        int year = project.getPlanYear();
        AnnualPlan plan = plans.findByYear(year).orElse(null);
        while (plan != null && plan.getStatus() == AnnualPlanStatus.APPROVED) {
            year++;
            plan = plans.findByYear(year).orElse(null);
        }
        if (plan == null) {
            plan = plans.saveAndFlush(new AnnualPlan(year, year + "年度“工改工”改造实施计划"));
            String instanceId = execution.getProcessEngineServices().getRuntimeService()
                    .startProcessInstanceByKey(AnnualPlanProcess.PROCESS_ID, "PLAN-" + year, Map.of(
                            AnnualPlanProcess.Var.PLAN_YEAR, year,
                            AnnualPlanProcess.Var.ANNUAL_PLAN_ID, plan.getId()))
                    .getId();
            plan.setProcessInstanceId(instanceId);
        }
        project.setAnnualPlan(plan);
        project.setPlanYear(year);
        execution.setVariable(ProjectLifecycleProcess.Var.PLAN_YEAR, year);
    }
}
