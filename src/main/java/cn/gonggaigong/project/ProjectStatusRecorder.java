package cn.gonggaigong.project;

import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.process.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Sets the project's final status when its lifecycle reaches one of its end events, or is cancelled. */
@Component("projectStatusRecorder")
public class ProjectStatusRecorder implements ExecutionListener {

    private static final Map<String, ProjectStatus> STATUS_BY_END_EVENT = Map.of(
            ProjectLifecycleProcess.END_EVENT_COMPLETED, ProjectStatus.COMPLETED,
            ProjectLifecycleProcess.END_EVENT_REJECTED, ProjectStatus.REJECTED,
            ProjectLifecycleProcess.END_EVENT_WITHDRAWN, ProjectStatus.WITHDRAWN);

    private static final Logger LOG = LoggerFactory.getLogger(ProjectStatusRecorder.class);

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

    /** The lifecycle was cancelled by an administrator ({@link ProjectCancellationPlugin}): the project is ended. */
    void cancelled(DelegateExecution execution) {
        Project project = ProjectLookup.of(projects, Variables.id(execution, ProjectLifecycleProcess.Var.PROJECT_ID));
        if (project.getStatus() != ProjectStatus.ACTIVE) {
            return;
        }
        String reason = execution instanceof ExecutionEntity entity ? entity.getDeleteReason() : null;
        LOG.info("项目 {}（{}）的审批流程已被取消，项目终止：{}", project.getCode(), project.getName(), reason);
        project.setStatus(ProjectStatus.TERMINATED);
        project.setPhase(null);
    }
}
