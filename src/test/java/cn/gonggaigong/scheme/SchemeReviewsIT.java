package cn.gonggaigong.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.gonggaigong.task.WorkApiTestSupport;
import cn.gonggaigong.web.ProjectDriver;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * What reviewers said reaches the next step: the committee reads the departments' opinions of the version it
 * reviews; NRB, recompiling a scheme the committee sent back, reads why and starts from the previous version.
 */
class SchemeReviewsIT extends WorkApiTestSupport {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;

    @Test
    void theCommitteeReadsTheDepartmentsAndARevisionStartsFromThePreviousVersionWithItsReasons() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject("占陇镇方案审查意见项目", "zhanlong")));
        String code = project.get("code").asText();
        driver.toCommitteeReview(code, "zhanlong1", "ZL-REVIEWS-01");

        String review = taskService.createTaskQuery().processVariableValueEquals("projectId", project.get("id").asLong())
                .taskDefinitionKey("Task_ReviewScheme").singleResult().getId();
        String opinions = get("committee1", "/api/tasks/{id}", review).body().at("/data/departmentOpinions").asText();
        assertThat(opinions.lines().count()).isGreaterThan(5);
        assertThat(opinions.lines()).allSatisfy(line -> assertThat(line).startsWith("出具部门意见 · ").contains("：同意"));

        Answer revise = post("committee1", "/api/tasks/{id}/complete", Map.of("committeeDecision", "REVISE", "majorMatter", false,
                "meetingDate", "2026-07-01", "documentNumber", "普规委〔2026〕9号", "opinion", "配套设施比例偏高，请调整"), review);
        assertThat(revise.status()).as(revise.raw()).isEqualTo(204);

        String compile = taskService.createTaskQuery().processVariableValueEquals("projectId", project.get("id").asLong())
                .taskDefinitionKey("Task_CompileScheme").singleResult().getId();
        JsonNode data = get("nrb-clerk", "/api/tasks/{id}", compile).body().get("data");
        assertThat(data.get("revisionReasons").asText()).startsWith("审议改造方案 · ").contains("修改后再审", "配套设施比例偏高，请调整",
                "普规委〔2026〕9号");
        // The previous version's figures, not the application's planned floor area.
        assertThat(data.get("totalFloorArea").asDouble()).isEqualTo(62000.0).isNotEqualTo(project.get("plannedFloorArea").asDouble());
        assertThat(data.get("officeLivingFloorArea").asDouble()).isEqualTo(5000.0);
        assertThat(data.get("industryCategory").asText()).isEqualTo("LIGHT_TEXTILE");
    }
}
