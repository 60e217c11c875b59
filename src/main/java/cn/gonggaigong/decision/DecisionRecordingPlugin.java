package cn.gonggaigong.decision;

import cn.gonggaigong.platform.ParseListeners;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;


/**
 * Adds the {@link DecisionRecorder} to the completion of every user task of every deployed model, so no model
 * can forget it, and after it the applicant's notice of the result where the model asks for one ({@link ResultNotices}).
 * Both are looked up when a task completes: they need the JPA repositories, which are built after the engine.
 */
@Component
public class DecisionRecordingPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<DecisionRecorder> recorder;
    private final ObjectProvider<ResultNotices> notices;

    public DecisionRecordingPlugin(ObjectProvider<DecisionRecorder> recorder, ObjectProvider<ResultNotices> notices) {
        this.recorder = recorder;
        this.notices = notices;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskListener listener = task -> notices.getObject().told(task, recorder.getObject().record(task));
        ParseListeners.onEveryUserTask(configuration, task -> {
            task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
        });
    }
}
