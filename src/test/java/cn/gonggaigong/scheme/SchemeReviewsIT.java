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
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    @Test
    void theCommitteeReadsTheDepartmentsAndARevisionStartsFromThePreviousVersionWithItsReasons() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject("占陇镇方案审查意见项目", "zhanlong")));
        String code = project.get("code").asText();
        driver.toCommitteeReview(code, "zhanlong1", "ZL-REVIEWS-01");

        String review = taskService.createTaskQuery().processVariableValueEquals("projectId", project.get("id").asLong())
                .taskDefinitionKey("Task_ReviewScheme").singleResult().getId();
        String opinions = get("committee1", "/api/tasks/{id}", review).body().at("/data/departmentOpinions").asText();
        long consulted = opinions.lines().count() - 1;
        assertThat(consulted).isGreaterThan(5);
        assertThat(opinions.lines().findFirst()).hasValue("共" + consulted + "个部门出具意见：同意" + consulted + "个");
        assertThat(opinions.lines().skip(1)).allSatisfy(line -> assertThat(line).startsWith("出具部门意见 · ").contains("：同意"));

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

    /**
     * NRB summing the consultation up reads how many departments answered which way, and the objections and
     * conditions before the plain agreements, not wherever they fell among a dozen lines.
     */
    @Test
    void theSummaryReadsTheCountsAndTheObjectionsFirst() throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject("占陇镇部门意见分歧项目", "zhanlong")));
        long id = project.get("id").asLong();
        driver.toConsultation(project.get("code").asText(), "zhanlong1", "ZL-REVIEWS-02");
        java.util.List<org.camunda.bpm.engine.task.Task> asked = taskService.createTaskQuery()
                .processVariableValueEquals("projectId", id).taskDefinitionKey("Task_GiveDepartmentOpinion")
                .orderByTaskId().asc().list();
        assertThat(asked).hasSizeGreaterThan(3);
        // The first agrees, the second objects, the third agrees with a condition, the others agree.
        for (int i = 0; i < asked.size(); i++) {
            Map<String, Object> answer = switch (i) {
                case 1 -> Map.of("departmentDecision", "OBJECT", "opinion", "涉及交通规划红线");
                case 2 -> Map.of("departmentDecision", "AGREE_WITH_CONDITIONS", "opinion", "建议增加绿化面积");
                default -> Map.of("departmentDecision", "AGREE", "opinion", "同意");
            };
            String department = taskService.getIdentityLinksForTask(asked.get(i).getId()).stream()
                    .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null).findFirst()
                    .orElseThrow().getGroupId();
            String officer = identityService.createUserQuery().memberOfGroup(department).list().get(0).getId();
            Answer done = post(officer, "/api/tasks/{id}/complete", answer, asked.get(i).getId());
            assertThat(done.status()).as(done.raw()).isEqualTo(204);
        }

        String summary = taskService.createTaskQuery().processVariableValueEquals("projectId", id)
                .taskDefinitionKey("Task_SummariseOpinions").singleResult().getId();
        java.util.List<String> lines = get("nrb-clerk", "/api/tasks/{id}", summary).body().at("/data/departmentOpinions")
                .asText().lines().toList();
        assertThat(lines).hasSize(asked.size() + 1);
        assertThat(lines.get(0)).isEqualTo("共" + asked.size() + "个部门出具意见：同意" + (asked.size() - 2)
                + "个、原则同意（附意见）1个、不同意1个");
        assertThat(lines.get(1)).contains("：不同意；涉及交通规划红线");
        assertThat(lines.get(2)).contains("：原则同意（附意见）；建议增加绿化面积");
        assertThat(lines.subList(3, lines.size())).allSatisfy(line -> assertThat(line).contains("：同意；同意"));
    }
}
