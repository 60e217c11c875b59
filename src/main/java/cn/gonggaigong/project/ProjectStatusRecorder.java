package cn.gonggaigong.project;

import cn.gonggaigong.escalation.Notices;
import cn.gonggaigong.escalation.WarningMailer;
import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.process.Variables;
import cn.gonggaigong.security.Groups;
import java.util.List;
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
    private final WarningMailer mailer;

    public ProjectStatusRecorder(ProjectRepository projects, WarningMailer mailer) {
        this.projects = projects;
        this.mailer = mailer;
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
        CommandContext context = Context.getCommandContext();
        String by = context.getAuthenticatedUserId();
        LOG.info("项目 {}（{}）的审批流程已被 {} 取消，项目终止：{}", project.getCode(), project.getName(), by, reason);
        project.setStatus(ProjectStatus.TERMINATED);
        project.setPhase(null);
        // Those who worked on it or waited for it learn that it ended, and why: the town, NRB, the applicant.
        String body = "项目「" + project.getName() + "」（" + project.getCode() + "，" + project.getTown().getName()
                + "）的审批流程已由系统管理员" + (by == null ? "" : "（" + by + "）") + "取消，项目终止，其待办事项一并撤销。"
                + "原因：" + (reason == null || reason.isBlank() ? "未填写" : reason) + "。如有疑问，请联系系统管理员。";
        List<Long> told = context.runWithoutAuthorization(() -> Notices.toGroupsAndUser(context,
                List.of(project.getTown().getGroupId(), Groups.NRB), project.getApplicantUserId(), project.getId(),
                "【项目已终止】" + project.getName(), body));
        mailer.afterCommit(context, told);
    }
}
