package cn.gonggaigong.escalation;

import cn.gonggaigong.platform.EngineSql;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
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
 */
final class SuspensionClock implements HistoryEventHandler {

    private final StatutoryClock clock;

    SuspensionClock(StatutoryClock clock) {
        this.clock = clock;
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
            sql.update("insert into clock_suspension (process_instance_id, suspended_at) values (?, ?) on conflict do nothing",
                    id, ClockUtil.getCurrentTime().toInstant());
        } else if (HistoricProcessInstance.STATE_ACTIVE.equals(instance.getState())) {
            Map<String, Object> suspended = sql.one(
                    "delete from clock_suspension where process_instance_id = ? returning suspended_at", id);
            if (suspended != null) {
                clock.suspensionEnded(context, id, EngineSql.instant(suspended.get("suspended_at")));
            }
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }
}
