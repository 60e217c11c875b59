package cn.gonggaigong.scheme;

import cn.gonggaigong.decision.DecisionRecords;
import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.process.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Marks the project's current scheme version approved by the municipal government, with the approval's 文号. */
@Component("schemeApprovalRecorder")
public class SchemeApprovalRecorder implements JavaDelegate {

    static final String TASK_APPROVE_SCHEME = "Task_ApproveScheme";

    private final SchemeRepository schemes;
    private final DecisionRecords decisions;

    public SchemeApprovalRecorder(SchemeRepository schemes, DecisionRecords decisions) {
        this.schemes = schemes;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long projectId = Variables.id(execution, ProjectLifecycleProcess.Var.PROJECT_ID);
        Scheme scheme = schemes.findFirstByProjectIdOrderBySchemeVersionDesc(projectId)
                .orElseThrow(() -> new IllegalStateException("项目 " + projectId + " 还没有改造方案"));
        scheme.approve(ClockUtil.getCurrentTime().toInstant(),
                decisions.documentNumberOf(execution.getProcessInstanceId(), TASK_APPROVE_SCHEME));
    }
}
