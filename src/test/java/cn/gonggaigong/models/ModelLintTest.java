package cn.gonggaigong.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.CompensateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Lints every BPMN and DMN model in {@code processes/} the way bpmnlint (recommended rules plus the Camunda 7.24
 * compatibility rules) and the project's naming conventions ({@code /work/shared/STYLE.md}) would. bpmnlint does not
 * install here, so the rules are JUnit checks over the models parsed with the Camunda model API. No Spring, no
 * engine.
 *
 * <p>One dynamic test per model file, so a failure names the file; each failure lists every violation in that file
 * as {@code [rule] elementId: message}.
 */
class ModelLintTest {

    private static final Path PROCESSES = Path.of("processes");

    private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern PASCAL_CASE = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{.+}", Pattern.DOTALL);
    private static final Pattern ISO_DURATION =
            Pattern.compile("P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+([.,]\\d+)?S)?)?");
    private static final Pattern ISO_REPEAT = Pattern.compile("R\\d*");

    /** BPMN elements the Camunda 7.24 engine cannot execute (bpmnlint no-complex-gateway, ad-hoc-sub-process, camunda-compat element-type). */
    private static final Set<String> UNSUPPORTED_ELEMENTS = Set.of(
            "complexGateway", "adHocSubProcess",
            "choreography", "choreographyTask", "subChoreography", "callChoreography", "globalChoreographyTask",
            "conversation", "subConversation", "callConversation", "globalConversation");

    private static final Set<String> MAP_DECISION_RESULTS =
            Set.of("singleEntry", "singleResult", "collectEntries", "resultList");

    // ------------------------------------------------------------------------------------------------------------
    // Test factories
    // ------------------------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyBpmnModelPassesTheLint() throws IOException {
        List<Path> files = modelFiles(".bpmn");
        assertThat(files).as("BPMN models in %s", PROCESSES.toAbsolutePath()).isNotEmpty();
        return files.stream().map(file -> dynamicTest(file.getFileName().toString(), file.toUri(), () -> {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            List<String> violations = new BpmnLint(file, model).run();
            assertNoViolations(file, violations);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyDmnModelPassesTheLint() throws IOException {
        List<Path> files = modelFiles(".dmn");
        assertThat(files).as("DMN models in %s", PROCESSES.toAbsolutePath()).isNotEmpty();
        return files.stream().map(file -> dynamicTest(file.getFileName().toString(), file.toUri(), () -> {
            DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
            List<String> violations = new DmnLint(file, model).run();
            assertNoViolations(file, violations);
        }));
    }

    private static List<Path> modelFiles(String extension) throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(extension)).sorted().toList();
        }
    }

