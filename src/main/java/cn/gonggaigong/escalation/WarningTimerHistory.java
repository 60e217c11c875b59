package cn.gonggaigong.escalation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Camunda's history writer without the job log's "created" and "deleted" rows of the escalation timers
 * ({@link WarningJobHandler}); everything else, at the FULL level, is written as before, and so are these timers'
 * runs and failures.
 *
 * <p>Every office task schedules three timers and deletes those still pending when it ends, so at FULL history each
 * task left up to six {@code ACT_HI_JOB_LOG} rows that only repeat what {@code task_clock} and {@code task_warning}
 * record (the deadline, the warnings raised, when the task ended) — about an eighth of the rows a task completion
 * inserted (BENCHMARKS.md, P1). A timer that runs still logs its success or failure there, with its node, for
 * whoever looks into a failed escalation; the warning itself is in {@code task_warning}.
 */
final class WarningTimerHistory implements HistoryEventHandler {

    private final HistoryEventHandler database;

    WarningTimerHistory(HistoryEventHandler database) {
        this.database = database;
    }

    /** In place of Camunda's own database handler (which is then switched off), first among the handlers. */
    static void install(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getHistoryEventHandler() != null) {
            throw new IllegalStateException("A history event handler is already set; the escalation timers' job log "
                    + "cannot be left out of it");
        }
        if (configuration.getCustomHistoryEventHandlers() == null) {
            configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.getCustomHistoryEventHandlers().add(0, new WarningTimerHistory(new DbHistoryEventHandler()));
    }

    private static boolean written(HistoryEvent event) {
        return !(event instanceof HistoricJobLogEvent log)
                || !WarningJobHandler.TYPE.equals(log.getJobDefinitionType())
                || !(log.isCreationLog() || log.isDeletionLog());
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (written(event)) {
            database.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }
}
