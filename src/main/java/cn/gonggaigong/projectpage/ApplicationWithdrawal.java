package cn.gonggaigong.projectpage;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.gonggaigong.decision.DecisionRecord;
import cn.gonggaigong.decision.DecisionRecordRepository;
import cn.gonggaigong.escalation.Notices;
import cn.gonggaigong.escalation.WarningMailer;
import cn.gonggaigong.process.Phase;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.project.ProjectNotFoundException;
import cn.gonggaigong.project.ProjectRepository;
import cn.gonggaigong.project.ProjectStatus;
import cn.gonggaigong.security.CurrentUser;
import cn.gonggaigong.security.Groups;
import cn.gonggaigong.task.ApiProblem;
import cn.gonggaigong.task.SystemRights;
import cn.gonggaigong.task.TaskQueries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant withdraws their application (撤回申请) while the scheme is not yet approved: the lifecycle is
 * cancelled with its open tasks, the project ends as 已终止, the withdrawal and its reason are on the project's record
 * (办理过程), and the town, NRB, the offices whose open tasks of it were withdrawn with it, and the applicant are told.
 * Once the government has approved the scheme the compensation vote, the agreement and the land follow from it: the
 * applicant asks the town, and an administrator ends the lifecycle (ProjectCancellationPlugin).
 */
@Service
public class ApplicationWithdrawal {

    /** The withdrawal's entry in decision_record (no user task of a model: its key and name are the product's). */
    public static final String STEP = "ApplicantWithdrawal";
    public static final String STEP_NAME = "申请人撤回申请";
    public static final String OUTCOME = "WITHDRAWN_BY_APPLICANT";
    /** The record's reason field: the reason given (撤回原因). */
    public static final String REASON_FIELD = "withdrawalReason";
    static final int MAX_REASON = 500;

    private final ProjectRepository projects;
    private final DecisionRecordRepository decisions;
    private final TaskQueries tasks;
    private final ProcessEngine engine;
    private final SystemRights system;
    private final WarningMailer mailer;

    public ApplicationWithdrawal(ProjectRepository projects, DecisionRecordRepository decisions, TaskQueries tasks,
                                 ProcessEngine engine, SystemRights system, WarningMailer mailer) {
        this.projects = projects;
        this.decisions = decisions;
        this.tasks = tasks;
        this.engine = engine;
        this.system = system;
        this.mailer = mailer;
    }

    /** Why {@code user} may not withdraw the project now; empty where they may. */
    static Optional<ApiProblem> whyNot(Project project, CurrentUser user) {
        if (project.getApplicantUserId() == null || !project.getApplicantUserId().equals(user.userId())) {
            return Optional.of(ApiProblem.forbidden("只有申请人本人可以撤回申请"));
        }
        if (project.getStatus() != ProjectStatus.ACTIVE || project.getProcessInstanceId() == null) {
            return Optional.of(ApiProblem.conflict("项目" + project.getStatus().label() + "，无需撤回"));
        }
        Optional<Phase> phase = Phase.named(project.getPhase());
        if (phase.isPresent() && phase.get().compareTo(Phase.GOVERNMENT_APPROVAL) > 0) {
            return Optional.of(ApiProblem.conflict("改造方案已获市政府批准，项目现处“" + phase.get().label()
                    + "”阶段，不能在系统中自行撤回：请书面向" + project.getTown().getName() + "提出，由其报市自然资源局处理"));
        }
        return Optional.empty();
    }

    /** Whether the current user may withdraw the project now (the project page offers it then). */
    static boolean allowed(Project project, CurrentUser user) {
        return whyNot(project, user).isEmpty();
    }

    /**
     * For the applicant of a project still in work that they may no longer withdraw themselves (the scheme approved):
     * how to end it instead; null for anyone else, and where they may or the project has ended.
     */
    static String instead(Project project, CurrentUser user) {
        if (project.getStatus() != ProjectStatus.ACTIVE || project.getApplicantUserId() == null
                || !project.getApplicantUserId().equals(user.userId())) {
            return null;
        }
        return whyNot(project, user).map(ApiProblem::getMessage).orElse(null);
    }

    @Transactional
    public void withdraw(long projectId, String reason) {
        CurrentUser user = CurrentUser.current();
        Project project = projects.findById(projectId).orElseThrow(() -> new ProjectNotFoundException(projectId));
        whyNot(project, user).ifPresent(problem -> {
            throw problem;
        });
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw ApiProblem.badField("撤回申请未提交", "reason", "必填：写明撤回的原因");
        }
        if (why.length() > MAX_REASON) {
            throw ApiProblem.badField("撤回申请未提交", "reason", "长度不能超过" + MAX_REASON + "个字符");
        }
        // Told: the town, NRB, and the offices whose tasks of the project are withdrawn with it (the town's first).
        Set<String> told = new LinkedHashSet<>(List.of(project.getTown().getGroupId(), Groups.NRB));
        told.addAll(tasks.groupsOf(projectId));
        DecisionRecord record = new DecisionRecord(project.getProcessInstanceId(), STEP, STEP_NAME, user.userId(),
                ClockUtil.getCurrentTime().toInstant(), OUTCOME, null, null);
        record.setReason(REASON_FIELD, why);
        record.setProject(project);
        decisions.save(record);
        // Ended here, so that the cancellation's own listener (an administrator's) leaves it as it is.
        project.setStatus(ProjectStatus.TERMINATED);
        project.setPhase(null);
        projects.flush();
        String title = "【项目已撤回】" + project.getName();
        String body = project.describe() + "的申请人" + project.getApplicantName() + "已撤回申请，项目终止，其待办事项一并撤销。"
                + "撤回原因：" + why + "。";
        // The applicant has no right to cancel a process instance in Camunda: the product decided above that they may.
        system.run(() -> {
            engine.getRuntimeService().deleteProcessInstance(project.getProcessInstanceId(), STEP_NAME + "：" + why);
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                    .execute(context -> {
                        mailer.afterCommit(context, Notices.toGroupsAndUser(context, List.copyOf(told),
                                project.getApplicantUserId(), project.getId(), title, body));
                        return null;
                    });
        });
    }
}
