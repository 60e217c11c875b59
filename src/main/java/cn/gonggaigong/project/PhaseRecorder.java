package cn.gonggaigong.project;

import cn.gonggaigong.process.Phase;
import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.process.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Keeps {@link Project#getPhase()} in step with the call activity the lifecycle has entered. */
@Component("phaseRecorder")
public class PhaseRecorder implements ExecutionListener {

    private final ProjectRepository projects;

    public PhaseRecorder(ProjectRepository projects) {
        this.projects = projects;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Phase phase = Phase.ofCallActivity(execution.getCurrentActivityId()).orElseThrow(() ->
                new IllegalStateException("活动 " + execution.getCurrentActivityId() + " 不是生命周期的阶段"));
        Project project = ProjectLookup.of(projects, Variables.id(execution, ProjectLifecycleProcess.Var.PROJECT_ID));
        project.setPhase(phase.name());
    }
}
