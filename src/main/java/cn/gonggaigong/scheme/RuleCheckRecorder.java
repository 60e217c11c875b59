package cn.gonggaigong.scheme;

import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.process.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/**
 * Stores what the decision tables found wrong with the current scheme version, rule by rule with its figures,
 * and sets the gateway variable; the raw decision results are then dropped from the process.
 */
@Component("ruleCheckRecorder")
public class RuleCheckRecorder implements JavaDelegate {

    private final SchemeRepository schemes;

    public RuleCheckRecorder(SchemeRepository schemes) {
        this.schemes = schemes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long projectId = Variables.id(execution, ProjectLifecycleProcess.Var.PROJECT_ID);
        Scheme scheme = schemes.findFirstByProjectIdOrderBySchemeVersionDesc(projectId)
                .orElseThrow(() -> new IllegalStateException("项目 " + projectId + " 还没有改造方案"));
        RuleCheck check = RuleCheck.fromDecisions(execution).applyTo(execution);
        for (RuleCheck.Violation v : check.violations()) {
            scheme.addViolation(v.ruleCode(), v.article(), v.description(),
                    BigDecimal.valueOf(v.limit()), BigDecimal.valueOf(v.actual()));
        }
        execution.removeVariable(RuleCheck.PLANNING_VIOLATIONS);
        execution.removeVariable(RuleCheck.MICRO_RENOVATION_VIOLATIONS);
    }
}
