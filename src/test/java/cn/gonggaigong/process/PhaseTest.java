package cn.gonggaigong.process;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Phase enum and the lifecycle model name the same call activities and called processes. */
class PhaseTest {

    @Test
    void everyCallActivityOfTheLifecycleIsAPhaseAndViceVersa() {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/ProjectLifecycle.bpmn"));
        Map<String, String> called = model.getModelElementsByType(CallActivity.class).stream()
                .collect(Collectors.toMap(CallActivity::getId, CallActivity::getCalledElement));

        assertThat(called).hasSize(Phase.values().length);
        for (Phase phase : Phase.values()) {
            assertThat(called).containsEntry(phase.callActivityId(), phase.processId());
            assertThat(Phase.ofCallActivity(phase.callActivityId())).contains(phase);
            assertThat(new File("processes/" + phase.processId() + ".bpmn")).exists();
        }
        assertThat(Phase.ofCallActivity("Gateway_IntakeAccepted")).isEmpty();
        assertThat(Arrays.stream(Phase.values()).map(Phase::label)).allMatch(l -> l.codePoints().anyMatch(c -> c >= 0x4E00));
    }
}
