package cn.gonggaigong.task;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
 * deployed process definition.
 */
@Component
public class TaskModel {

    public static final String SEND_BACK_TO = "sendBackTo";
    public static final String DECISION_VARIABLE = "decisionVariable";

    /** The model facts of one user task; {@code sendBackTo}/{@code sendBackToName} null where the model allows none. */
    public record UserTaskFacts(String formId, String decisionVariable, String sendBackTo, String sendBackToName) {
    }

    private static final UserTaskFacts NONE = new UserTaskFacts(null, null, null, null);

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
        String sendBackTo = property(task, SEND_BACK_TO).orElse(null);
        String sendBackToName = null;
        if (sendBackTo != null && model.getModelElementById(sendBackTo) instanceof FlowElement target) {
            sendBackToName = target.getName();
        }
        return new UserTaskFacts(task.getCamundaFormRef(), property(task, DECISION_VARIABLE).orElse(null),
                sendBackTo, sendBackToName);
    }

    private static Optional<String> property(UserTask task, String name) {
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
