package cn.gonggaigong.agreement;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.escalation.Notices;
import cn.gonggaigong.escalation.WarningMailer;
import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.process.Variables;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.security.Groups;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * A deadline of the monitoring agreement passed with its milestone not done (Art. 13 (二), Art. 14): the breach is
 * recorded on the milestone, the town, the natural resources bureau and the leading group's office are told (in the
 * application and by e-mail), and the town's explanation (说明协议时限逾期情况) is kept with it for the subsidy
 * (Art. 19) and the leading group.
 */
@Component("agreementBreaches")
public class AgreementBreaches {

    /** The form's fields of the explanation. */
    static final String REASON = "breachReason";
    static final String SUBJECT_RESPONSIBLE = "subjectResponsible";
    static final String REMEDY = "remedy";
    static final String EXPECTED_DATE = "expectedCompletionDate";
    /** What the explaining town reads on its task: the milestone, its deadline and how late it is. */
    static final String DESCRIPTION = "breachedMilestone";

    private final AgreementClock clock;
    private final WarningMailer mailer;

    public AgreementBreaches(AgreementClock clock, WarningMailer mailer) {
        this.clock = clock;
        this.mailer = mailer;
    }

    /** The model's 记录协议时限逾期: marks the breach, tells the offices, and describes it for the town's task. */
    public void recordBreach(DelegateExecution execution, String term) {
        AgreementMilestone milestone = clock.milestone(projectId(execution), term);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        milestone.breach(now);
        Project project = milestone.getProject();
        long daysLate = ChronoUnit.DAYS.between(milestone.getDeadline(), LocalDate.ofInstant(now, WorkingDayCalendar.ZONE));
        String description = "监管协议 " + milestone.getAgreementNumber() + " 约定「" + milestone.getName() + "」期限为"
                + milestone.getDeadline() + "，至今未完成（已逾期" + Math.max(1, daysLate) + "天）。";
        execution.setVariableLocal(DESCRIPTION, description);
        String townGroup = Variables.text(execution, ProjectLifecycleProcess.Var.TOWN_GROUP);
        String body = project.getTown().getName() + " 项目「" + project.getName() + "」(" + project.getCode() + ") "
                + description + "请" + project.getTown().getName() + "核查并说明逾期原因、是否属改造主体责任及整改措施；"
                + "属改造主体责任的，不予发放改造建设补贴（第十九条）。";
        CommandContext context = Context.getCommandContext();
        List<Long> told = context.runWithoutAuthorization(() -> Notices.toGroups(context,
                List.of(townGroup, Groups.NRB, Groups.LEADING_GROUP_OFFICE), project.getId(), "【协议时限逾期】" + project.getName(), body));
        mailer.afterCommit(context, told);
    }

    /** The model's 记录逾期说明: keeps the town's explanation on the milestone. */
    public void recordExplanation(DelegateExecution execution, String term) {
        AgreementMilestone milestone = clock.milestone(projectId(execution), term);
        String expected = Variables.text(execution, EXPECTED_DATE);
        milestone.explain(Variables.text(execution, REASON), Variables.flag(execution, SUBJECT_RESPONSIBLE),
                Variables.text(execution, REMEDY),
                expected == null || expected.isBlank() ? null : LocalDate.parse(expected.substring(0, 10)),
                Context.getCommandContext().getAuthenticatedUserId(), ClockUtil.getCurrentTime().toInstant());
    }

    private static long projectId(DelegateExecution execution) {
        return Variables.id(execution, ProjectLifecycleProcess.Var.PROJECT_ID);
    }
}
