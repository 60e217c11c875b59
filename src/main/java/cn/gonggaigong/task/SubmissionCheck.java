package cn.gonggaigong.task;

import java.util.List;
import java.util.Map;

import cn.gonggaigong.project.FieldProblem;

/**
 * What a task's form cannot check by itself, checked against the business data before the engine completes the
 * task (e.g. that the renovation unit chosen exists): its problems are the API's 400 with the fields at fault, and
 * nothing is changed. A completion through the engine's own doors (its REST API, Tasklist) is held to the same checks
 * by {@link CompletionGuard}.
 */
public interface SubmissionCheck {

    /** Whether this check is about the task of this definition key. */
    boolean appliesTo(String taskDefinitionKey);

    /** The problems of the typed form data of {@code task} (none: it may be completed). */
    List<FieldProblem> problems(TaskRow task, Map<String, Object> variables);
}
