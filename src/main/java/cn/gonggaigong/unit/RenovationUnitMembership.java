package cn.gonggaigong.unit;

import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.process.RenovationUnitProcess;
import cn.gonggaigong.process.UnitPlanningProcess;
import cn.gonggaigong.process.Variables;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.project.ProjectLookup;
import cn.gonggaigong.project.ProjectRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Puts a project into the renovation unit NRB chose (Art. 8: one unit may hold several projects). A new unit
 * starts its own {@code RenovationUnit} process; a unit whose plan is already approved lets the project go on.
 */
@Component("renovationUnitMembership")
public class RenovationUnitMembership implements JavaDelegate {

    static final String NEW = "NEW";
    static final String EXISTING = "EXISTING";

    private final ProjectRepository projects;
    private final RenovationUnitRepository units;

    public RenovationUnitMembership(ProjectRepository projects, RenovationUnitRepository units) {
        this.projects = projects;
        this.units = units;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Project project = ProjectLookup.of(projects, Variables.id(execution, ProjectLifecycleProcess.Var.PROJECT_ID));
        String action = Variables.text(execution, UnitPlanningProcess.Var.UNIT_ACTION);
        String code = trimmed(Variables.text(execution, UnitPlanningProcess.Var.UNIT_CODE));
        if (code == null) {
            throw new IllegalArgumentException("缺少改造单元编号(unitCode)");
        }
        RenovationUnit unit;
        if (NEW.equals(action)) {
            if (units.findByCode(code).isPresent()) {
                throw new IllegalArgumentException("改造单元编号 " + code + " 已存在,请选择“纳入已有改造单元”");
            }
            String name = trimmed(Variables.text(execution, UnitPlanningProcess.Var.UNIT_NAME));
            unit = units.saveAndFlush(new RenovationUnit(code, name == null ? code : name, project.getTown()));
            String instanceId = execution.getProcessEngineServices().getRuntimeService()
                    .startProcessInstanceByKey(RenovationUnitProcess.PROCESS_ID, code,
                            Map.of(UnitPlanningProcess.Var.UNIT_ID, unit.getId()))
                    .getId();
            unit.setProcessInstanceId(instanceId);
        } else if (EXISTING.equals(action)) {
            unit = units.findByCode(code)
                    .orElseThrow(() -> new IllegalArgumentException("改造单元 " + code + " 不存在"));
        } else {
            throw new IllegalArgumentException("改造单元处理方式(unitAction)必须是 NEW 或 EXISTING,收到:" + action);
        }
        project.setUnit(unit);
        execution.setVariable(UnitPlanningProcess.Var.UNIT_ID, unit.getId());
        execution.setVariable(UnitPlanningProcess.Var.UNIT_PLAN_APPROVED, unit.isApproved());
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
