package cn.gonggaigong.form;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import java.io.File;

import static org.assertj.core.api.Assertions.assertThat;

/** What the plugin reads of a user task from the models as deployed. */
class FreshAnswersPluginTest {

    private static FreshAnswersPlugin.Facts facts(String process, String task) {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/" + process + ".bpmn"));
        return FreshAnswersPlugin.Facts.of(model.getModelElementById(task));
    }

    @Test
    void aTaskOfAMultiInstanceOrInsideOneIsToldFromATaskThatIsNotAndARoundsOwnAnswersAreRead() {
        assertThat(facts("DepartmentConsultation", "Task_GiveDepartmentOpinion"))
                .isEqualTo(new FreshAnswersPlugin.Facts("departmentDecision", "Form_GiveDepartmentOpinion", true, java.util.List.of()));
        assertThat(facts("DepartmentConsultation", "Task_SummariseOpinions"))
                .isEqualTo(new FreshAnswersPlugin.Facts("consultationResult", "Form_SummariseOpinions", false, java.util.List.of()));
        // Inside the multi-instance sub-process that follows each milestone of the agreement.
        assertThat(facts("ImplementationSupervision", "Task_ExplainMilestoneBreach"))
                .isEqualTo(new FreshAnswersPlugin.Facts("subjectResponsible", "Form_ExplainMilestoneBreach", true, java.util.List.of()));
        assertThat(facts("ImplementationSupervision", "Task_ReportProgress"))
                .isEqualTo(new FreshAnswersPlugin.Facts("constructionCompleted", "Form_ReportProgress", false,
                        java.util.List.of("reportMonth")));
        assertThat(facts("SubjectConfirmation", "Task_SupplementTitleDocuments"))
                .isEqualTo(new FreshAnswersPlugin.Facts(null, "Form_SupplementTitleDocuments", false, java.util.List.of()));
    }
}
