package cn.gonggaigong.escalation;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The timer job of one grade of one task: raises that warning when it falls due. Jobs are Camunda's, so every node
 * of a cluster acquires them through the engine's job acquisition; the warning, its notifications and the job's
 * deletion commit together, and the unique index on {@code task_warning (task_id, grade)} keeps a grade single
 * even if a job ran twice.
 */
public class WarningJobHandler implements JobHandler<WarningJobHandler.Configuration> {

    public static final String TYPE = "ggg-task-warning";

    private final WarningRaiser raiser;

    public WarningJobHandler(WarningRaiser raiser) {
        this.raiser = raiser;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(Configuration configuration, ExecutionEntity execution, CommandContext context, String tenantId) {
        TaskEntity task = context.getTaskManager().findTaskById(configuration.taskId());
        if (task != null) {
            raiser.raise(context, task, configuration.grade(), null, null);
        }
    }

    @Override
    public Configuration newConfiguration(String canonicalString) {
        return Configuration.parse(canonicalString);
    }

    @Override
    public void onDelete(Configuration configuration, JobEntity jobEntity) {
        // nothing of ours to clean up
    }

    /** {@code <taskId>:<GRADE>}. */
    public record Configuration(String taskId, Grade grade) implements JobHandlerConfiguration {

        static final String SEPARATOR = ":";

        static Configuration parse(String canonical) {
            int at = canonical.lastIndexOf(SEPARATOR);
            return new Configuration(canonical.substring(0, at), Grade.valueOf(canonical.substring(at + 1)));
        }

        @Override
        public String toCanonicalString() {
            return taskId + SEPARATOR + grade.name();
        }
    }
}
