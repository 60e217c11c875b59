package cn.gonggaigong.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.gonggaigong.task.WorkApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A changed model deployed while projects are under way (what an upgrade of the application does when a city changes
 * its measures: Camunda deploys a new version of each changed model and keeps the old ones): a phase already running
 * finishes on the model it started with, a phase started afterwards runs on the new version, and the officers' list
 * and the project page show each project with its own model's steps. Nothing is migrated, nothing is lost.
 */
class ModelUpgradeIT extends WorkApiTestSupport {

    private static final String OLD_NAME = "摸查改造意愿";
    private static final String NEW_NAME = "摸查改造意愿（修订）";

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPhaseRunningWhenItsModelChangesFinishesOnItsOwnVersionAndLaterPhasesRunOnTheNewOne() throws Exception {
        JsonNode before = apply("zhanlong", "模型修订前申请的项目");
        String beforeCode = before.get("code").asText();
        ProcessDefinition v1 = latestIntake();

        String xml;
        try (InputStream in = getClass().getResourceAsStream("/processes/ProjectIntake.bpmn")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String revised = xml.replace("name=\"" + OLD_NAME + "\"", "name=\"" + NEW_NAME + "\"");
        assertThat(revised).isNotEqualTo(xml);
        Deployment deployment = repositoryService.createDeployment().name("模型修订测试")
                .addString("ProjectIntake.bpmn", revised).deploy();
        String afterLifecycle = null;
        try {
            ProcessDefinition v2 = latestIntake();
            assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);

            JsonNode after = apply("zhanlong", "模型修订后申请的项目");
            String afterCode = after.get("code").asText();
            afterLifecycle = jdbc.queryForObject("select process_instance_id from project where id = ?", String.class,
                    after.get("id").asLong());

            // Each project's step as its own model names it, in the town's list.
            JsonNode oldTask = only(tasksOf("zhanlong1", beforeCode));
            JsonNode newTask = only(tasksOf("zhanlong1", afterCode));
            assertThat(oldTask.get("taskName").asText()).isEqualTo(OLD_NAME);
            assertThat(oldTask.get("processDefinitionId").asText()).isEqualTo(v1.getId());
            assertThat(newTask.get("taskName").asText()).isEqualTo(NEW_NAME);
            assertThat(newTask.get("processDefinitionId").asText()).isEqualTo(v2.getId());

            // Both go on: the old one on the old model, the new one on the new.
            complete("zhanlong1", beforeCode, "Task_SurveyWillingness", willingness());
            complete("zhanlong1", afterCode, "Task_SurveyWillingness", willingness());
            assertThat(only(tasksOf("zhanlong1", beforeCode)).get("processDefinitionId").asText()).isEqualTo(v1.getId());
            assertThat(only(tasksOf("zhanlong1", afterCode)).get("processDefinitionId").asText()).isEqualTo(v2.getId());
            assertThat(only(tasksOf("zhanlong1", afterCode)).get("taskDefinitionKey").asText())
                    .isEqualTo("Task_SurveyBaseData");

            // The project page draws each phase with the model it runs on, and the timeline names the step as it was.
            assertProjectPage(before, v1, OLD_NAME);
            assertProjectPage(after, v2, NEW_NAME);
        } finally {
            // The other tests run on the models of the classpath again.
            if (afterLifecycle != null) {
                runtimeService.deleteProcessInstance(afterLifecycle, "模型修订测试结束");
            }
            repositoryService.deleteDeployment(deployment.getId());
        }
        assertThat(latestIntake().getId()).isEqualTo(v1.getId());
    }

    private void assertProjectPage(JsonNode project, ProcessDefinition intake, String stepName) throws Exception {
        Answer overview = get("zhanlong1", "/api/projects/{id}/overview", project.get("id").asLong());
        assertThat(overview.status()).as(overview.raw()).isEqualTo(200);
        assertThat(overview.body().get("diagrams").findValuesAsText("processDefinitionId")).contains(intake.getId());
        assertThat(overview.body().get("timeline").findValuesAsText("activityName")).contains(stepName);
        var model = mvc.perform(MockMvcRequestBuilders.get("/api/process-definitions/{id}/xml", intake.getId())
                .with(httpBasic("zhanlong1", "demo"))).andReturn().getResponse();
        model.setCharacterEncoding("UTF-8");
        assertThat(model.getStatus()).isEqualTo(200);
        assertThat(model.getContentAsString()).contains("name=\"" + stepName + "\"");
    }

    private ProcessDefinition latestIntake() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("ProjectIntake").latestVersion()
                .singleResult();
    }

    private static JsonNode only(List<JsonNode> tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }
}
