package cn.gonggaigong.platform;

import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a person's action on a task again when it met a concurrent change of the same engine rows
 * ({@link OptimisticLockingException}). The usual cause is not another person but the system: a task's escalation
 * timer falls due while its officer submits the form, and the job executor (of this node or another) locks the timer
 * job that the completion is deleting. The completion's transaction was rolled back whole, so it can simply run again:
 * each attempt reads the task afresh and checks everything as the first did. Up to {@link #ATTEMPTS} attempts; when the
 * last one still conflicts, the exception goes to the caller (HTTP 409, nothing saved).
 * <p>
 * Call it outside a transaction (from a controller), around the transactional service method: inside one, the
 * rolled-back transaction could not be run again.
 */
@Component
public class ConcurrentChangeRetry {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentChangeRetry.class);

    public static final int ATTEMPTS = 3;
    /** What the person is told when every attempt met a concurrent change (HTTP 409). */
    public static final String GAVE_UP = "该任务正被他人或系统同时处理，已自动重试仍未成功；本次提交未保存，请稍后再试";
    private static final long PAUSE_MILLIS = 50;

    public <T> T call(String action, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("ConcurrentChangeRetry must run outside a transaction: " + action);
        }
        return attempts(action, work);
    }

    /**
     * The attempts themselves, for a caller that has made sure each one is a transaction of its own (the pages'
     * {@link #call}, and {@link EngineCommandRetry} for the engine's REST API).
     */
    static <T> T attempts(String action, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (OptimisticLockingException conflict) {
                if (attempt >= ATTEMPTS) {
                    log.warn("{}: still a concurrent change after {} attempts, given up: {}", action, attempt, conflict.getMessage());
                    throw conflict;
                }
                log.info("{}: concurrent change of the same rows (attempt {} of {}), running it again: {}",
                        action, attempt, ATTEMPTS, conflict.getMessage());
                pause(attempt, conflict);
            }
        }
    }

    public void run(String action, Runnable work) {
        call(action, () -> {
            work.run();
            return null;
        });
    }

    /** A short pause, longer each time, so that the other transaction (a job of a few milliseconds) can finish. */
    private static void pause(int attempt, OptimisticLockingException conflict) {
        try {
            Thread.sleep(PAUSE_MILLIS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw conflict;
        }
    }
}
