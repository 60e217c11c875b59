package cn.gonggaigong.decision;

import cn.gonggaigong.platform.ParseListeners;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;


/**
 * Adds the {@link DecisionRecorder} to the completion of every user task of every deployed model, so no model
 * can forget it. The recorder is looked up when a task completes: it needs the JPA repositories, which are
 * built after the engine.
 */
@Component
public class DecisionRecordingPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<DecisionRecorder> recorder;

    public DecisionRecordingPlugin(ObjectProvider<DecisionRecorder> recorder) {
        this.recorder = recorder;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskListener listener = task -> recorder.getObject().notify(task);
        ParseListeners.onEveryUserTask(configuration, task -> {
            task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
        });
    }
}
