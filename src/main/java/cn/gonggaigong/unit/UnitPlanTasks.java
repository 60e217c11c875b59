package cn.gonggaigong.unit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.gonggaigong.process.UnitPlanningProcess;
import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.project.ProjectRepository;
import cn.gonggaigong.task.SubmissionCheck;
import cn.gonggaigong.task.TaskContext;
import cn.gonggaigong.task.TaskRow;
import org.springframework.stereotype.Component;

/**
 * The unit plan's two tasks (编制 by NRB, 审批 by the government) name the renovation unit, its town and the projects
 * in it, which no process variable holds; the government's form shows the plan NRB compiled (its variables) beside
 * them, so the plan is approved having been read. The unit's land area NRB plans holds its projects' land.
 */
@Component
public class UnitPlanTasks implements TaskContext, SubmissionCheck {

    static final String COMPILE = "Task_CompileUnitPlan";
    static final String APPROVE = "Task_ApproveUnitPlan";
    static final String UNIT_TITLE = "unitTitle";
    static final String UNIT_PROJECTS = "unitProjects";

    private final RenovationUnitRepository units;
    private final ProjectRepository projects;

    public UnitPlanTasks(RenovationUnitRepository units, ProjectRepository projects) {
        this.units = units;
        this.projects = projects;
    }

    @Override
    public boolean appliesTo(String taskDefinitionKey) {
        return COMPILE.equals(taskDefinitionKey) || APPROVE.equals(taskDefinitionKey);
    }

    @Override
    public List<FieldProblem> problems(TaskRow task, Map<String, Object> variables) {
        if (!COMPILE.equals(task.taskDefinitionKey()) || !(variables.get("unitLandAreaSqm") instanceof Number planned)) {
            return List.of();
        }
        java.math.BigDecimal projectsLand = units.findByProcessInstanceId(task.processInstanceId())
                .map(unit -> projects.findByUnitIdOrderByCode(unit.getId()).stream()
                        .map(Project::surveyedLandAreaSqm).filter(java.util.Objects::nonNull)
                        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .orElse(java.math.BigDecimal.ZERO);
        if (new java.math.BigDecimal(planned.toString()).compareTo(projectsLand) >= 0) {
            return List.of();
        }
        return List.of(new FieldProblem("unitLandAreaSqm", "不能小于单元内项目用地面积之和（"
                + projectsLand.stripTrailingZeros().toPlainString() + "平方米）：改造单元应涵盖其全部项目"));
    }

    @Override
    public Map<String, Object> values(TaskRow task, Function<String, Object> variable) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (!(variable.apply(UnitPlanningProcess.Var.UNIT_ID) instanceof Number id)) {
            return values;
        }
        units.findById(id.longValue()).ifPresent(unit -> {
            values.put(UNIT_TITLE, unit.getCode() + "　" + unit.getName()
                    + (unit.getTown() == null ? "" : "（" + unit.getTown().getName() + "）"));
            List<Project> inUnit = projects.findByUnitIdOrderByCode(unit.getId());
            values.put(UNIT_PROJECTS, inUnit.isEmpty() ? "（暂无）" : inUnit.stream()
                    .map(p -> p.getCode() + "　" + p.getTown().getName() + "　" + p.getName()
                            + (p.surveyedLandAreaSqm() == null ? ""
                                    : "　用地" + p.surveyedLandAreaSqm().stripTrailingZeros().toPlainString() + "平方米"))
                    .collect(Collectors.joining("\n")));
        });
        return values;
    }
}
