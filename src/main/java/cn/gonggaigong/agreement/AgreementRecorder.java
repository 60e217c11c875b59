package cn.gonggaigong.agreement;

import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.process.Variables;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.project.ProjectLookup;
import cn.gonggaigong.project.ProjectRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registers the deadlines of the monitoring agreement (Art. 13: demolition, start of construction, completion)
 * as milestones that supervision follows. A draft sent back before it was signed (退回 by the subject or the
 * government) and drafted again replaces the earlier draft's deadlines: a project follows one agreement.
 */
@Component("agreementRecorder")
public class AgreementRecorder implements JavaDelegate {

    /** Form field → milestone name. */
    static final Map<String, String> MILESTONES = new LinkedHashMap<>();

    static {
        MILESTONES.put("demolitionDeadline", "完成拆迁及补偿安置");
        MILESTONES.put("constructionStartDeadline", "动工建设");
        MILESTONES.put("completionDeadline", "竣工");
    }

    private final ProjectRepository projects;
    private final AgreementMilestoneRepository milestones;

    public AgreementRecorder(ProjectRepository projects, AgreementMilestoneRepository milestones) {
        this.projects = projects;
        this.milestones = milestones;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Project project = ProjectLookup.of(projects, Variables.id(execution, ProjectLifecycleProcess.Var.PROJECT_ID));
        String agreementNumber = Variables.text(execution, "agreementNumber");
        milestones.deleteAll(milestones.findByProjectIdOrderByDeadlineAsc(project.getId()));
        milestones.flush();
        MILESTONES.forEach((field, name) -> milestones.save(
                new AgreementMilestone(project, agreementNumber, field, name, date(execution, field))));
    }

    static LocalDate date(DelegateExecution execution, String field) {
        String value = Variables.text(execution, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("缺少监管协议时限 " + field);
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("监管协议时限 " + field + " 不是日期(yyyy-MM-dd):" + value);
        }
    }
}
