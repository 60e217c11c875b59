package cn.gonggaigong.monitor;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.platform.EngineSql;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the league table's counts (Flyway V37: TASK_DONE, TASK_ON_TIME, PHASE_DONE, PHASE_DAYS by town) as the engine
 * writes the history they count: a task completed with a due date (V51: by whose it was, the town office's or
 * another's), a phase (call activity of a project's lifecycle) ended. One appended delta row per event, on the command's own connection, so the count commits or rolls back with
 * the history row; monitor_compact() folds the deltas like V32's. What it counts is exactly what
 * {@code monitor_rebuild_league} counts from the rows (LeagueCountsIT compares them).
 */
@Component
public class LeagueCounts extends AbstractProcessEnginePlugin {

    static final String TASK_DONE = "TASK_DONE";
    static final String TASK_ON_TIME = "TASK_ON_TIME";
    static final String PHASE_DONE = "PHASE_DONE";
    static final String PHASE_DAYS = "PHASE_DAYS";
    /** k2 of TASK_DONE and TASK_ON_TIME: a step of the project's town office, or of another office or the applicant. */
    static final String OWN = "OWN";
    static final String OTHER = "OTHER";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryEventHandlers() == null) {
            configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        configuration.getCustomHistoryEventHandlers().add(new Handler());
    }

    /**
     * The handler itself is not a Spring bean: Camunda's starter would install a HistoryEventHandler bean a second
     * time, and every event would be counted twice.
     */
    private static final class Handler implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricTaskInstanceEventEntity task
                    && event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_COMPLETE)
                    && "completed".equals(task.getDeleteReason()) && task.getDueDate() != null && task.getEndTime() != null
                    && task.getRootProcessInstanceId() != null) {
                boolean onTime = !task.getEndTime().after(task.getDueDate());
                // Whose step (V51): the town's office's when its group was a candidate of the task, written in an
                // earlier command's identity-link history.
                sql().update("insert into monitor_count_delta (figure, k1, k2, n)"
                        + " select f.figure, p.town_code,"
                        + " case when monitor_town_task(?, tw.group_id) then '" + OWN + "' else '" + OTHER + "' end, 1"
                        + " from project p join town tw on tw.code = p.town_code"
                        + " join (values ('" + TASK_DONE + "'), ('" + TASK_ON_TIME + "')) f(figure) on f.figure = '" + TASK_DONE
                        + "' or ?"
                        + " where p.process_instance_id = ?", task.getTaskId(), onTime, task.getRootProcessInstanceId());
            } else if (event instanceof HistoricActivityInstanceEventEntity activity
                    && event.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_END)
                    && "callActivity".equals(activity.getActivityType()) && activity.getStartTime() != null
                    && activity.getEndTime() != null && activity.getProcessInstanceId() != null) {
                LocalDate start = activity.getStartTime().toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate();
                LocalDate end = activity.getEndTime().toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate();
                // Nothing when a day is not in the working-day table, as the row-counting query joins it.
                sql().update("insert into monitor_count_delta (figure, k1, n)"
                        + " select f.figure, p.town_code, case f.figure when '" + PHASE_DONE + "' then 1 else de.ordinal - ds.ordinal end"
                        + " from project p join working_day ds on ds.day = ? join working_day de on de.day = ?"
                        + " cross join (values ('" + PHASE_DONE + "'), ('" + PHASE_DAYS + "')) f(figure)"
                        + " where p.process_instance_id = ?", Date.valueOf(start), Date.valueOf(end),
                        activity.getProcessInstanceId());
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }

        private static EngineSql sql() {
            return new EngineSql(Context.getCommandContext());
        }
    }
}
