package cn.gonggaigong.unit;

import cn.gonggaigong.decision.DecisionRecords;
import cn.gonggaigong.process.ProjectMessages;
import cn.gonggaigong.process.RenovationUnitProcess;
import cn.gonggaigong.process.UnitPlanningProcess;
import cn.gonggaigong.process.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Records the approved detailed plan of a renovation unit (it goes onto the "one map", 一张图) and lets every
 * project of the unit that waits for it go on.
 */
@Component("unitPlanPublisher")
public class UnitPlanPublisher implements JavaDelegate {

    private final RenovationUnitRepository units;
    private final ProjectMessages messages;
    private final DecisionRecords decisions;

    public UnitPlanPublisher(RenovationUnitRepository units, ProjectMessages messages, DecisionRecords decisions) {
        this.units = units;
        this.messages = messages;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long unitId = Variables.id(execution, UnitPlanningProcess.Var.UNIT_ID);
        RenovationUnit unit = units.findById(unitId)
                .orElseThrow(() -> new IllegalStateException("改造单元 " + unitId + " 不存在"));
        unit.setPlanGoals(Variables.text(execution, "planGoals"));
        unit.setPublicFacilities(Variables.text(execution, "publicFacilities"));
        unit.setInterestBalance(Variables.text(execution, "interestBalance"));
        unit.setLandAreaSqm(BigDecimal.valueOf(Variables.number(execution, "unitLandAreaSqm")));
        unit.setPlannedPlotRatio(BigDecimal.valueOf(Variables.number(execution, "plannedPlotRatio")));
        unit.approve(Instant.now(), decisions.documentNumberOf(execution.getProcessInstanceId(),
                RenovationUnitProcess.TASK_APPROVE_UNIT_PLAN));
        messages.unitPlanApproved(unitId);
    }
}
