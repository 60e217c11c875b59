package cn.gonggaigong.task;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** A {@link TaskContext} of some tasks of a project, made from the project's own records (none without a project). */
public abstract class ProjectTaskContext implements TaskContext {

    private final Set<String> tasks;

    protected ProjectTaskContext(Set<String> tasks) {
        this.tasks = Set.copyOf(tasks);
    }

    @Override
    public boolean appliesTo(String taskDefinitionKey) {
        return tasks.contains(taskDefinitionKey);
    }

    @Override
    public Map<String, Object> values(TaskRow task, Function<String, Object> variable) {
        return task.projectId() == null ? Map.of() : values(task.taskDefinitionKey(), task.projectId());
    }

    /** The values for the task of this key of the project. */
    protected abstract Map<String, Object> values(String taskDefinitionKey, long projectId);
}
