package cn.gonggaigong.platform;

import java.util.ArrayList;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a person's work on a task again when it met a concurrent change of the same engine rows, wherever it came
 * from: Tasklist and Camunda's REST API call the engine directly, where the product's own pages go through
 * {@link ConcurrentChangeRetry}. The usual cause is the task's escalation timer falling due while its officer
 * completes it (the job executor locks the timer job the completion deletes); before, Tasklist showed an error for
 * what a second click would have done. Only claiming, completing, submitting a form and handing a delegated task back
 * are run again ({@link #RETRIED}): their transaction was rolled back whole, and each attempt reads the task afresh
 * and checks everything as the first did. Not inside a transaction of the caller's (a page's service method, which
 * {@link ConcurrentChangeRetry} runs again itself), nor inside another engine command.
 */
@Component
public class EngineCommandRetry extends AbstractProcessEnginePlugin {

    static final Set<Class<?>> RETRIED = Set.of(ClaimTaskCmd.class, CompleteTaskCmd.class, SubmitTaskFormCmd.class,
            ResolveTaskCmd.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        // Before the transaction interceptor: each attempt is a transaction of its own.
        configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new Interceptor());
    }

    static final class Interceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (!RETRIED.contains(command.getClass()) || Context.getCommandContext() != null
                    || TransactionSynchronizationManager.isActualTransactionActive()) {
                return next.execute(command);
            }
            return ConcurrentChangeRetry.attempts(command.getClass().getSimpleName(), () -> next.execute(command));
        }
    }
}
