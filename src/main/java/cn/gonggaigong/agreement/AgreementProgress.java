package cn.gonggaigong.agreement;

import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.process.Variables;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * After each progress report (报送实施进展, Art. 14): the agreement's milestones the report has done are marked done,
 * on the report's day. The model's own wait for them (ImplementationSupervision) reads the report's answers.
 */
@Component("agreementProgress")
public class AgreementProgress implements ExecutionListener {

    private final AgreementMilestoneRepository milestones;

    public AgreementProgress(AgreementMilestoneRepository milestones) {
        this.milestones = milestones;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        milestones.findByProjectIdOrderByDeadlineAsc(Variables.id(execution, ProjectLifecycleProcess.Var.PROJECT_ID))
                .stream()
                .filter(m -> !m.isCompleted() && AgreementClock.isMet(execution, m.getTerm()))
                .forEach(m -> m.complete(now));
    }
}
