package cn.gonggaigong.process;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.stream.Collectors;

import static cn.gonggaigong.process.ProcessTestSupport.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** Art. 12(2): the scheme goes to the departments a decision table selects, in parallel. */
@Deployment(resources = {"processes/DepartmentConsultation.bpmn", "processes/ConsultedDepartments.dmn"})
class DepartmentConsultationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestSupport.ENGINE_CONFIGURATION)
            .assertClassCoverageAtLeast(0.9).build();

    @BeforeEach
    void glue() {
        ProcessTestSupport.registerGlue();
    }

    private ProcessInstance start(boolean demolition) {
        return runtimeService().startProcessInstanceByKey("DepartmentConsultation", vars("projectId", 61L,
                "renovationType", "MICRO", "involvesDemolition", demolition, "heritageImpact", false, "industryCategory", "ELECTRONICS"));
    }

    private List<Task> opinionTasks(ProcessInstance pi) {
        return taskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("Task_GiveDepartmentOpinion").list();
    }

    private List<String> groupsOf(List<Task> tasks) {
        return tasks.stream().map(t -> taskService().getIdentityLinksForTask(t.getId()).get(0).getGroupId())
                .sorted().collect(Collectors.toList());
    }

    @Test
    void everySelectedDepartmentGivesItsOpinionInParallel() {
        ProcessInstance pi = start(true);

        List<Task> tasks = opinionTasks(pi);
        assertThat(groupsOf(tasks)).containsExactly("dept-cgzf", "dept-czj", "dept-fgj", "dept-gaj", "dept-gxj",
                "dept-rsj", "dept-sfj", "dept-sthj", "dept-swj", "dept-xfj");
        for (Task t : tasks) {
            taskService().complete(t.getId(), vars("departmentDecision", "AGREE", "opinion", "同意"));
        }

        assertThat(pi).isWaitingAt("Task_SummariseOpinions");
        assertThat(task(pi)).hasCandidateGroup("nrb");
        complete(task(pi), withVariables("consultationResult", "AGREED", "opinion", "各部门均同意"));
        assertThat(pi).isEnded().hasPassed("EndEvent_ConsultationAgreed");
        assertThat(pi).variables().containsEntry("consultationResult", "AGREED");
    }

    @Test
    void objectionsSendTheSchemeBackForRevision() {
        ProcessInstance pi = start(false);
        List<Task> tasks = opinionTasks(pi);
        assertThat(tasks).hasSize(5);
        for (Task t : tasks) {
            taskService().complete(t.getId(), vars("departmentDecision", "OBJECT", "opinion", "环评结论缺失"));
        }
        complete(task(pi), withVariables("consultationResult", "REVISE", "opinion", "补充环境影响评估"));

        assertThat(pi).isEnded().hasPassed("EndEvent_ConsultationRevise");
        assertThat(pi).variables().containsEntry("consultationResult", "REVISE");
    }
}
