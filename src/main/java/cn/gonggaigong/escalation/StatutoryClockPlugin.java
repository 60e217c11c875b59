package cn.gonggaigong.escalation;

import cn.gonggaigong.platform.ParseListeners;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Puts every user task of every deployed model on the {@link StatutoryClock} (listeners create, complete, delete)
 * and registers the {@link WarningJobHandler} of the escalation timers, whose creation and deletion it keeps out of
 * the job log ({@link WarningTimerHistory}), and stops the clock while a process instance is suspended
 * ({@link SuspensionClock}). Needs the tables of V3, V20, V21 and V54.
 */
public class StatutoryClockPlugin extends AbstractProcessEnginePlugin {

    private final StatutoryClock clock;
    private final WarningRaiser raiser;
    private final Supplier<List<SuspensionListener>> suspensionListeners;

    public StatutoryClockPlugin(StatutoryClock clock, WarningRaiser raiser) {
        this(clock, raiser, List::of);
    }

    /** {@code suspensionListeners}: asked for at each suspension, so that they may be beans made after the engine. */
    public StatutoryClockPlugin(StatutoryClock clock, WarningRaiser raiser,
                                Supplier<List<SuspensionListener>> suspensionListeners) {
        this.clock = clock;
        this.raiser = raiser;
        this.suspensionListeners = suspensionListeners;
    }

    public StatutoryClock clock() {
        return clock;
    }

    public WarningRaiser raiser() {
        return raiser;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomJobHandlers() == null) {
            configuration.setCustomJobHandlers(new ArrayList<>());
        }
        configuration.getCustomJobHandlers().add(new WarningJobHandler(raiser));
        WarningTimerHistory.install(configuration);
        configuration.getCustomHistoryEventHandlers().add(new SuspensionClock(clock, suspensionListeners));
        TaskListener created = clock::created;
        TaskListener createdSkippingTheModels = task -> {
            TaskEntity entity = (TaskEntity) task;
            if (entity.getExecution() != null && entity.getExecution().isSkipCustomListeners()) {
                clock.created(task);
            }
        };
        TaskListener completed = task -> clock.ended(task, true);
        TaskListener deleted = task -> clock.ended(task, false);
        ParseListeners.onEveryUserTask(configuration, task -> {
            // Custom, so that it runs after the models' own listeners, which may set the assignee or the due date
            // the clock reads. When a command skips them (Cockpit's modification, by default), this one would be
            // skipped too: the built-in one starts the clock instead, there being no model listener to wait for.
            task.addTaskListener(TaskListener.EVENTNAME_CREATE, created);
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, createdSkippingTheModels);
            task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, completed);
            // Built in: an administrator's cancellation that skips the models' own listeners (Cockpit's
            // default) still stops the clock of the tasks it deletes.
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, deleted);
        });
    }
}
