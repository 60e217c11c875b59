package cn.gonggaigong.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.gonggaigong.escalation.Notices;
import cn.gonggaigong.escalation.WarningMailer;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.security.AccountStatus;
import cn.gonggaigong.security.Groups;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.task.DelegationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A task signed for (签收) or handed over (转办) to an officer who has since left (the user deleted, or disabled in
 * Keycloak: 离职) or moved to
 * another office (调岗, no longer in any of the task's offices) goes back to its offices' 单位待办, where a colleague
 * signs for it again; one delegated (委派) to such an officer goes back to the officer who delegated it. Before, it
 * stayed theirs: out of every colleague's list (a claimed task is its assignee's only), and nobody but an
 * administrator could take it back, so the project waited until its deadlines escalated.
 * <p>
 * Checked every {@code ggg.tasks.departed-check-interval} (5 minutes) on one node at a time (a transaction-scoped
 * advisory lock), for the active office tasks that have an assignee: the assignees are read from the identity
 * (the embedded one or Keycloak) once each. The task's 办理意见 say what happened, and its offices are told in
 * 消息 (e-mail where configured). A task assigned to a user with no office to give it back to (the applicant's) is
 * left as it is; so is one an administrator holds, or one assigned to a person made its candidate (Tasklist: an
 * administrator who wants someone outside the offices to do a task adds them as a candidate user).
 */
@Component
public class DepartedClaimants {

    private static final Logger LOG = LoggerFactory.getLogger(DepartedClaimants.class);

    /** The advisory lock that keeps two nodes from giving back the same tasks at once. */
    private static final long LOCK = 0x6767_6764_6570_6172L;

    /**
     * Active tasks with an assignee and someone else to give them back to, with their candidate groups and users:
     * what the check needs, not the task lists' whole row (read only for the tasks given back).
     */
    static final String CLAIMED = """
            select t.id_, t.assignee_,
                   array_remove(array_agg(l.group_id_), null) as groups, array_remove(array_agg(l.user_id_), null) as users
              from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate'
             where t.assignee_ is not null and t.suspension_state_ = ?
             group by t.id_, t.assignee_""";

    /** A claimed task as the check reads it. */
    private record Claimed(String taskId, String assignee, List<String> groups, List<String> users) {
    }

    private final JdbcTemplate jdbc;
    private final TaskQueries queries;
    private final UserDirectory users;
    private final ProcessEngine engine;
    private final WarningMailer mailer;
    private final TransactionTemplate transaction;
    private final ObjectProvider<AccountStatus> accounts;

    public DepartedClaimants(JdbcTemplate jdbc, TaskQueries queries, UserDirectory users, ProcessEngine engine,
                             WarningMailer mailer, TransactionTemplate transaction, ObjectProvider<AccountStatus> accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.queries = queries;
        this.users = users;
        this.engine = engine;
        this.mailer = mailer;
        this.transaction = transaction;
    }

    @Scheduled(initialDelayString = "${ggg.tasks.departed-check-interval:PT5M}",
            fixedDelayString = "${ggg.tasks.departed-check-interval:PT5M}")
    public void check() {
        try {
            int given = giveBack();
            if (given > 0) {
                LOG.info("{} 项任务的办理人已不在本单位（离职或调岗），已退回单位待办或交回委派人", given);
            }
        } catch (RuntimeException e) {
            // The identity (Keycloak) unreachable, a concurrent change: nothing was given back; the next round tries again.
            LOG.warn("未能检查已离职或调岗人员的待办：{}", e.getMessage());
        }
    }

    /** Gives back the tasks of officers who have left their offices; how many. */
    public int giveBack() {
        Integer given = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
                return 0; // another node is at it
            }
            List<Claimed> claimed = jdbc.query(CLAIMED, (rs, n) -> new Claimed(rs.getString(1), rs.getString(2),
                    List.of((String[]) rs.getArray(3).getArray()), List.of((String[]) rs.getArray(4).getArray())),
                    SuspensionState.ACTIVE.getStateCode());
            Map<String, Optional<Set<String>>> groups = new HashMap<>();
            Map<String, Boolean> left = new HashMap<>();
            for (Claimed task : claimed) {
                Optional<Set<String>> of = groups.computeIfAbsent(task.assignee(), this::groupsOfActive);
                // Theirs while in one of its offices, a candidate in person, or an administrator (who may hold any).
                boolean stillTheirs = of.isPresent() && (task.users().contains(task.assignee())
                        || task.groups().stream().anyMatch(of.get()::contains) || of.get().contains(Groups.ADMINS));
                if (!stillTheirs) {
                    left.put(task.taskId(), of.isEmpty());
                }
            }
            if (left.isEmpty()) {
                return 0;
            }
            List<TaskRow> rows = queries.byIds(left.keySet());
            rows.forEach(row -> giveBack(row, left.get(row.taskId())));
            return rows.size();
        });
        return given == null ? 0 : given;
    }

    /** The groups of a user who may still work; empty for one deleted, or disabled in Keycloak ({@link AccountStatus}). */
    private Optional<Set<String>> groupsOfActive(String userId) {
        AccountStatus status = accounts.getIfAvailable();
        return status != null && status.disabled(userId) ? Optional.empty() : users.groupsOf(userId);
    }

    private void giveBack(TaskRow row, boolean deleted) {
        TaskService tasks = engine.getTaskService();
        String who = users.name(row.assignee()) + "（" + row.assignee() + "）";
        String why = deleted ? "已不在系统中或已停用（离职）" : "已不在本单位（调岗）";
        if (DelegationState.PENDING.name().equals(row.delegationState()) && row.owner() != null) {
            // The delegating officer gets it back as if handed back (AssignmentNotices tells them why).
            tasks.createComment(row.taskId(), row.processInstanceId(), "受委派人 " + who + why + "，任务由系统交回委派人");
            tasks.resolveTask(row.taskId());
            LOG.info("任务 {}（{}）的受委派人 {} {}，已交回委派人 {}", row.taskName(), row.taskId(), row.assignee(), why, row.owner());
            return;
        }
        tasks.createComment(row.taskId(), row.processInstanceId(), "原办理人 " + who + why + "，任务由系统退回单位待办");
        tasks.setAssignee(row.taskId(), null);
        LOG.info("任务 {}（{}）的办理人 {} {}，已退回单位待办", row.taskName(), row.taskId(), row.assignee(), why);
        if (row.candidateGroups().isEmpty()) {
            return; // a candidate user's: it is in their list again, and nobody else's to tell
        }
        String project = row.projectId() == null ? ""
                : Project.describe(row.projectName(), row.projectCode(), row.townName()) + "的";
        String body = project + "「" + row.taskName() + "」原由 " + who + "办理，其" + why + "，任务已退回本单位待办，请重新签收办理。";
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    mailer.afterCommit(context, Notices.toGroups(context, row.candidateGroups(), row.projectId(),
                            "【退回单位待办】" + row.taskName(), body));
                    return null;
                });
    }
}
