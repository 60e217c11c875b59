package cn.gonggaigong.unit;

import java.util.List;
import java.util.Map;

import cn.gonggaigong.process.UnitPlanningProcess;
import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.task.SubmissionCheck;
import cn.gonggaigong.task.TaskRow;
import org.springframework.stereotype.Component;

/**
 * 划定或选择改造单元: an existing unit must exist, a new unit's code must be free. Checked before the task is completed,
 * so that NRB's clerk reads which field is wrong instead of the step after the task ({@link RenovationUnitMembership})
 * failing the whole completion.
 */
@Component
public class RenovationUnitChoice implements SubmissionCheck {

    static final String TASK = "Task_AssignRenovationUnit";

    private final RenovationUnitRepository units;

    public RenovationUnitChoice(RenovationUnitRepository units) {
        this.units = units;
    }

    @Override
    public boolean appliesTo(String taskDefinitionKey) {
        return TASK.equals(taskDefinitionKey);
    }

    @Override
    public List<FieldProblem> problems(TaskRow task, Map<String, Object> variables) {
        Object action = variables.get(UnitPlanningProcess.Var.UNIT_ACTION);
        if (!(variables.get(UnitPlanningProcess.Var.UNIT_CODE) instanceof String text) || text.isBlank()) {
            return List.of();
        }
        String code = text.trim();
        boolean exists = units.findByCode(code).isPresent();
        if (RenovationUnitMembership.EXISTING.equals(action) && !exists) {
            return List.of(new FieldProblem(UnitPlanningProcess.Var.UNIT_CODE, "改造单元 " + code + " 不存在，请核对编号，或选择“划定新改造单元”"));
        }
        if (RenovationUnitMembership.NEW.equals(action) && exists) {
            return List.of(new FieldProblem(UnitPlanningProcess.Var.UNIT_CODE, "改造单元编号 " + code + " 已存在，请选择“纳入已有改造单元”或另取编号"));
        }
        return List.of();
    }
}
