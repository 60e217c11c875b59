package cn.gonggaigong.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;

import cn.gonggaigong.benchmark.LifecycleDriver;
import cn.gonggaigong.project.ProjectService;
import cn.gonggaigong.task.WorkApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Art. 12(2): a compensation plan not voted within a year of the scheme's approval sends the scheme to be approved
 * again (重新报批) — revised by NRB with the reason in front of it, then consulted, reviewed and approved as before —
 * and the project's record says that the system, not a person, ended the vote.
 */
class CompensationVoteExpiryIT extends WorkApiTestSupport {

    @Autowired
    ProjectService projectService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;

    @Test
    void aVoteNotHeldWithinTheYearSendsTheSchemeBackToBeRevisedAndApprovedAgain() throws Exception {
        LifecycleDriver driver = new LifecycleDriver(projectService, taskService, identityService);
        LifecycleDriver.Driven project = driver.apply("zhanlong", "applicant1", 991_001);
        driver.drive(project, LifecycleDriver.stopAt("Task_RecordCompensationVote"));
        String vote = taskService.createTaskQuery().processInstanceBusinessKey(project.code())
                .taskDefinitionKey("Task_RecordCompensationVote").singleResult().getProcessInstanceId();

        // The year runs out (its timer, executed now rather than in a year).
        List<Job> timers = managementService.createJobQuery().processInstanceId(vote).timers()
                .activityId("BoundaryEvent_VoteDeadlinePassed").list();
        assertThat(timers).hasSize(1);
        managementService.executeJob(timers.get(0).getId());

        String compile = taskId("nrb-clerk", project.code(), "Task_CompileScheme");
        JsonNode data = get("nrb-clerk", "/api/tasks/{id}", compile).body().get("data");
        assertThat(data.get("revisionReasons").asText())
                .startsWith("组织表决补偿安置方案 · 系统（")
                .contains("：逾期未完成表决，改造方案重新报批；补偿安置方案自改造方案批复之日起1年内未完成相关权利主体表决");
        JsonNode timeline = get("nrb-clerk", "/api/projects/{id}/overview", project.id()).body().get("timeline");
        JsonNode expiry = StreamSupport.stream(timeline.spliterator(), false)
                .filter(e -> "VOTE_EXPIRED".equals(e.get("decision").asText())).findFirst().orElseThrow();
        assertThat(expiry.get("decisionLabel").asText()).isEqualTo("逾期未完成表决，改造方案重新报批");
        assertThat(expiry.get("userId").isNull()).isTrue();
        assertThat(expiry.get("phaseName").asText()).isEqualTo("表决补偿安置方案");
    }
}
