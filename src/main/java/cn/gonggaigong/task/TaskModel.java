package cn.gonggaigong.task;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import cn.gonggaigong.task.TaskViews.SendBackTarget;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * What a user task's model says about it: its form ({@code camunda:formRef}), the variable holding its decision
 * ({@code decisionVariable}) and the earlier step it may be sent back to ({@code sendBackTo}), read once per
 * deployed process definition. Where different paths lead to the task, {@code sendBackTo} lists the last step of
 * each, separated by commas; the one the process instance took is chosen when it is sent back.
 */
@Component
public class TaskModel {

    public static final String SEND_BACK_TO = "sendBackTo";
    public static final String DECISION_VARIABLE = "decisionVariable";
    /**
     * The answers with which the step ends the project's approval for good, each with what that end is called:
     * {@code false=项目未纳入实施}, several separated by {@code ;}. The task page asks to confirm such an answer.
     */
    public static final String ENDS_PROJECT = "endsProject";
    /**
     * A yes/no field of the form that, answered yes, takes the decision elsewhere, so that the {@value #ENDS_PROJECT}
     * answers do not end the project then: 审议改造方案's 不予通过 with 涉及重大事项 goes to the leading group.
     */
    public static final String ENDS_PROJECT_UNLESS = "endsProjectUnless";
    /**
     * Answers that belong to one round of a step that comes round again (报送实施进展's month), separated by commas:
     * removed from the process when the task is created, so that its form starts from its own first value instead of
     * the last round's answer ({@link cn.gonggaigong.form.FreshAnswersPlugin}).
     */
    public static final String FRESH_FIELDS = "freshFields";

    /**
     * The model facts of one user task; {@code sendBackTargets} empty where the model allows no 退回;
     * {@code endsProject} the decision values that end the project (model property {@value #ENDS_PROJECT}), unless
     * the yes/no field {@code endsProjectUnless} (null where none) is answered yes.
     */
    public record UserTaskFacts(String formId, String decisionVariable, List<SendBackTarget> sendBackTargets,
                                Map<String, String> endsProject, String endsProjectUnless) {

        /** Whether completing the task with {@code answers} ends the project. */
        public boolean ends(java.util.function.Function<String, Object> answers) {
            return decisionVariable != null && endsProject.containsKey(String.valueOf(answers.apply(decisionVariable)))
                    && (endsProjectUnless == null || !Boolean.TRUE.equals(answers.apply(endsProjectUnless)));
        }
    }

    private static final UserTaskFacts NONE = new UserTaskFacts(null, null, List.of(), Map.of(), null);

    private final RepositoryService repository;
    private final SystemRights system;
    private final Map<String, UserTaskFacts> cache = new ConcurrentHashMap<>();

    public TaskModel(RepositoryService repository, SystemRights system) {
        this.repository = repository;
        this.system = system;
    }

    public UserTaskFacts of(String processDefinitionId, String taskDefinitionKey) {
        return cache.computeIfAbsent(processDefinitionId + "#" + taskDefinitionKey,
                k -> system.call(() -> read(repository.getBpmnModelInstance(processDefinitionId), taskDefinitionKey)));
    }

    static UserTaskFacts read(BpmnModelInstance model, String taskDefinitionKey) {
        if (!(model.getModelElementById(taskDefinitionKey) instanceof UserTask task)) {
            return NONE;
        }
        List<SendBackTarget> targets = property(task, SEND_BACK_TO).stream()
                .flatMap(value -> names(value).stream())
                .map(id -> new SendBackTarget(id, model.getModelElementById(id) instanceof FlowElement target ? target.getName() : null))
                .toList();
        Map<String, String> ends = new java.util.LinkedHashMap<>();
        property(task, ENDS_PROJECT).stream().flatMap(value -> Arrays.stream(value.split(";")))
                .map(String::trim).filter(pair -> pair.contains("="))
                .forEach(pair -> ends.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim()));
        return new UserTaskFacts(task.getCamundaFormRef(), property(task, DECISION_VARIABLE).orElse(null), targets,
                Map.copyOf(ends), property(task, ENDS_PROJECT_UNLESS).map(String::trim).filter(name -> !name.isEmpty()).orElse(null));
    }

    /** The names of a property's value listing several, separated by commas (blanks around them dropped). */
    public static List<String> names(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }

    /** The value of a user task's {@code camunda:property} named {@code name}, if it has one. */
    public static Optional<String> property(UserTask task, String name) {
        if (task.getExtensionElements() == null) {
            return Optional.empty();
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> name.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst();
    }
}
