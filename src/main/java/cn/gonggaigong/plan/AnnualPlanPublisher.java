package cn.gonggaigong.plan;

import cn.gonggaigong.decision.DecisionRecords;
import cn.gonggaigong.process.AnnualPlanProcess;
import cn.gonggaigong.process.ProjectMessages;
import cn.gonggaigong.process.Variables;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.project.ProjectRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Once the municipal government has approved the annual plan, marks it approved and tells each of its projects
 * whether the approved plan includes it; NRB may have left projects out while compiling.
 */
@Component("annualPlanPublisher")
public class AnnualPlanPublisher implements JavaDelegate {

    private final AnnualPlanRepository plans;
    private final ProjectRepository projects;
    private final ProjectMessages messages;
    private final DecisionRecords decisions;

    public AnnualPlanPublisher(AnnualPlanRepository plans, ProjectRepository projects, ProjectMessages messages,
                               DecisionRecords decisions) {
        this.plans = plans;
        this.projects = projects;
        this.messages = messages;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long planId = Variables.id(execution, AnnualPlanProcess.Var.ANNUAL_PLAN_ID);
        AnnualPlan plan = plans.findById(planId)
                .orElseThrow(() -> new IllegalStateException("年度实施计划 " + planId + " 不存在"));
        plan.approve(Instant.now(), decisions.documentNumberOf(execution.getProcessInstanceId(),
                AnnualPlanProcess.TASK_APPROVE_ANNUAL_PLAN));
        Set<String> excluded = codes(Variables.text(execution, AnnualPlanProcess.Var.EXCLUDED_PROJECT_CODES));
        for (Project project : projects.findByAnnualPlan(plan)) {
            if (project.getStatus() != cn.gonggaigong.project.ProjectStatus.ACTIVE) {
                // Ended while the plan was made (withdrawn by the applicant, cancelled): not in the plan approved.
                project.setAnnualPlan(null);
                continue;
            }
            boolean included = !excluded.contains(project.getCode());
            if (!included) {
                project.setAnnualPlan(null);
            }
            messages.annualPlanDecided(project.getId(), included);
        }
    }

    /** Project codes as NRB typed them: separated by commas (also full-width), semicolons or white space. */
    static Set<String> codes(String text) {
        if (text == null) {
            return Set.of();
        }
        return Arrays.stream(text.split("[,，;；、\\s]+")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
