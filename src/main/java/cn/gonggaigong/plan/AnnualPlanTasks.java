package cn.gonggaigong.plan;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.gonggaigong.decision.DecisionRecordRepository;
import cn.gonggaigong.process.AnnualPlanProcess;
import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.project.ProjectRepository;
import cn.gonggaigong.project.ProjectStatus;
import cn.gonggaigong.task.SubmissionCheck;
import cn.gonggaigong.task.TaskContext;
import cn.gonggaigong.task.TaskRow;
import org.springframework.stereotype.Component;

/**
 * The annual plan's two tasks (编制 by NRB, 审批 by the government) show the plan's year and its projects, which no
 * process variable holds; NRB's list of projects left out is checked against the plan's projects, so that a typo
 * does not silently leave a project in the plan.
 */
@Component
public class AnnualPlanTasks implements TaskContext, SubmissionCheck {

    static final String COMPILE = "Task_CompileAnnualPlan";
    static final String PROJECTS = "planProjects";
    static final String COMPILE_OPINION = "compileOpinion";

    private final AnnualPlanRepository plans;
    private final ProjectRepository projects;
    private final DecisionRecordRepository decisions;

    public AnnualPlanTasks(AnnualPlanRepository plans, ProjectRepository projects, DecisionRecordRepository decisions) {
        this.plans = plans;
        this.projects = projects;
        this.decisions = decisions;
    }

    @Override
    public boolean appliesTo(String taskDefinitionKey) {
        return COMPILE.equals(taskDefinitionKey) || AnnualPlanProcess.TASK_APPROVE_ANNUAL_PLAN.equals(taskDefinitionKey);
    }

    @Override
    public Map<String, Object> values(TaskRow task, Function<String, Object> variable) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Project> planned = projectsOf(variable.apply(AnnualPlanProcess.Var.ANNUAL_PLAN_ID));
        if (AnnualPlanProcess.TASK_APPROVE_ANNUAL_PLAN.equals(task.taskDefinitionKey())) {
            Set<String> excluded = AnnualPlanPublisher.codes((String) variable.apply(AnnualPlanProcess.Var.EXCLUDED_PROJECT_CODES));
            planned = planned.stream().filter(p -> !excluded.contains(p.getCode())).toList();
            decisions.findFirstByProcessInstanceIdAndTaskDefinitionKeyOrderByDecidedAtDescIdDesc(task.processInstanceId(), COMPILE)
                    .map(r -> r.getOpinion()).ifPresent(opinion -> values.put(COMPILE_OPINION, opinion));
        }
        values.put(PROJECTS, planned.isEmpty() ? "（暂无）" : planned.stream()
                .map(p -> p.getCode() + "　" + p.getTown().getName() + "　" + p.getName()).collect(Collectors.joining("\n")));
        return values;
    }

    @Override
    public List<FieldProblem> problems(TaskRow task, Map<String, Object> variables) {
        if (!COMPILE.equals(task.taskDefinitionKey())) {
            return List.of();
        }
        Set<String> excluded = AnnualPlanPublisher.codes((String) variables.get(AnnualPlanProcess.Var.EXCLUDED_PROJECT_CODES));
        if (excluded.isEmpty()) {
            return List.of();
        }
        Set<String> planned = plans.findByProcessInstanceId(task.processInstanceId())
                .map(plan -> projects.findByAnnualPlan(plan).stream().map(Project::getCode).collect(Collectors.toSet()))
                .orElse(Set.of());
        List<String> unknown = excluded.stream().filter(code -> !planned.contains(code)).sorted().toList();
        return unknown.isEmpty() ? List.of() : List.of(new FieldProblem(AnnualPlanProcess.Var.EXCLUDED_PROJECT_CODES,
                "不是本年度计划申请项目的编号：" + String.join("、", unknown)));
    }

    /** The projects waiting for the plan: not those ended meanwhile (withdrawn by the applicant, cancelled). */
    private List<Project> projectsOf(Object planId) {
        if (!(planId instanceof Number id)) {
            return List.of();
        }
        return plans.findById(id.longValue()).map(projects::findByAnnualPlan).orElse(List.of()).stream()
                .filter(p -> p.getStatus() == ProjectStatus.ACTIVE)
                .sorted(Comparator.comparing(Project::getCode)).toList();
    }
}
