package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** Where the models allow 退回 (sendBackTo), the step named is an earlier user task of the same process. */
class SendBackModelTest {

    @Test
    void everySendBackTargetIsAUserTaskOfTheSameProcess() throws IOException {
        List<String> found = new ArrayList<>();
        try (var files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                    TaskModel.UserTaskFacts facts = TaskModel.read(model, task.getId());
                    for (TaskViews.SendBackTarget sendBack : facts.sendBackTargets()) {
                        assertThat((Object) model.getModelElementById(sendBack.activityId())).as(task.getId()).isInstanceOf(UserTask.class);
                        UserTask target = model.getModelElementById(sendBack.activityId());
                        assertThat((Object) target.getParentElement()).isSameAs(task.getParentElement());
                        assertThat(sendBack.name()).isEqualTo(target.getName());
                        found.add(task.getId() + "->" + sendBack.activityId());
                    }
                }
            }
        }
        assertThat(found).containsExactlyInAnyOrder("Task_InspectCompletion->Task_ApplyForAcceptance",
                // either party of the monitoring agreement may return NRB's draft before signing it
                "Task_SignAgreementAsSubject->Task_DraftMonitoringAgreement",
                "Task_SignAgreementAsGovernment->Task_DraftMonitoringAgreement",
                "Task_PublishBaseData->Task_SurveyBaseData", "Task_ConfirmSubject->Task_VerifyTitleDocuments",
                // one step per path into NRB's confirmation: self, cooperation, transfer, unified agreement
                "Task_ConfirmSubject->Task_ConfirmPerformanceBond", "Task_ConfirmSubject->Task_VerifyRightsTransfer",
                "Task_ConfirmSubject->Task_NegotiateUnifiedAgreement");
    }
}
