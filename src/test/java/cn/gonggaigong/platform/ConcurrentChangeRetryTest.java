package cn.gonggaigong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ConcurrentChangeRetryTest {

    private final ConcurrentChangeRetry retry = new ConcurrentChangeRetry();
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void runsAgainAfterAConcurrentChangeAndReturnsWhatTheLaterAttemptGave() {
        String result = retry.call("complete t1", () -> {
            if (calls.incrementAndGet() < ConcurrentChangeRetry.ATTEMPTS) {
                throw new OptimisticLockingException("ACT_RU_JOB j1 was updated by another transaction concurrently");
            }
            return "done on attempt " + calls.get();
        });
        assertThat(result).isEqualTo("done on attempt 3");
        assertThat(calls).hasValue(ConcurrentChangeRetry.ATTEMPTS);
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheConflictItself() {
        OptimisticLockingException last = new OptimisticLockingException("still changed");
        assertThatThrownBy(() -> retry.run("complete t2", () -> {
            calls.incrementAndGet();
            throw last;
        })).isSameAs(last);
        assertThat(calls).hasValue(ConcurrentChangeRetry.ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotRunAgain() {
        assertThatThrownBy(() -> retry.run("complete t3", () -> {
            calls.incrementAndGet();
            throw new ProcessEngineException("no such task");
        })).hasMessage("no such task");
        assertThat(calls).hasValue(1);
    }

    @Test
    void refusesToRunInsideATransactionWhichCouldNotBeRunAgain() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> retry.run("complete t4", calls::incrementAndGet))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside a transaction");
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(calls).hasValue(0);
    }
}
