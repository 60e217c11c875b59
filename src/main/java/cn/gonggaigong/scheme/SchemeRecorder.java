package cn.gonggaigong.scheme;

import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.process.Variables;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.project.ProjectLookup;
import cn.gonggaigong.project.ProjectRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Saves each compiled version of a project's scheme with its figures and hands the decision tables their inputs
 * (plot ratio and the shares that Art. 7 and Art. 10 limit).
 */
@Component("schemeRecorder")
public class SchemeRecorder implements JavaDelegate {

    private final ProjectRepository projects;
    private final SchemeRepository schemes;

    public SchemeRecorder(ProjectRepository projects, SchemeRepository schemes) {
        this.projects = projects;
        this.schemes = schemes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Project project = ProjectLookup.of(projects, Variables.id(execution, ProjectLifecycleProcess.Var.PROJECT_ID));
        SchemeFigures figures = SchemeFigures.from(execution).applyTo(execution);
        int version = schemes.findFirstByProjectIdOrderBySchemeVersionDesc(project.getId())
                .map(s -> s.getSchemeVersion() + 1).orElse(1);
        schemes.save(Scheme.of(project, version, figures));
    }
}
