package cn.gonggaigong.escalation;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Told by {@link SuspensionClock} when the work of a process tree stops or starts again: the first of its instances
 * suspended (挂起), the last of them activated. In the engine's command, the same transaction.
 */
public interface SuspensionListener {

    /** The first instance of the tree under {@code rootProcessInstanceId} was suspended now. */
    void suspended(CommandContext context, String rootProcessInstanceId);

    /** The last suspended instance of the tree under {@code rootProcessInstanceId} was activated now. */
    void resumed(CommandContext context, String rootProcessInstanceId);
}