    private static void assertNoViolations(Path file, List<String> violations) {
        assertThat(violations)
                .withFailMessage("%s has %d lint violation(s):%n  %s", file, violations.size(),
                        String.join(System.lineSeparator() + "  ", violations))
                .isEmpty();
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean hasHan(String s) {
        return s != null && HAN.matcher(s).find();
    }

    private static boolean isExpression(String s) {
        return s != null && EXPRESSION.matcher(s.trim()).matches();
    }

    // ------------------------------------------------------------------------------------------------------------
    // BPMN
    // ------------------------------------------------------------------------------------------------------------

    private static final class BpmnLint {

        private final Path file;
        private final BpmnModelInstance model;
        private final List<String> violations = new ArrayList<>();

        private final Collection<FlowNode> nodes;
        private final Collection<SequenceFlow> flows;
        private final Map<FlowNode, List<SequenceFlow>> incoming = new HashMap<>();
        private final Map<FlowNode, List<SequenceFlow>> outgoing = new HashMap<>();

        BpmnLint(Path file, BpmnModelInstance model) {
            this.file = file;
            this.model = model;
            this.nodes = model.getModelElementsByType(FlowNode.class);
            this.flows = model.getModelElementsByType(SequenceFlow.class);
            for (SequenceFlow flow : flows) {
                if (flow.getSource() != null) {
                    outgoing.computeIfAbsent(flow.getSource(), k -> new ArrayList<>()).add(flow);
                }
                if (flow.getTarget() != null) {
                    incoming.computeIfAbsent(flow.getTarget(), k -> new ArrayList<>()).add(flow);
                }
            }
        }

        List<String> run() {
            Process process = checkProcess();
            checkDiagram(process);
            checkUnsupportedElements(model.getDocument().getRootElement());
            checkIds();
            checkLabels();
            checkGateways();
            checkSequenceFlows();
            checkScopes();
            checkReachability();
            checkEventDefinitions();
            checkUserTasks();
            checkBusinessRuleTasks();
            checkCallActivities();
            checkImplementations();
            checkListeners();
            checkTimers();
            checkMessages();
            return violations;
        }

        private void violation(String rule, String elementId, String message, Object... args) {
            violations.add("[" + rule + "] " + elementId + ": " + String.format(message, args));
        }

        private List<SequenceFlow> in(FlowNode node) {
            return incoming.getOrDefault(node, List.of());
        }

        private List<SequenceFlow> out(FlowNode node) {
            return outgoing.getOrDefault(node, List.of());
        }

        // --- process -------------------------------------------------------------------------------------------

        private Process checkProcess() {
            Collection<Process> processes = model.getModelElementsByType(Process.class);
            String expectedId = baseName(file);
            if (processes.size() != 1) {
                violation("process", expectedId, "expected exactly one process, found %d", processes.size());
                return processes.stream().filter(p -> expectedId.equals(p.getId())).findFirst().orElse(null);
            }
            Process process = processes.iterator().next();
            if (!expectedId.equals(process.getId())) {
                violation("process-id", process.getId(), "process id must equal the file name '%s'", expectedId);
            }
            if (!PASCAL_CASE.matcher(process.getId()).matches()) {
                violation("process-id", process.getId(), "process id must be PascalCase");
            }
            if (!process.isExecutable()) {
                violation("process", process.getId(), "process must be isExecutable=\"true\"");
            }
            if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
                violation("history-time-to-live", process.getId(), "camunda:historyTimeToLive is not set");
            }
            if (!hasHan(process.getName())) {
                violation("label-required", process.getId(), "process name '%s' must be Chinese", process.getName());
            }
            return process;
        }

        // --- diagram interchange (no-bpmndi) -------------------------------------------------------------------

        private void checkDiagram(Process process) {
            Collection<BpmnDiagram> diagrams = model.getModelElementsByType(BpmnDiagram.class);
            if (diagrams.isEmpty()) {
                violation("no-bpmndi", baseName(file), "no BPMNDiagram: the model neither opens in Modeler nor renders in Cockpit");
                return;
            }
            if (process != null && diagrams.stream().noneMatch(d -> d.getBpmnPlane() != null
                    && d.getBpmnPlane().getBpmnElement() != null
                    && process.getId().equals(d.getBpmnPlane().getBpmnElement().getId()))) {
                violation("no-bpmndi", process.getId(), "no BPMNDiagram has a BPMNPlane referencing the process");
            }
            Set<String> shaped = new HashSet<>();
            for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
                BaseElement element = shape.getBpmnElement();
                if (element == null) {
                    violation("no-bpmndi", shape.getId(), "BPMNShape references no model element");
                    continue;
                }
                shaped.add(element.getId());
                if (shape.getBounds() == null) {
                    violation("no-bpmndi", shape.getId(), "BPMNShape has no dc:Bounds");
                }
            }
            Set<String> edged = new HashSet<>();
            for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
                BaseElement element = edge.getBpmnElement();
                if (element == null) {
                    violation("no-bpmndi", edge.getId(), "BPMNEdge references no model element");
                    continue;
                }
                edged.add(element.getId());
                if (edge.getWaypoints().size() < 2) {
                    violation("no-bpmndi", edge.getId(), "BPMNEdge has fewer than two waypoints");
                }
            }
            for (FlowNode node : nodes) {
                if (!shaped.contains(node.getId())) {
                    violation("no-bpmndi", node.getId(), "flow node has no BPMNShape");
                }
            }
            for (SequenceFlow flow : flows) {
                if (!edged.contains(flow.getId())) {
                    violation("no-bpmndi", flow.getId(), "sequence flow has no BPMNEdge");
                }
            }
        }

        // --- element types Camunda 7.24 cannot execute ---------------------------------------------------------

        private void checkUnsupportedElements(DomElement element) {
            if (BPMN_NS.equals(element.getNamespaceURI()) && UNSUPPORTED_ELEMENTS.contains(element.getLocalName())) {
                String id = element.getAttribute("id");
                violation("camunda-compat/element-type", id == null ? element.getLocalName() : id,
                        "bpmn:%s is not supported by Camunda 7.24", element.getLocalName());
            }
            for (DomElement child : element.getChildElements()) {
                checkUnsupportedElements(child);
            }
        }

        // --- ids -----------------------------------------------------------------------------------------------

        private void checkIds() {
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                List<String> prefixes = idPrefixes(element);
                if (prefixes.isEmpty()) {
                    continue;
                }
                String id = element.getId();
                boolean ok = prefixes.stream().anyMatch(p -> id.startsWith(p)
                        && PASCAL_CASE.matcher(id.substring(p.length())).matches());
                if (!ok) {
                    violation("naming/id", id, "a %s id must be %s followed by PascalCase", typeName(element),
                            String.join(" or ", prefixes));
                }
            }
        }

        private static List<String> idPrefixes(FlowElement e) {
            if (e instanceof StartEvent) {
                return List.of("StartEvent_");
            }
            if (e instanceof EndEvent) {
                return List.of("EndEvent_");
            }
            if (e instanceof BoundaryEvent) {
                return List.of("BoundaryEvent_");
            }
            if (e instanceof IntermediateCatchEvent || e instanceof IntermediateThrowEvent) {
                return List.of("IntermediateEvent_");
            }
            if (e instanceof ReceiveTask) {
                return List.of("ReceiveTask_", "Task_");
            }
            if (e instanceof Task) {
                return List.of("Task_");
            }
            if (e instanceof CallActivity) {
                return List.of("CallActivity_");
            }
            if (e instanceof SubProcess) {
                return List.of("SubProcess_");
            }
            if (e instanceof Gateway) {
                return List.of("Gateway_");
            }
            if (e instanceof SequenceFlow) {
                return List.of("SequenceFlow_");
            }
            return List.of();
        }

        private static String typeName(ModelElementInstance e) {
            return e.getElementType().getTypeName();
        }

        // --- labels (label-required) ---------------------------------------------------------------------------

        private void checkLabels() {
            for (FlowNode node : nodes) {
                if ((node instanceof Activity || node instanceof Event) && !hasHan(node.getName())) {
                    violation("label-required", node.getId(), "%s needs a Chinese name, has '%s'", typeName(node),
                            node.getName());
                }
            }
        }

        // --- gateways ------------------------------------------------------------------------------------------

        private void checkGateways() {
            for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
                List<SequenceFlow> outs = out(gateway);
                if (in(gateway).size() > 1 && outs.size() > 1) {
                    violation("no-gateway-join-fork", gateway.getId(), "gateway both joins (%d in) and forks (%d out)",
                            in(gateway).size(), outs.size());
                }
                if (!(gateway instanceof ExclusiveGateway || gateway instanceof InclusiveGateway) || outs.size() <= 1) {
                    continue;
                }
                String name = gateway.getName();
                if (!hasHan(name) || !(name.strip().endsWith("?") || name.strip().endsWith("\uFF1F"))) {
                    violation("naming/gateway-question", gateway.getId(),
                            "a forking %s needs a Chinese question as its name (ending in '?' or '\uFF1F'), has '%s'",
                            typeName(gateway), name);
                }
                SequenceFlow defaultFlow = gateway instanceof ExclusiveGateway x ? x.getDefault()
                        : ((InclusiveGateway) gateway).getDefault();
                if (defaultFlow != null && !outs.contains(defaultFlow)) {
                    violation("conditional-flows", gateway.getId(), "default flow %s is not an outgoing flow",
                            defaultFlow.getId());
                }
                for (SequenceFlow flow : outs) {
                    boolean conditional = hasCondition(flow);
                    if (!conditional && flow != defaultFlow) {
                        violation("conditional-flows", flow.getId(),
                                "outgoing flow of forking gateway %s has neither a condition nor is the default flow",
                                gateway.getId());
                    }
                    if (conditional && flow == defaultFlow) {
                        violation("conditional-flows", flow.getId(), "default flow of %s must not carry a condition",
                                gateway.getId());
                    }
                    if (isBlank(flow.getName())) {
                        violation("label-required", flow.getId(), "outgoing flow of forking gateway %s needs a name",
                                gateway.getId());
                    }
                }
            }
        }

        private static boolean hasCondition(SequenceFlow flow) {
            ConditionExpression condition = flow.getConditionExpression();
            return condition != null && !isBlank(condition.getTextContent());
        }

        // --- sequence flows ------------------------------------------------------------------------------------

        private void checkSequenceFlows() {
            Map<String, SequenceFlow> seen = new HashMap<>();
            for (SequenceFlow flow : flows) {
                FlowNode source = flow.getSource();
                FlowNode target = flow.getTarget();
                if (source == null || target == null) {
                    violation("no-disconnected", flow.getId(), "sequence flow lacks a %s",
                            source == null ? "source" : "target");
                    continue;
                }
                ModelElementInstance scope = flow.getParentElement();
                if (source.getParentElement() != scope || target.getParentElement() != scope) {
                    violation("sequence-flow-scope", flow.getId(), "source %s and target %s are not in the flow's scope",
                            source.getId(), target.getId());
                }
                ConditionExpression condition = flow.getConditionExpression();
                if (condition != null && isBlank(condition.getLanguage())
                        && !isExpression(condition.getTextContent())) {
                    violation("conditional-flows", flow.getId(), "condition '%s' is not a ${...} expression",
                            condition.getTextContent());
                }
                String key = source.getId() + "->" + target.getId() + "|"
                        + (condition == null ? "" : condition.getTextContent().strip());
                SequenceFlow duplicate = seen.putIfAbsent(key, flow);
                if (duplicate != null) {
                    violation("no-duplicate-sequence-flows", flow.getId(), "duplicates %s", duplicate.getId());
                }
            }
            for (FlowNode node : nodes) {
                List<SequenceFlow> outs = out(node);
                if (node instanceof Gateway || outs.size() <= 1) {
                    continue;
                }
                String defaultId = node.getAttributeValue("default");
                for (SequenceFlow flow : outs) {
                    if (!hasCondition(flow) && !flow.getId().equals(defaultId)) {
                        violation("no-implicit-split", node.getId(),
                                "%s has %d outgoing flows and %s is unconditional: use a gateway", typeName(node),
                                outs.size(), flow.getId());
                    }
                }
            }
        }

        // --- scopes: start-event-required, end-event-required, single-blank-start-event ------------------------

        private void checkScopes() {
            List<BaseElement> scopes = new ArrayList<>(model.getModelElementsByType(Process.class));
            scopes.addAll(model.getModelElementsByType(SubProcess.class));
            for (BaseElement scope : scopes) {
                Collection<FlowElement> elements = scope instanceof Process p ? p.getFlowElements()
                        : ((SubProcess) scope).getFlowElements();
                List<StartEvent> starts = elements.stream().filter(StartEvent.class::isInstance)
                        .map(StartEvent.class::cast).toList();
                if (starts.isEmpty()) {
                    violation("start-event-required", scope.getId(), "scope has no start event");
                }
                if (elements.stream().noneMatch(EndEvent.class::isInstance)) {
                    violation("end-event-required", scope.getId(), "scope has no end event");
                }
                long blankStarts = starts.stream().filter(s -> s.getEventDefinitions().isEmpty()).count();
                if (blankStarts > 1) {
                    violation("single-blank-start-event", scope.getId(), "scope has %d blank start events",
                            blankStarts);
                }
                boolean eventSubProcess = scope instanceof SubProcess sp && sp.triggeredByEvent();
                if (scope instanceof SubProcess && !eventSubProcess && blankStarts != starts.size()) {
                    violation("sub-process-blank-start-event", scope.getId(),
                            "embedded sub-process start events must be blank");
                }
            }
        }

        // --- reachability (no-disconnected, no-implicit-start, no-implicit-end) --------------------------------

        private void checkReachability() {
            Map<FlowNode, List<FlowNode>> successors = new HashMap<>();
            Function<FlowNode, List<FlowNode>> succ = n -> successors.computeIfAbsent(n, k -> new ArrayList<>());
            for (SequenceFlow flow : flows) {
                if (flow.getSource() != null && flow.getTarget() != null) {
                    succ.apply(flow.getSource()).add(flow.getTarget());
                }
            }
            for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
                if (boundary.getAttachedTo() == null) {
                    violation("no-disconnected", boundary.getId(), "boundary event is not attached to an activity");
                } else {
                    succ.apply(boundary.getAttachedTo()).add(boundary);
                }
            }
            List<FlowNode> roots = new ArrayList<>();
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                ModelElementInstance scope = start.getParentElement();
                if (scope instanceof SubProcess sp && !sp.triggeredByEvent()) {
                    succ.apply(sp).add(start);
                } else {
                    roots.add(start);
                }
            }
            Set<FlowNode> reachable = closure(roots, successors);

            Map<FlowNode, List<FlowNode>> predecessors = new HashMap<>();
            successors.forEach((from, tos) -> tos.forEach(
                    to -> predecessors.computeIfAbsent(to, k -> new ArrayList<>()).add(from)));
            List<FlowNode> ends = nodes.stream().filter(EndEvent.class::isInstance).toList();
            Set<FlowNode> reachEnd = closure(ends, predecessors);

            for (FlowNode node : nodes) {
                boolean exempt = isEventSubProcess(node) || isCompensation(node);
                if (!exempt && !(node instanceof StartEvent) && !reachable.contains(node)) {
                    violation("no-disconnected", node.getId(), "%s is not reachable from a start event",
                            typeName(node));
                }
                if (!exempt && !reachEnd.contains(node)) {
                    violation("no-implicit-end", node.getId(), "no path from this %s reaches an end event",
                            typeName(node));
                }
            }
        }

        private static Set<FlowNode> closure(List<FlowNode> roots, Map<FlowNode, List<FlowNode>> edges) {
            Set<FlowNode> seen = new HashSet<>(roots);
            Deque<FlowNode> todo = new ArrayDeque<>(roots);
            while (!todo.isEmpty()) {
                for (FlowNode next : edges.getOrDefault(todo.pop(), List.of())) {
                    if (seen.add(next)) {
                        todo.push(next);
                    }
                }
            }
            return seen;
        }

        private static boolean isEventSubProcess(FlowNode node) {
            return node instanceof SubProcess sp && sp.triggeredByEvent();
        }

        private static boolean isCompensation(FlowNode node) {
            if (node instanceof Activity && "true".equals(node.getAttributeValue("isForCompensation"))) {
                return true;
            }
            return node instanceof BoundaryEvent b
                    && b.getEventDefinitions().stream().anyMatch(CompensateEventDefinition.class::isInstance);
        }

        // --- events (single-event-definition) ------------------------------------------------------------------

        private void checkEventDefinitions() {
            for (Event event : model.getModelElementsByType(Event.class)) {
                Collection<EventDefinition> definitions = event instanceof CatchEvent c ? c.getEventDefinitions()
                        : event instanceof ThrowEvent t ? t.getEventDefinitions() : List.of();
                if (definitions.size() > 1) {
                    violation("single-event-definition", event.getId(),
                            "%d event definitions (multiple/parallel events are not supported by Camunda 7)",
                            definitions.size());
                }
            }
        }

        // --- user tasks ----------------------------------------------------------------------------------------

        private void checkUserTasks() {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (isBlank(task.getCamundaCandidateGroups()) && isBlank(task.getCamundaAssignee())) {
                    violation("user-task-assignment", task.getId(), "needs camunda:candidateGroups or camunda:assignee");
                }
                String expectedForm = "Form_" + (task.getId().startsWith("Task_")
                        ? task.getId().substring("Task_".length()) : task.getId());
                if (!expectedForm.equals(task.getCamundaFormRef())) {
                    violation("user-task-form", task.getId(), "camunda:formRef must be '%s', is '%s'", expectedForm,
                            task.getCamundaFormRef());
                }
                if (!"latest".equals(task.getCamundaFormRefBinding())) {
                    violation("user-task-form", task.getId(), "camunda:formRefBinding must be 'latest', is '%s'",
                            task.getCamundaFormRefBinding());
                }
            }
        }

        // --- business rule tasks -------------------------------------------------------------------------------

        private void checkBusinessRuleTasks() {
            for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
                String ref = task.getCamundaDecisionRef();
                if (isBlank(ref)) {
                    violation("business-rule-task", task.getId(), "camunda:decisionRef is not set");
                } else if (!Files.isRegularFile(PROCESSES.resolve(ref + ".dmn"))) {
                    violation("business-rule-task", task.getId(), "decision '%s' has no model %s", ref,
                            PROCESSES.resolve(ref + ".dmn"));
                }
                if (isBlank(task.getCamundaResultVariable())) {
                    violation("business-rule-task", task.getId(), "camunda:resultVariable is not set");
                }
                if (!MAP_DECISION_RESULTS.contains(task.getCamundaMapDecisionResult())) {
                    violation("business-rule-task", task.getId(), "camunda:mapDecisionResult must be one of %s, is '%s'",
                            MAP_DECISION_RESULTS, task.getCamundaMapDecisionResult());
                }
            }
        }

        // --- call activities -----------------------------------------------------------------------------------

        private void checkCallActivities() {
            for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
                String called = call.getCalledElement();
                if (isBlank(called)) {
                    violation("call-activity", call.getId(), "calledElement is not set");
                } else if (!Files.isRegularFile(PROCESSES.resolve(called + ".bpmn"))) {
                    violation("call-activity", call.getId(), "called process '%s' has no model %s", called,
                            PROCESSES.resolve(called + ".bpmn"));
                }
                Collection<CamundaIn> ins = call.getExtensionElements() == null ? List.of()
                        : call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
                Collection<CamundaOut> outs = call.getExtensionElements() == null ? List.of()
                        : call.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).list();
                if (ins.stream().noneMatch(in -> !isBlank(in.getCamundaTarget())
                        && (!isBlank(in.getCamundaSource()) || !isBlank(in.getCamundaSourceExpression())))) {
                    violation("call-activity-mapping", call.getId(), "needs explicit camunda:in source/target mappings");
                }
                for (CamundaIn in : ins) {
                    if ("all".equals(in.getCamundaVariables())) {
                        violation("call-activity-mapping", call.getId(), "camunda:in variables=\"all\" is not allowed");
                    } else if (isBlank(in.getCamundaBusinessKey()) && (isBlank(in.getCamundaTarget())
                            || isBlank(in.getCamundaSource()) && isBlank(in.getCamundaSourceExpression()))) {
                        violation("call-activity-mapping", call.getId(),
                                "camunda:in needs source (or sourceExpression) and target");
                    }
                }
                for (CamundaOut out : outs) {
                    if ("all".equals(out.getCamundaVariables())) {
                        violation("call-activity-mapping", call.getId(), "camunda:out variables=\"all\" is not allowed");
                    } else if (isBlank(out.getCamundaTarget())
                            || isBlank(out.getCamundaSource()) && isBlank(out.getCamundaSourceExpression())) {
                        violation("call-activity-mapping", call.getId(),
                                "camunda:out needs source (or sourceExpression) and target");
                    }
                }
            }
        }

        // --- service, send and script task implementations -----------------------------------------------------

        private void checkImplementations() {
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                checkDelegate(task, task.getCamundaDelegateExpression(), task.getCamundaExpression(),
                        task.getCamundaClass());
            }
            for (SendTask task : model.getModelElementsByType(SendTask.class)) {
                checkDelegate(task, task.getCamundaDelegateExpression(), task.getCamundaExpression(),
                        task.getCamundaClass());
            }
            for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
                if (isBlank(task.getScriptFormat())) {
                    violation("implementation", task.getId(), "script task has no scriptFormat");
                }
                if ((task.getScript() == null || isBlank(task.getScript().getTextContent()))
                        && isBlank(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "resource"))) {
                    violation("implementation", task.getId(), "script task has neither a script nor camunda:resource");
                }
            }
        }

        private void checkDelegate(BaseElement task, String delegateExpression, String expression, String className) {
            if (!isBlank(className)) {
                violation("implementation", task.getId(),
                        "camunda:class '%s': use camunda:delegateExpression with a Spring bean", className);
            }
            if (!isExpression(delegateExpression) && !isExpression(expression)) {
                violation("implementation", task.getId(),
                        "%s needs camunda:delegateExpression=\"${bean}\" or camunda:expression=\"${...}\"",
                        typeName(task));
            }
        }

        private void checkListeners() {
            for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
                checkListener(listener.getParentElement().getParentElement(), listener.getCamundaClass(),
                        listener.getCamundaDelegateExpression(), listener.getCamundaExpression(),
                        listener.getCamundaScript() != null, "execution listener");
            }
            for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
                checkListener(listener.getParentElement().getParentElement(), listener.getCamundaClass(),
                        listener.getCamundaDelegateExpression(), listener.getCamundaExpression(),
                        listener.getCamundaScript() != null, "task listener");
            }
        }

        private void checkListener(ModelElementInstance owner, String className, String delegateExpression,
                String expression, boolean script, String kind) {
            String ownerId = owner instanceof BaseElement b ? b.getId() : String.valueOf(owner);
            if (!isBlank(className)) {
                violation("implementation", ownerId, "%s uses camunda:class '%s': use a delegateExpression", kind,
                        className);
            } else if (!isExpression(delegateExpression) && !isExpression(expression) && !script) {
                violation("implementation", ownerId, "%s needs a ${...} delegateExpression or expression", kind);
            }
        }

        // --- timers --------------------------------------------------------------------------------------------

        private void checkTimers() {
            for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
                ModelElementInstance event = timer.getParentElement();
                String id = event instanceof BaseElement b ? b.getId() : timer.getId();
                Map<String, String> values = new LinkedHashMap<>();
                if (timer.getTimeDate() != null) {
                    values.put("timeDate", timer.getTimeDate().getTextContent());
                }
                if (timer.getTimeDuration() != null) {
                    values.put("timeDuration", timer.getTimeDuration().getTextContent());
                }
                if (timer.getTimeCycle() != null) {
                    values.put("timeCycle", timer.getTimeCycle().getTextContent());
                }
                if (values.size() != 1) {
                    violation("timer", id, "timer needs exactly one of timeDate, timeDuration, timeCycle, has %s",
                            values.keySet());
                }
                values.forEach((kind, raw) -> {
                    String value = raw == null ? "" : raw.strip();
                    boolean ok = isExpression(value) || switch (kind) {
                        case "timeDate" -> isIsoDateTime(value);
                        case "timeDuration" -> ISO_DURATION.matcher(value).matches();
                        default -> isIsoCycle(value);
                    };
                    if (!ok) {
                        violation("timer", id, "%s '%s' is neither ISO-8601 nor a ${...} expression", kind, value);
                    }
                });
            }
        }

        private static boolean isIsoDateTime(String value) {
            for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_DATE_TIME, DateTimeFormatter.ISO_DATE)) {
                try {
                    format.parse(value);
                    return true;
                } catch (DateTimeParseException e) {
                    // try the next format
                }
            }
            return false;
        }

        private static boolean isIsoCycle(String value) {
            String[] parts = value.split("/", -1);
            if (parts.length < 2 || parts.length > 3 || !ISO_REPEAT.matcher(parts[0]).matches()) {
                return false;
            }
            if (parts.length == 2) {
                return ISO_DURATION.matcher(parts[1]).matches();
            }
            return isIsoDateTime(parts[1]) && ISO_DURATION.matcher(parts[2]).matches()
                    || ISO_DURATION.matcher(parts[1]).matches() && isIsoDateTime(parts[2]);
        }

        // --- messages ------------------------------------------------------------------------------------------

        private void checkMessages() {
            for (Message message : model.getModelElementsByType(Message.class)) {
                String id = message.getId();
                if (!id.startsWith("Message_") || !PASCAL_CASE.matcher(id.substring("Message_".length())).matches()) {
                    violation("naming/id", id, "a message id must be Message_ followed by PascalCase");
                    continue;
                }
                String expectedName = "Msg_" + id.substring("Message_".length());
                if (!expectedName.equals(message.getName())) {
                    violation("naming/message", id, "message name must be '%s', is '%s'", expectedName,
                            message.getName());
                }
            }
            for (MessageEventDefinition definition : model.getModelElementsByType(MessageEventDefinition.class)) {
                ModelElementInstance event = definition.getParentElement();
                boolean throwing = event instanceof ThrowEvent;
                if (!throwing && definition.getMessage() == null) {
                    violation("message-ref", ((BaseElement) event).getId(), "message event has no messageRef");
                }
            }
            for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
                if (task.getMessage() == null) {
                    violation("message-ref", task.getId(), "receive task has no messageRef");
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // DMN
    // ------------------------------------------------------------------------------------------------------------

    private static final class DmnLint {

        private final Path file;
        private final DmnModelInstance model;
        private final List<String> violations = new ArrayList<>();

        DmnLint(Path file, DmnModelInstance model) {
            this.file = file;
            this.model = model;
        }

        private void violation(String rule, String elementId, String message, Object... args) {
            violations.add("[" + rule + "] " + elementId + ": " + String.format(message, args));
        }

        List<String> run() {
            String expectedId = baseName(file);
            Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
            if (decisions.size() != 1) {
                violation("decision", expectedId, "expected exactly one decision, found %d", decisions.size());
            }
            for (Decision decision : decisions) {
                checkDecision(decision, expectedId);
            }
            return violations;
        }

        private void checkDecision(Decision decision, String expectedId) {
            String id = decision.getId();
            if (!expectedId.equals(id)) {
                violation("decision-id", id, "decision id must equal the file name '%s'", expectedId);
            }
            if (!PASCAL_CASE.matcher(id).matches()) {
                violation("decision-id", id, "decision id must be PascalCase");
            }
            if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
                violation("history-time-to-live", id, "camunda:historyTimeToLive is not set");
            }
            if (!hasHan(decision.getName())) {
                violation("label-required", id, "decision name '%s' must be Chinese", decision.getName());
            }
            if (!(decision.getExpression() instanceof DecisionTable table)) {
                violation("decision-table", id, "decision has no decision table");
            } else {
                checkTable(id, table);
            }
            if (!hasDiagramShape(id)) {
                violation("no-dmndi", id, "no DMNDI DMNShape references the decision");
            }
        }

        private void checkTable(String decisionId, DecisionTable table) {
            Collection<Input> inputs = table.getInputs();
            Collection<Output> outputs = table.getOutputs();
            Collection<Rule> rules = table.getRules();
            if (rules.isEmpty()) {
                violation("decision-table", decisionId, "decision table has no rules");
            }
            if (outputs.isEmpty()) {
                violation("decision-table", decisionId, "decision table has no outputs");
            }
            for (Input input : inputs) {
                if (isBlank(input.getLabel())) {
                    violation("input", input.getId(), "input has no label");
                }
                InputExpression expression = input.getInputExpression();
                if (expression == null) {
                    violation("input", input.getId(), "input has no inputExpression");
                    continue;
                }
                if (isBlank(expression.getTypeRef())) {
                    violation("input", input.getId(), "inputExpression has no typeRef");
                }
                if (expression.getText() == null || isBlank(expression.getText().getTextContent())) {
                    violation("input", input.getId(), "inputExpression has no text");
                }
            }
            for (Output output : outputs) {
                if (isBlank(output.getName())) {
                    violation("output", output.getId(), "output has no name");
                }
                if (isBlank(output.getTypeRef())) {
                    violation("output", output.getId(), "output has no typeRef");
                }
            }
            for (Rule rule : rules) {
                if (rule.getInputEntries().size() != inputs.size()
                        || rule.getOutputEntries().size() != outputs.size()) {
                    violation("rule", rule.getId(), "rule has %d input / %d output entries for %d inputs / %d outputs",
                            rule.getInputEntries().size(), rule.getOutputEntries().size(), inputs.size(),
                            outputs.size());
                }
            }
        }

        /** The DMN model API has no DMNDI types, so walk the DOM: definitions/DMNDI/DMNDiagram/DMNShape. */
        private boolean hasDiagramShape(String decisionId) {
            return children(model.getDocument().getRootElement(), "DMNDI")
                    .flatMap(dmndi -> children(dmndi, "DMNDiagram"))
                    .flatMap(diagram -> children(diagram, "DMNShape"))
                    .map(shape -> shape.getAttribute("dmnElementRef"))
                    .filter(Objects::nonNull)
                    .map(ref -> ref.substring(Math.max(ref.lastIndexOf(':'), ref.lastIndexOf('#')) + 1))
                    .anyMatch(decisionId::equals);
        }

        private static Stream<DomElement> children(DomElement parent, String localName) {
            return parent.getChildElements().stream().filter(c -> localName.equals(c.getLocalName()));
        }
    }
}
