package cn.gonggaigong.project;

import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.escalation.Notices;
import cn.gonggaigong.escalation.SuspensionListener;
import cn.gonggaigong.escalation.WarningMailer;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * When an administrator suspends (挂起) a project's process, and when its work may go on again, the town's officers
 * and the applicant are told in 消息 (and by mail where configured): they could otherwise only find a task refused,
 * or wait without knowing why. Once per project, however many of its instances are suspended; none for the shared
 * processes (annual plan, unit plans), which are no project's.
 */
@Component
public class ProjectSuspensionNotices implements SuspensionListener {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(WorkingDayCalendar.ZONE);

    private final ObjectProvider<ProjectRepository> projects;
    private final ObjectProvider<WarningMailer> mailer;

    public ProjectSuspensionNotices(ObjectProvider<ProjectRepository> projects, ObjectProvider<WarningMailer> mailer) {
        this.projects = projects;
        this.mailer = mailer;
    }

    @Override
    public void suspended(CommandContext context, String rootProcessInstanceId) {
        tell(context, rootProcessInstanceId, "【项目暂停办理】", "的审批流程已于 "
                + MINUTE.format(ClockUtil.getCurrentTime().toInstant()) + " 由系统管理员挂起（暂停）：恢复前各环节不能签收或办理，"
                + "挂起期间不计入办理时限。如有疑问，请联系系统管理员。");
    }

    @Override
    public void resumed(CommandContext context, String rootProcessInstanceId) {
        tell(context, rootProcessInstanceId, "【项目恢复办理】", "的审批流程已由系统管理员恢复，各环节可继续办理；"
                + "挂起期间的工作日已顺延计入各环节的办理期限。");
    }

    private void tell(CommandContext context, String root, String title, String text) {
        projects.getObject().findByProcessInstanceId(root).filter(p -> p.getStatus() == ProjectStatus.ACTIVE)
                .ifPresent(project -> {
                    List<Long> told = context.runWithoutAuthorization(() -> Notices.toGroupsAndUser(context,
                            List.of(project.getTown().getGroupId()), project.getApplicantUserId(), project.getId(),
                            title + project.getName(), project.describe() + text));
                    mailer.getObject().afterCommit(context, told);
                });
    }
}
