package cn.gonggaigong.scheme;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * 编制改造方案 that the rules sent back goes back to the officer who compiled it, not to the bureau's shared queue:
 * they have the figures in mind and were just told what to change. On completion the officer is noted
 * ({@code schemeCompiledBy}); a task made again because that version broke the rules ({@code schemeCompliant} false)
 * is assigned to them. They can still hand it back to the bureau (退回到单位待办). The first compilation, and one
 * sent back by a later step after the rules were met, stay in the bureau's queue.
 */
@Component("schemeRevisionAssignment")
public class SchemeRevisionAssignment implements TaskListener {

    static final String COMPILED_BY = "schemeCompiledBy";

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Authentication who = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            String officer = who != null && who.getUserId() != null ? who.getUserId() : task.getAssignee();
            task.getExecution().setVariable(COMPILED_BY, officer);
        } else if (EVENTNAME_CREATE.equals(task.getEventName()) && task.getAssignee() == null
                && Boolean.FALSE.equals(task.getVariable(RuleCheck.SCHEME_COMPLIANT))
                && task.getVariable(COMPILED_BY) instanceof String officer) {
            task.setAssignee(officer);
        }
    }
}
