package cn.gonggaigong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Which engine commands {@link EngineCommandRetry} runs again after a concurrent change, and how often. */
class EngineCommandRetryTest {

    private final AtomicInteger runs = new AtomicInteger();

    /** The engine below the interceptor: a concurrent change in the first {@code conflicts} runs, then done. */
    private EngineCommandRetry.Interceptor interceptor(int conflicts) {
        EngineCommandRetry.Interceptor interceptor = new EngineCommandRetry.Interceptor();
        interceptor.setNext(new CommandExecutor() {
            @Override
            public <T> T execute(Command<T> command) {
                if (runs.incrementAndGet() <= conflicts) {
                    throw new OptimisticLockingException("ENGINE-03005 Execution of 'DELETE TimerEntity[j1]' failed. "
                            + "Entity was updated by another transaction concurrently.");
                }
                return null; // done
            }
        });
        return interceptor;
    }

    @Test
    void aCompletionThatMetAConcurrentChangeRunsAgain() {
        interceptor(2).execute(new CompleteTaskCmd("t1", null));
        assertThat(runs).as("two conflicts, then done").hasValue(3);
    }

    @Test
    void itGivesUpAfterThreeAttempts() {
        assertThatThrownBy(() -> interceptor(5).execute(new ClaimTaskCmd("t1", "zhanlong1")))
                .isInstanceOf(OptimisticLockingException.class);
        assertThat(runs).hasValue(ConcurrentChangeRetry.ATTEMPTS);
    }

    @Test
    void otherCommandsAreNotRunAgain() {
        Command<Object> other = commandContext -> "other";
        assertThatThrownBy(() -> interceptor(1).execute(other)).isInstanceOf(OptimisticLockingException.class);
        assertThat(runs).hasValue(1);
    }

    @Test
    void notInsideTheCallersTransactionWhichItsCallerRunsAgain() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> interceptor(1).execute(new CompleteTaskCmd("t1", null)))
                    .isInstanceOf(OptimisticLockingException.class);
            assertThat(runs).hasValue(1);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
    }
}
