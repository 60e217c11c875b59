package cn.gonggaigong.task;

import java.util.Map;
import java.util.function.Function;

/**
 * What a task's form shows that no process variable holds: read-only context (e.g. the projects of an annual plan)
 * or a first value for a field (what the application already said). Computed when the task is opened and merged
 * into the form's data where the process has no value for the field; only fields the form has are shown, and a
 * read-only field's value is never taken from a submission ({@link cn.gonggaigong.form.FormValidator}).
 */
public interface TaskContext {

    /** Whether this context is about the task of this definition key. */
    boolean appliesTo(String taskDefinitionKey);

    /**
     * The values by form field key.
     *
     * @param variable reads a variable visible from the task (with the system's rights: the caller may read the task)
     */
    Map<String, Object> values(TaskRow task, Function<String, Object> variable);
}
