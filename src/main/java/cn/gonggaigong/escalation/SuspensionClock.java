package cn.gonggaigong.escalation;

import cn.gonggaigong.platform.EngineSql;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cmd.ActivateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendProcessInstanceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.runtime.UpdateProcessInstanceSuspensionStateBuilderImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Stops the statutory clock while an administrator has a process instance suspended (挂起 in Cockpit, e.g. while a
 * dispute over the land is settled): nobody can work on its tasks then. Suspending it records since when
 * ({@code clock_suspension}, V54); activating it adds the working days in between to its open office tasks' limits
 * ({@link StatutoryClock#suspensionEnded}), their due dates, lists and warning timers move with them. Before, the
 * deadlines ran on and the activation raised red warnings at once for the days the project stood still.
 * <p>
 * Read from the engine's history event of the instance's new state, which every way of suspending produces (by
 * instance, by process definition, Cockpit, the REST and Java APIs, signed in or not), in the same transaction.
 * <p>
 * The instances it called follow it. The engine suspends by process instance id only, so suspending a project's
 * 项目全流程 (the instance Cockpit lists as the project's) left the phase instance it had called, where the tasks are,
 * workable, and their clock running. Now suspending an instance suspends its active called instances, and activating
 * an instance that was suspended activates its suspended called instances (also one an administrator had suspended
 * on its own before), each through the engine's own command in the same transaction, without a second authorization
 * check: whoever may suspend the project may suspend its phases. Each of them then gets its own event here, so the
 * clock stops and starts for each, and a phase's own called instances follow it in turn.
 * <p>
 * When the first instance of a process tree is suspended, and when the last is activated again, the
 * {@link SuspensionListener}s hear of it (the project's town and applicant are told, ProjectSuspensionNotices).
 */
final class SuspensionClock implements HistoryEventHandler {

    private final StatutoryClock clock;
    private final Supplier<List<SuspensionListener>> listeners;

    SuspensionClock(StatutoryClock clock, Supplier<List<SuspensionListener>> listeners) {
        this.clock = clock;
        this.listeners = listeners;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!(event instanceof HistoricProcessInstanceEventEntity instance)
                || !HistoryEventTypes.PROCESS_INSTANCE_UPDATE.getEventName().equals(instance.getEventType())) {
            return;
        }
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return;
        }
        EngineSql sql = new EngineSql(context);
        String id = instance.getProcessInstanceId();
        if (HistoricProcessInstance.STATE_SUSPENDED.equals(instance.getState())) {
            String root = rootOf(sql, id);
            boolean first = root != null && suspendedInTree(sql, root) == 0;
            sql.update("insert into clock_suspension (process_instance_id, suspended_at) values (?, ?) on conflict do nothing",
                    id, ClockUtil.getCurrentTime().toInstant());
            if (first) {
                listeners.get().forEach(l -> l.suspended(context, root));
            }
            for (String called : calledInstances(sql, id, SuspensionState.ACTIVE)) {
                context.runWithoutAuthorization(new SuspendProcessInstanceCmd(
                        new UpdateProcessInstanceSuspensionStateBuilderImpl().byProcessInstanceId(called)));
            }
        } else if (HistoricProcessInstance.STATE_ACTIVE.equals(instance.getState())) {
            Map<String, Object> suspended = sql.one(
                    "delete from clock_suspension where process_instance_id = ? returning suspended_at", id);
            if (suspended != null) {
                clock.suspensionEnded(context, id, EngineSql.instant(suspended.get("suspended_at")));
                // The last of the tree, before its called instances are activated (each then tells of its own).
                String root = rootOf(sql, id);
                if (root != null && suspendedInTree(sql, root) == 0) {
                    listeners.get().forEach(l -> l.resumed(context, root));
                }
                // Only for an instance that was suspended: the engine fires this event with the state ACTIVE too when
                // a called instance takes its business key, once per phase started.
                for (String called : calledInstances(sql, id, SuspensionState.SUSPENDED)) {
                    context.runWithoutAuthorization(new ActivateProcessInstanceCmd(
                            new UpdateProcessInstanceSuspensionStateBuilderImpl().byProcessInstanceId(called)));
                }
            }
        }
    }

    private static String rootOf(EngineSql sql, String processInstanceId) {
        Map<String, Object> row = sql.one("select root_proc_inst_id_ from act_ru_execution where id_ = ?", processInstanceId);
        return row == null ? null : (String) row.get("root_proc_inst_id_");
    }

    /** How many instances of the tree stand suspended (their clock_suspension rows). */
    private static long suspendedInTree(EngineSql sql, String root) {
        return ((Number) sql.one("""
                select count(*) as n from clock_suspension c join act_ru_execution e on e.id_ = c.process_instance_id
                 where e.root_proc_inst_id_ = ?""", root).get("n")).longValue();
    }

    /** The process instances that the instance's call activities started and that are in the given state. */
    private static List<String> calledInstances(EngineSql sql, String processInstanceId, SuspensionState state) {
        return sql.query("""
                select called.id_ from act_ru_execution caller
                  join act_ru_execution called on called.super_exec_ = caller.id_
                 where caller.proc_inst_id_ = ? and called.id_ = called.proc_inst_id_ and called.suspension_state_ = ?""",
                processInstanceId, state.getStateCode()).stream().map(row -> (String) row.get("id_")).toList();
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }
}
