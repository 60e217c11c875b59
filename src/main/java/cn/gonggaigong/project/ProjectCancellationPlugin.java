package cn.gonggaigong.project;

import cn.gonggaigong.platform.ParseListeners;
import cn.gonggaigong.process.ProjectLifecycleProcess;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A project's lifecycle cancelled by an administrator (Cockpit's 取消流程实例, or the REST API's delete: an entry made
 * in error, an applicant who gave up) ends the project as {@link ProjectStatus#TERMINATED}. Before, the project stayed
 * 审批实施中 in its phase with no task left, counted among the projects in work on the leading group's dashboard for
 * good. The listener is built in, so it runs also where the cancellation skips the models' own listeners (Cockpit's
 * default), and it is added when each version of the lifecycle is parsed, so instances started before it have it too.
 */
@Component
public class ProjectCancellationPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ProjectStatusRecorder> recorder;

    public ProjectCancellationPlugin(ObjectProvider<ProjectStatusRecorder> recorder) {
        this.recorder = recorder;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ExecutionListener ended = execution -> {
            if (execution.isCanceled() && execution.getId().equals(execution.getProcessInstanceId())) {
                recorder.getObject().cancelled(execution);
            }
        };
        ParseListeners.add(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                if (ProjectLifecycleProcess.PROCESS_ID.equals(processDefinition.getKey())) {
                    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, ended);
                }
            }
        });
    }
}
