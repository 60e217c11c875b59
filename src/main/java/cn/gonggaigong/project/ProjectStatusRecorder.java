package cn.gonggaigong.project;

import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.process.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Sets the project's final status when its lifecycle reaches one of its end events. */
@Component("projectStatusRecorder")
public class ProjectStatusRecorder implements ExecutionListener {

    private static final Map<String, ProjectStatus> STATUS_BY_END_EVENT = Map.of(
            ProjectLifecycleProcess.END_EVENT_COMPLETED, ProjectStatus.COMPLETED,
            ProjectLifecycleProcess.END_EVENT_REJECTED, ProjectStatus.REJECTED,
            ProjectLifecycleProcess.END_EVENT_WITHDRAWN, ProjectStatus.WITHDRAWN);

    private final ProjectRepository projects;

    public ProjectStatusRecorder(ProjectRepository projects) {
        this.projects = projects;
    }

    @Override
    public void notify(DelegateExecution execution) {
        ProjectStatus status = STATUS_BY_END_EVENT.get(execution.getCurrentActivityId());
        if (status == null) {
            throw new IllegalStateException("未知的结束事件 " + execution.getCurrentActivityId());
        }
        Project project = ProjectLookup.of(projects, Variables.id(execution, ProjectLifecycleProcess.Var.PROJECT_ID));
        project.setStatus(status);
        project.setPhase(null);
    }
}
