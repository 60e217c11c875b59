package cn.gonggaigong.process;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Wakes up the projects that wait on a decision taken once for many of them: the annual plan (年度实施计划)
 * and the detailed plan of a renovation unit (改造单元详细规划).
 */
@Component
public class ProjectMessages {

    private static final Logger log = LoggerFactory.getLogger(ProjectMessages.class);

    private final RuntimeService runtimeService;

    public ProjectMessages(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * Tells one project waiting in {@code ProjectIntake} whether the approved plan includes it.
     *
     * @return whether a waiting project was found
     */
    public boolean annualPlanDecided(long projectId, boolean included) {
        List<MessageCorrelationResult> results = runtimeService
                .createMessageCorrelation(ProjectIntakeProcess.MESSAGE_ANNUAL_PLAN_APPROVED)
                .processInstanceVariableEquals(ProjectLifecycleProcess.Var.PROJECT_ID, projectId)
                .setVariable(ProjectIntakeProcess.Var.INCLUDED_IN_PLAN, included)
                .correlateAllWithResult();
        if (results.isEmpty()) {
            log.warn("项目 {} 未在等待年度实施计划批准,跳过通知", projectId);
        }
        return !results.isEmpty();
    }

    /**
     * Continues every project of the unit that waits in {@code UnitPlanning} for the unit's plan.
     *
     * @return how many waiting projects continued
     */
    public int unitPlanApproved(long unitId) {
        return runtimeService
                .createMessageCorrelation(UnitPlanningProcess.MESSAGE_UNIT_PLAN_APPROVED)
                .processInstanceVariableEquals(UnitPlanningProcess.Var.UNIT_ID, unitId)
                .correlateAllWithResult()
                .size();
    }
}
