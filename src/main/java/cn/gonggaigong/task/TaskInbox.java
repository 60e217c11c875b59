package cn.gonggaigong.task;

import cn.gonggaigong.platform.ParseListeners;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.gonggaigong.process.ProjectLifecycleProcess;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import cn.gonggaigong.platform.EngineSessions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the task lists' read model, table {@code task_inbox} (V31), in step with Camunda's runtime tables: one row
 * per open task and party that may work on it ({@code g:<group>} candidate group, {@code u:<user>} assignee, owner
 * or candidate user), with the task's due date, arrival, name and project, so that {@link TaskQueries#mine} reads
 * a user's list as one index range per party, already in due-date order. A claimed task is in its assignee's (and
 * owner's) list only, not in the lists of the candidates who did not claim it (V38; as Camunda's TaskQuery by
 * candidate leaves out assigned tasks): the page says "签收后由您本人办理，其他同事不再看到此任务".
 * <p>
 * Every user task of every deployed model gets a task listener on create, assignment, update, complete and delete
 * (the engine fires "update" for owner, delegation and due-date changes and for a candidate removed through the
 * API). The listener only notes the task in this command's {@link Changes}; just before the transaction commits,
 * after the engine has written its own changes, the rows of the noted tasks are deleted and made again from
 * ACT_RU_TASK and ACT_RU_IDENTITYLINK in two statements — in the engine's transaction, so the list never shows
 * what was rolled back. A completed or deleted task has no ACT_RU_TASK row any more and so no rows.
 * <p>
 * A candidate added through the API ({@code TaskService.addCandidateGroup}, Tasklist's "add group"), for which
 * Camunda 7 fires no task event, is seen through the engine's identity-link history event (history level full, the
 * product's setting); a due date moved by our own code is noted with {@link #touch(CommandContext, String)}.
 */
public final class TaskInbox {

    static final String DELETE = "delete from task_inbox where task_id = any (?)";

    /** The rows of the given open tasks (V31 fills the table for every task with the same statement). */
    static final String REFRESH = """
            insert into task_inbox (task_id, party, due_date, create_time, task_name, task_def_key, project_id,
                        town_group, applicant_user_id)
            select t.id_, x.party, t.due_date_, t.create_time_, t.name_, t.task_def_key_, p.id, tw.group_id, p.applicant_user_id
              from act_ru_task t
              cross join lateral (
                    select 'g:' || l.group_id_ from act_ru_identitylink l
                     where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null and t.assignee_ is null
                    union select 'u:' || l.user_id_ from act_ru_identitylink l
                     where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.user_id_ is not null and t.assignee_ is null
                    union select 'u:' || t.assignee_ where t.assignee_ is not null
                    union select 'u:' || t.owner_ where t.owner_ is not null) x(party)
              left join lateral (select v.long_ from act_ru_variable v
                                  where v.execution_id_ = t.proc_inst_id_ and v.name_ = '%s' and v.task_id_ is null
                                  limit 1) v on true
              left join project p on p.id = v.long_
  left join town tw on tw.code = p.town_code
             where t.id_ = any (?)""".formatted(ProjectLifecycleProcess.Var.PROJECT_ID);

    private TaskInbox() {
    }

    /** Party of a candidate group in {@code task_inbox}. */
    public static String group(String groupId) {
        return "g:" + groupId;
    }

    /** Party of a user (assignee, owner, candidate user) in {@code task_inbox}. */
    public static String user(String userId) {
        return "u:" + userId;
    }

    /** Notes a task whose list rows must be made again before the transaction commits; nothing when the engine has
     * no read model (a process-test engine without the plugin). */
    public static void touch(CommandContext context, String taskId) {
        if (context != null && taskId != null && context.getSessionFactories().containsKey(Changes.class)) {
            context.getSession(Changes.class).add(taskId);
        }
    }

    /**
     * The tasks noted in one command. They are written when the transaction is about to commit (Camunda's
     * COMMITTING: Spring's beforeCommit, or just before a standalone engine commits), after the engine has written
     * its own rows; not at the session's flush, which Camunda runs newest session first, before the engine's.
     */
    static final class Changes implements Session {

        private final CommandContext context;
        private final Set<String> taskIds = new LinkedHashSet<>();

        Changes(CommandContext context) {
            this.context = context;
        }

        void add(String taskId) {
            if (taskIds.isEmpty()) {
                context.getTransactionContext().addTransactionListener(TransactionState.COMMITTING, ignored -> write());
            }
            taskIds.add(taskId);
        }

        private void write() {
            if (taskIds.isEmpty()) {
                return;
            }
            List<String> ids = new ArrayList<>(taskIds);
            taskIds.clear();
            boolean spring = TransactionSynchronizationManager.isActualTransactionActive();
            try {
                // In Spring the command's own connection handle is closed by now; a new handle from the engine's
                // transaction-aware DataSource is the same transaction's connection. A standalone engine's command is
                // still open and its connection is the transaction.
                Connection connection = spring ? context.getProcessEngineConfiguration().getDataSource().getConnection()
                        : context.getDbSqlSession().getSqlSession().getConnection();
                try {
                    java.sql.Array array = connection.createArrayOf("varchar", ids.toArray());
                    try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                        delete.setArray(1, array);
                        delete.executeUpdate();
                    }
                    try (PreparedStatement insert = connection.prepareStatement(REFRESH)) {
                        insert.setArray(1, array);
                        insert.executeUpdate();
                    }
                } finally {
                    if (spring) {
                        connection.close();
                    }
                }
            } catch (SQLException e) {
                throw new ProcessEngineException("Could not update the task lists (task_inbox) for tasks " + ids, e);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** Registers the listeners on every user task and the per-command {@link Changes}. */
    @org.springframework.stereotype.Component
    public static final class Plugin extends AbstractProcessEnginePlugin {

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            EngineSessions.register(configuration, Changes.class,
                    () -> new Changes(Context.getCommandContext()));
            if (configuration.getCustomHistoryEventHandlers() == null) {
                configuration.setCustomHistoryEventHandlers(new ArrayList<>());
            }
            configuration.getCustomHistoryEventHandlers().add(new HistoryEventHandler() {
                @Override
                public void handleEvent(HistoryEvent event) {
                    if (event instanceof HistoricIdentityLinkLogEventEntity link && link.getTaskId() != null) {
                        touch(Context.getCommandContext(), link.getTaskId());
                    }
                }

                @Override
                public void handleEvents(List<HistoryEvent> events) {
                    events.forEach(this::handleEvent);
                }
            });
            TaskListener noted = (DelegateTask task) -> touch(Context.getCommandContext(), task.getId());
            ParseListeners.onEveryUserTask(configuration, task -> {
                for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
                        TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE,
                        TaskListener.EVENTNAME_DELETE)) {
                    // Built in: Cockpit's cancellation and modification skip the models' own listeners
                    // by default, and the lists would keep tasks deleted there, or miss those created.
                    task.addBuiltInTaskListener(event, noted);
                }
            });
        }
    }
}
