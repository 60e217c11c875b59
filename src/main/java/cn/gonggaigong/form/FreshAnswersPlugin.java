package cn.gonggaigong.form;

import cn.gonggaigong.platform.ParseListeners;
import cn.gonggaigong.task.TaskModel;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A task's form starts from the answers of this task, never from those of an earlier round of it or of a sibling.
 * Camunda's Tasklist and the task page fill a form from the variables its task can see, and a completed task leaves
 * its answers in the process. So, when any user task of any deployed model is created:
 * <ul>
 *   <li>its decision (the model's {@code decisionVariable}) is removed. A step that comes round again (核验权属证明材料
 *       after the applicant supplemented, 公示基础数据 after the survey was redone, any step sent back) starts with no
 *       decision chosen, not with the 否 that sent it round; every decision field is required, so the step's
 *       completion sets it again before any gateway reads it.</li>
 *   <li>a task of a multi-instance (each department's 出具部门意见, each overdue milestone's 说明协议时限逾期情况) declares
 *       every field of its form that no variable holds yet on its own execution. Completing it then writes its answers
 *       there: another department does not find this one's 部门意见 in its form, and one milestone's record does not
 *       take another's 整改措施 where its own was left empty. (The monthly report's tasks do the same for their figures,
 *       {@code MonthlyReportTaskListener}.)</li>
 *   <li>the answers the model names as each round's own ({@code freshFields}, e.g. 报送实施进展's month) are removed:
 *       the next month's report starts from its own month, not from the one reported last.</li>
 * </ul>
 * What a step decided stays in its {@code decision_record}, written at completion.
 */
@Component
public class FreshAnswersPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<FormCatalog> forms;

    public FreshAnswersPlugin(ObjectProvider<FormCatalog> forms) {
        this.forms = forms;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.onEveryUserTask(configuration, task -> {
            task.addTaskListener(TaskListener.EVENTNAME_CREATE, new FreshStart());
        });
    }

    /** What the model says of one user task, read on its first creation (one listener per task of a definition). */
    record Facts(String decisionVariable, String formId, boolean multiInstance, List<String> freshFields) {

        static Facts of(ModelElementInstance element) {
            if (!(element instanceof UserTask task)) {
                return new Facts(null, null, false, List.of());
            }
            boolean multiInstance = false;
            for (ModelElementInstance e = task; e != null && !multiInstance; e = e.getParentElement()) {
                multiInstance = e instanceof Activity a && a.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics;
            }
            return new Facts(TaskModel.property(task, TaskModel.DECISION_VARIABLE).orElse(null), task.getCamundaFormRef(),
                    multiInstance, TaskModel.property(task, TaskModel.FRESH_FIELDS).map(TaskModel::names).orElse(List.of()));
        }
    }

    private final class FreshStart implements TaskListener {

        private volatile Facts facts;

        @Override
        public void notify(DelegateTask task) {
            Facts known = facts;
            if (known == null) {
                known = Facts.of(task.getBpmnModelElementInstance());
                facts = known;
            }
            DelegateExecution execution = task.getExecution();
            if (known.decisionVariable() != null && execution.hasVariable(known.decisionVariable())) {
                execution.removeVariable(known.decisionVariable());
            }
            for (String field : known.freshFields()) {
                if (execution.hasVariable(field)) {
                    execution.removeVariable(field);
                }
            }
            if (known.multiInstance() && known.formId() != null) {
                List<FormField> fields = forms.getObject().find(known.formId()).map(FormDefinition::fields).orElse(List.of());
                for (FormField field : fields) {
                    if (!execution.hasVariable(field.key())) {
                        execution.setVariableLocal(field.key(), null);
                    }
                }
            }
        }
    }
}
