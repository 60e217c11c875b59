package cn.gonggaigong.scheme;

import cn.gonggaigong.decision.DecisionRecordRepository;
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

    /** The outcome of 编制改造方案 in its decision record once the rules have judged the version. */
    public static final String RULES_MET = "RULES_MET";
    public static final String RULES_BROKEN = "RULES_BROKEN";
    static final String COMPILE_SCHEME = "Task_CompileScheme";

    private final SchemeRepository schemes;
    private final DecisionRecordRepository decisions;

    public RuleCheckRecorder(SchemeRepository schemes, DecisionRecordRepository decisions) {
        this.schemes = schemes;
        this.decisions = decisions;
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
        // The timeline says whether this version met the rules or went back for revision, not only that it was sent.
        decisions.findFirstByProcessInstanceIdAndTaskDefinitionKeyOrderByDecidedAtDescIdDesc(execution.getProcessInstanceId(),
                COMPILE_SCHEME).ifPresent(record -> record.setOutcome(check.compliant() ? RULES_MET : RULES_BROKEN));
        execution.removeVariable(RuleCheck.PLANNING_VIOLATIONS);
        execution.removeVariable(RuleCheck.MICRO_RENOVATION_VIOLATIONS);
    }
}
