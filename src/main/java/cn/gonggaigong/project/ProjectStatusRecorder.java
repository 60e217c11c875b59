package cn.gonggaigong.project;

import cn.gonggaigong.decision.DecisionRecordRepository;
import cn.gonggaigong.escalation.Notices;
import cn.gonggaigong.escalation.WarningMailer;
import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.process.Variables;
import cn.gonggaigong.security.Groups;
import cn.gonggaigong.task.TaskQueries;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
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
    private final DecisionRecordRepository decisions;
    private final WarningMailer mailer;
    private final TaskQueries tasks;

    public ProjectStatusRecorder(ProjectRepository projects, DecisionRecordRepository decisions, WarningMailer mailer,
            TaskQueries tasks) {
        this.projects = projects;
        this.decisions = decisions;
        this.mailer = mailer;
        this.tasks = tasks;
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
        toldTheEnd(project, status);
    }

    /**
     * The applicant and the town learn that the project's approval has ended and how; a scheme not approved with
     * the step that decided it and its opinion (the committee's or the government's reasons). Before, a project that
     * was not admitted or not approved simply left their lists.
     */
    private void toldTheEnd(Project project, ProjectStatus status) {
        String what = project.describe();
        String body = switch (status) {
            case COMPLETED -> what + "已完成全部审批流程。";
            case REJECTED -> what + "的改造方案未获通过，审批流程结束。";
            case WITHDRAWN -> what + "未纳入实施，审批流程结束（相关权利主体未同意改造，或经批准的年度实施计划未列入该项目）。";
            default -> what + "的审批流程已结束（" + status.label() + "）。";
        };
        if (status == ProjectStatus.REJECTED) {
            // The step that decided it: the project's last decision (the query flushes it to the database first).
            body += decisions.findFirstByProjectIdOrderByDecidedAtDescIdDesc(project.getId())
                    .map(last -> "决定环节：" + last.getTaskName() + "（"
                            + last.getDecidedAt().atZone(cn.gonggaigong.clock.WorkingDayCalendar.ZONE).toLocalDate() + "）"
                            + (last.getOpinion() == null ? "" : "，意见：" + last.getOpinion()) + "。")
                    .orElse("");
        }
        String text = body + "详情请在项目详情中查看。";
        CommandContext context = Context.getCommandContext();
        List<Long> told = context.runWithoutAuthorization(() -> Notices.toGroupsAndUser(context,
                List.of(project.getTown().getGroupId()), project.getApplicantUserId(), project.getId(),
                "【项目" + status.label() + "】" + project.getName(), text));
        mailer.afterCommit(context, told);
    }

    /** The lifecycle was cancelled by an administrator ({@link ProjectCancellationPlugin}): the project is ended. */
    void cancelled(DelegateExecution execution) {
        Project project = ProjectLookup.of(projects, Variables.id(execution, ProjectLifecycleProcess.Var.PROJECT_ID));
        if (project.getStatus() != ProjectStatus.ACTIVE) {
            return;
        }
        String reason = execution instanceof ExecutionEntity entity ? entity.getDeleteReason() : null;
        CommandContext context = Context.getCommandContext();
        String by = context.getAuthenticatedUserId();
        // By an administrator (Cockpit, the REST API) or by a program calling the engine without a login.
        LOG.info("项目 {}（{}）的审批流程已被取消（{}），项目终止：{}", project.getCode(), project.getName(),
                by == null ? "无登录用户" : "用户 " + by, reason);
        project.setStatus(ProjectStatus.TERMINATED);
        project.setPhase(null);
        // Those who worked on it or waited for it learn that it ended, and why: the town, NRB, the offices whose open
        // tasks are removed with it (a department at the consultation, the committee), the applicant. The engine has
        // removed the tasks in this command but writes that at its end: the database still has them.
        Set<String> groups = new LinkedHashSet<>(List.of(project.getTown().getGroupId(), Groups.NRB));
        groups.addAll(tasks.groupsOf(project.getId()));
        String body = project.describe() + "的审批流程已由系统管理员" + (by == null ? "" : "（" + by + "）") + "取消，项目终止，其待办事项一并撤销。"
                + "原因：" + (reason == null || reason.isBlank() ? "未填写" : reason) + "。如有疑问，请联系系统管理员。";
        List<Long> told = context.runWithoutAuthorization(() -> Notices.toGroupsAndUser(context,
                List.copyOf(groups), project.getApplicantUserId(), project.getId(),
                "【项目已终止】" + project.getName(), body));
        mailer.afterCommit(context, told);
    }
}
