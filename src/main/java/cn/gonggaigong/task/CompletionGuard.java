package cn.gonggaigong.task;

import cn.gonggaigong.platform.ParseListeners;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.gonggaigong.form.FormCatalog;
import cn.gonggaigong.form.FormDefinition;
import cn.gonggaigong.form.FormField;
import cn.gonggaigong.form.FormValidator;
import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.project.FieldProblem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every completion of a user task passes the product's checks, whichever way it comes: the task page and the meeting
 * check what is submitted themselves and name each wrong field ({@link #completeChecked}); a completion through
 * Camunda's REST API ({@code POST /engine-rest/task/{id}/complete} or {@code /submit-form}), Tasklist, or any other
 * caller of the engine is checked here, on the values the task holds as it completes: its Camunda Form's rules
 * ({@link FormValidator}) and the task's own rules ({@link SubmissionCheck}). A refusal is Camunda's
 * {@link FormFieldValidationException}, which its REST API answers with 400 and the reasons, in Chinese; it is
 * thrown before any other listener of the completion and rolls the whole transaction back, so nothing is saved.
 * Values that pass are stored typed as the task page stores them (a whole number as a {@code Long}, a yes/no as a
 * {@code Boolean}), for the gateways and listeners after it.
 */
@Component
public class CompletionGuard {

    static final String REFUSED = TaskWorkService.FORM_REJECTED;
    private static final ThreadLocal<Set<String>> CHECKED = new ThreadLocal<>();

    private final TaskModel model;
    private final FormCatalog forms;
    private final List<SubmissionCheck> checks;

    public CompletionGuard(TaskModel model, FormCatalog forms, List<SubmissionCheck> checks) {
        this.model = model;
        this.forms = forms;
        this.checks = List.copyOf(checks);
    }

    /** Runs {@code completion} of a task whose submission the caller has checked already, so it is not checked twice. */
    public static void completeChecked(String taskId, Runnable completion) {
        Set<String> checked = CHECKED.get();
        if (checked == null) {
            checked = new HashSet<>();
            CHECKED.set(checked);
        }
        checked.add(taskId);
        try {
            completion.run();
        } finally {
            checked.remove(taskId);
            if (checked.isEmpty()) {
                CHECKED.remove();
            }
        }
    }

    /** The task's own rules on its typed form values: what a page shows under the fields. */
    public List<FieldProblem> ruled(TaskRow row, Map<String, Object> variables) {
        return checks.stream().filter(c -> c.appliesTo(row.taskDefinitionKey()))
                .flatMap(c -> c.problems(row, variables).stream()).toList();
    }

    /**
     * A form's own problems and the task's rules' problems, said at once; a rule's problem on a field that has one of
     * its own is left out (that one is mended first, and the rule read the field as empty).
     */
    public static List<FieldProblem> together(List<FieldProblem> own, List<FieldProblem> ruled) {
        Set<String> fields = own.stream().map(CompletionGuard::fieldOf).collect(Collectors.toSet());
        List<FieldProblem> all = new ArrayList<>(own);
        ruled.stream().filter(p -> !fields.contains(fieldOf(p))).forEach(all::add);
        return all;
    }

    /** The form field a problem names ({@code field} or {@code field[0]}). */
    public static String fieldOf(FieldProblem problem) {
        String field = problem.field();
        int index = field.indexOf('[');
        return index < 0 ? field : field.substring(0, index);
    }

    /**
     * What a completion through Camunda's REST API may set: the fields of the task's form that the officer fills in
     * (not its read-only ones, which form-js does not send either). Anything else would reach the process's variables
     * unchecked (its town, its project): the task page refuses it, and so does {@link EngineFormFieldsFilter}.
     * Empty when the task has no form of the product.
     */
    Optional<String> refusedFields(TaskRow row, java.util.Collection<String> submitted) {
        FormDefinition form = formOf(row.processDefinitionId(), row.taskDefinitionKey());
        List<FieldProblem> unknown = submitted.stream()
                .filter(key -> form == null || form.field(key).filter(f -> !f.disabled()).isEmpty())
                .map(key -> new FieldProblem(key, FormValidator.UNKNOWN_FIELD + "，不能在办理时设置")).toList();
        // Not the task's name: this is said before Camunda checks that the caller may see the task.
        return unknown.isEmpty() ? Optional.empty() : Optional.of(message(null, form, unknown));
    }

    /** The task's Camunda Form, as its model names it; null for a task without one. */
    private FormDefinition formOf(String processDefinitionId, String taskDefinitionKey) {
        return forms.find(model.of(processDefinitionId, taskDefinitionKey).formId()).orElse(null);
    }

    void check(DelegateTask task) {
        Set<String> checked = CHECKED.get();
        if (checked != null && checked.contains(task.getId())) {
            return;
        }
        FormDefinition form = formOf(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        Map<String, Object> held = new LinkedHashMap<>();
        if (form != null) {
            for (FormField field : form.fields()) {
                Object value = field.disabled() ? null : task.getVariable(field.key());
                if (value != null) {
                    held.put(field.key(), value);
                }
            }
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> typed = Map.of();
        if (form != null) {
            FormValidator.Result result = FormValidator.validate(form, held, "");
            problems.addAll(result.problems());
            typed = result.variables();
        }
        if (checks.stream().anyMatch(c -> c.appliesTo(task.getTaskDefinitionKey()))) {
            problems = together(problems, ruled(row(task), typed));
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems, message(task.getName(), form, problems));
        }
        typed.forEach((key, value) -> {
            if (!value.equals(held.get(key))) {
                task.setVariable(key, value);
            }
        });
    }

    /**
     * The facts of the task the checks read (its key, process instance, project and the project's code, which is the
     * business key of a project's processes), from the engine's own objects: no statement more per completion, and
     * right for a task created in the same transaction, which is not in the database yet.
     */
    private static TaskRow row(DelegateTask task) {
        Long projectId = task.getVariable(ProjectLifecycleProcess.Var.PROJECT_ID) instanceof Number n ? n.longValue() : null;
        String projectCode = projectId == null ? null : task.getExecution().getProcessBusinessKey();
        return new TaskRow(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessDefinitionId(),
                null, task.getProcessInstanceId(), task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getAssignee(), task.getOwner(),
                null, List.of(), List.of(), projectId, projectCode, null, null, null, null, null, null, null);
    }

    /** “表单校验未通过：“办理意见”必填；…”, each field by its label, as Tasklist shows the REST API's message. */
    static String message(String taskName, FormDefinition form, List<FieldProblem> problems) {
        return REFUSED + (taskName == null ? "" : "（" + taskName + "）") + "：" + problems.stream().map(p -> {
            String key = p.field().contains("[") ? p.field().substring(0, p.field().indexOf('[')) : p.field();
            String label = form == null ? key : form.field(key).map(FormField::label).orElse(key);
            return "“" + label + "”" + p.reason();
        }).collect(Collectors.joining("；"));
    }

    /** The refusal, with its problems for the product's own API to name the fields. */
    public static final class Refused extends FormFieldValidationException {

        private final transient List<FieldProblem> problems;

        Refused(List<FieldProblem> problems, String message) {
            super(problems.stream().map(FieldProblem::field).toList(), message);
            this.problems = List.copyOf(problems);
        }

        public List<FieldProblem> problems() {
            return problems;
        }
    }

    /** Puts the guard first among the completion listeners of every user task of every deployed model. */
    @Component
    public static final class Plugin extends AbstractProcessEnginePlugin {

        private final ObjectProvider<CompletionGuard> guard;

        public Plugin(ObjectProvider<CompletionGuard> guard) {
            this.guard = guard;
        }

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            // The engine wraps whatever a task listener throws (ENGINE-03051), which its REST API answers with 500:
            // the refusal is taken out of the wrapping once the command has rolled back, for the REST API's 400.
            if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
                configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
            }
            configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandInterceptor() {
                @Override
                public <T> T execute(Command<T> command) {
                    try {
                        return next.execute(command);
                    } catch (ProcessEngineException e) {
                        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                            if (cause instanceof Refused refused) {
                                throw refused;
                            }
                        }
                        throw e;
                    }
                }
            });
            TaskListener listener = task -> guard.getObject().check(task);
            ParseListeners.onEveryUserTask(configuration, task -> {
                // Built-in listeners run before the model's and the other plugins' listeners.
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
            });
        }
    }
}
