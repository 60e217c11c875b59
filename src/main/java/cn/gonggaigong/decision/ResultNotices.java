package cn.gonggaigong.decision;

import java.util.ArrayList;
import java.util.List;

import cn.gonggaigong.escalation.Notices;
import cn.gonggaigong.escalation.WarningMailer;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.task.TaskModel;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The applicant learns the results that concern them (办理结果): when a step the model marks with
 * {@value #TELLS_APPLICANT} is completed for their project — the subject confirmed, the scheme reviewed or approved,
 * the agreement signed by the government, the land registered, the completion inspected, the subsidy paid, the
 * transition period assessed — a notice (and an e-mail, after the commit) says what was decided, in the words of the
 * step's form, with its 文号, its facts and its opinion. An answer that ends the project is told by the project's end
 * (ProjectStatusRecorder), not twice: the model's endsProject answers, and those the mark leaves out (the committee's
 * 不予通过 ends the project unless the leading group takes it up, which the applicant is then told). Steps of the
 * applicant's own (they know what they did) carry no mark.
 */
@Component
public class ResultNotices {

    /**
     * The model's property marking a user task whose result the applicant is told: {@code *} for every answer, or the
     * answers told, separated by commas.
     */
    public static final String TELLS_APPLICANT = "tellsApplicant";

    private final DecisionLabels labels;
    private final TaskModel model;
    private final WarningMailer mailer;

    public ResultNotices(DecisionLabels labels, TaskModel model, WarningMailer mailer) {
        this.labels = labels;
        this.model = model;
        this.mailer = mailer;
    }

    private static boolean ends(TaskModel.UserTaskFacts facts, DelegateTask task, DecisionRecord record) {
        return facts.ends(name -> name.equals(facts.decisionVariable()) ? record.getOutcome() : task.getVariable(name));
    }

    /** Tells the project's applicant the result {@code record} of {@code task}, where the model asks for it. */
    void told(DelegateTask task, DecisionRecord record) {
        UserTask element = task.getBpmnModelElementInstance();
        // The model's mark first: most steps have none, and the project (a reference until read) stays unread.
        if (element == null
                || !TaskModel.property(element, TELLS_APPLICANT).map(answers -> tells(answers, record.getOutcome())).orElse(false)
                || ends(model.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey()), task, record)) {
            return;
        }
        Project project = record.getProject();
        if (project == null || project.getApplicantUserId() == null) {
            return;
        }
        String title = "【办理结果】" + project.getName();
        String body = text(task.getProcessDefinitionId(), project, record);
        CommandContext context = Context.getCommandContext();
        List<Long> told = context.runWithoutAuthorization(() -> Notices.toProjectUser(context,
                project.getApplicantUserId(), project.getId(), title, body));
        mailer.afterCommit(context, told);
    }

    /** Whether the mark's answers ({@code *}, or a comma-separated list) include {@code outcome}. */
    static boolean tells(String answers, String outcome) {
        return answers.strip().equals("*") || TaskModel.names(answers).contains(outcome);
    }

    /**
     * 项目「…」（…）的“审批改造方案”已办理：批准；文号：…；批复日期：…；意见：…。详情请在项目详情中查看。 A step that
     * decides nothing but is done says only what it recorded.
     */
    String text(String processDefinitionId, Project project, DecisionRecord record) {
        String key = record.getTaskDefinitionKey();
        List<String> parts = new ArrayList<>();
        if (!DecisionRecorder.DONE.equals(record.getOutcome())) {
            parts.add(labels.decision(processDefinitionId, key, record.getOutcome()));
        }
        if (record.getDocumentNumber() != null) {
            parts.add("文号：" + record.getDocumentNumber());
        }
        labels.facts(processDefinitionId, key, record.getFacts()).forEach(f -> parts.add(f.label() + "：" + f.value()));
        String reason = labels.reason(processDefinitionId, key, record.getReasonField(), record.getReason());
        if (reason != null) {
            parts.add(reason);
        }
        if (record.getOpinion() != null) {
            parts.add("意见：" + record.getOpinion());
        }
        return project.describe() + "的“" + record.getTaskName() + "”已办理" + (parts.isEmpty() ? "" : "：" + String.join("；", parts))
                + "。详情请在项目详情中查看。";
    }
}
