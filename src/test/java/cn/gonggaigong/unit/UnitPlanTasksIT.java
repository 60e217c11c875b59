package cn.gonggaigong.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import cn.gonggaigong.task.WorkApiTestSupport;
import cn.gonggaigong.web.ProjectDriver;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The renovation unit's plan is approved having been read: the government's task shows the unit, its projects and
 * the plan NRB compiled; while the plan is open it is the current step of the unit's projects, and once decided both
 * decisions stand in each project's timeline, named after the unit, with the government's 文号.
 */
class UnitPlanTasksIT extends WorkApiTestSupport {

    @Autowired
    TaskService taskService;

    @Test
    void theGovernmentReadsThePlanAndTheUnitsProjectsBeforeApprovingIt() throws Exception {
        Answer created = post("nrb-clerk", "/api/projects",
                validApplication(ProjectDriver.keyIndustryProject("占陇镇单元规划展示项目", "zhanlong")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String code = created.body().get("code").asText();
        long projectId = created.body().get("id").asLong();
        String unit = "ZL-UNIT-" + code.substring(code.length() - 4);
        toTitleVerification(code, 19800, 29.7);
        complete("zhanlong1", code, "Task_VerifyTitleDocuments", Map.of("titleCertificateNumbers",
                "粤(2019)普宁市不动产权第0012345号", "titleVerified", true));
        assertThat(get("nrb-clerk", "/api/projects/{id}", projectId).body().get("confirmedSubject").isNull()).isTrue();
        complete("nrb-clerk", code, "Task_ConfirmSubject", Map.of("subjectName", "普宁市某纺织有限公司",
                "documentNumber", "普自然资改确〔2026〕3号"));
        assertThat(get("nrb-clerk", "/api/projects/{id}", projectId).body().get("confirmedSubject").asText())
                .isEqualTo("普宁市某纺织有限公司");
        complete("nrb-director", code, "Task_AssignRenovationUnit", Map.of("unitAction", "NEW", "unitCode", unit,
                "unitName", "占陇镇展示改造单元"));

        // NRB compiles: the unit and its projects are named on the task.
        String compile = unitTask(unit, "Task_CompileUnitPlan");
        JsonNode compiling = get("nrb-clerk", "/api/tasks/{id}", compile).body().get("data");
        assertThat(compiling.get("unitTitle").asText()).isEqualTo(unit + "　占陇镇展示改造单元（占陇镇）");
        // The town surveyed 19,800 m² where the application said 20,000: the survey's figure is shown.
        assertThat(compiling.get("unitProjects").asText()).isEqualTo(code + "　占陇镇　占陇镇单元规划展示项目　用地19800平方米");
        // In NRB's list the unit stands where a project would; searched by what is shown there (the unit's code or
        // name), or by the code or name of its project, the list finds the step; other words do not.
        for (String search : List.of(unit, "展示改造单元", code, "占陇镇单元规划展示项目", "编制单元详细规划")) {
            assertThat(tasksOf("nrb-clerk", search).stream().map(t -> t.get("taskId").asText()).toList())
                    .as(search).contains(compile);
        }
        assertThat(tasksOf("nrb-clerk", "占陇镇另一改造单元").stream().map(t -> t.get("taskId").asText()).toList())
                .doesNotContain(compile);
        // Meanwhile the project waits for it: the unit's step is the project's current step.
        JsonNode waiting = get("applicant1", "/api/projects/{id}/overview", projectId).body();
        assertThat(StreamSupport.stream(waiting.get("openTasks").spliterator(), false)
                .filter(t -> t.get("taskId").asText().equals(compile)).toList()).singleElement()
                .satisfies(t -> assertThat(t.get("projectName").asText()).isEqualTo(unit + " 占陇镇展示改造单元"));
        // A unit smaller than its projects' land (19,800 m² surveyed) is a field error.
        Answer tooSmall = post("nrb-clerk", "/api/tasks/{id}/complete", Map.of("planGoals", "建设高标准厂房",
                "publicFacilities", "道路、停车场", "interestBalance", "按面积分摊", "unitLandAreaSqm", 15000,
                "plannedPlotRatio", 3.2), compile);
        assertThat(tooSmall.status()).as(tooSmall.raw()).isEqualTo(400);
        assertThat(tooSmall.body().get("errors").toString()).isEqualTo("[{\"field\":\"unitLandAreaSqm\",\"reason\":"
                + "\"不能小于单元内项目用地面积之和（19800平方米）：改造单元应涵盖其全部项目\"}]");
        Answer compiled = post("nrb-clerk", "/api/tasks/{id}/complete", Map.of("planGoals", "建设高标准厂房",
                "publicFacilities", "道路、停车场", "interestBalance", "按面积分摊", "unitLandAreaSqm", 120000,
                "plannedPlotRatio", 3.2), compile);
        assertThat(compiled.status()).as(compiled.raw()).isEqualTo(204);

        // The government reads the plan it approves, read-only.
        String approve = unitTask(unit, "Task_ApproveUnitPlan");
        JsonNode approving = get("gov1", "/api/tasks/{id}", approve).body();
        JsonNode data = approving.get("data");
        assertThat(data.get("unitTitle").asText()).isEqualTo(unit + "　占陇镇展示改造单元（占陇镇）");
        assertThat(data.get("unitProjects").asText()).contains(code);
        assertThat(data.get("planGoals").asText()).isEqualTo("建设高标准厂房");
        assertThat(data.get("publicFacilities").asText()).isEqualTo("道路、停车场");
        assertThat(data.get("interestBalance").asText()).isEqualTo("按面积分摊");
        assertThat(data.get("unitLandAreaSqm").asDouble()).isEqualTo(120000.0);
        assertThat(data.get("plannedPlotRatio").asDouble()).isEqualTo(3.2);
        List<String> shown = StreamSupport.stream(approving.get("form").get("components").spliterator(), false)
                .filter(c -> c.path("disabled").asBoolean(false)).map(c -> c.get("key").asText()).toList();
        assertThat(shown).containsExactly("unitTitle", "unitProjects", "planGoals", "publicFacilities", "interestBalance",
                "unitLandAreaSqm", "plannedPlotRatio");
        Answer approved = post("gov1", "/api/tasks/{id}/complete", Map.of("unitPlanApproved", true,
                "documentNumber", "普府函〔2026〕120号", "planGoals", "改写"), approve);
        assertThat(approved.status()).as(approved.raw()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(unit).count()).isZero();

        // Both decisions in the project's timeline, named after the unit.
        JsonNode after = get("applicant1", "/api/projects/{id}/overview", projectId).body();
        List<JsonNode> unitSteps = StreamSupport.stream(after.get("timeline").spliterator(), false)
                .filter(e -> (unit + " 占陇镇展示改造单元").equals(e.get("phaseName").asText())).toList();
        assertThat(unitSteps).extracting(e -> e.get("activityName").asText()).containsExactly("编制单元详细规划", "审批单元详细规划");
        assertThat(unitSteps.get(1).get("documentNumber").asText()).isEqualTo("普府函〔2026〕120号");
    }

    private String unitTask(String unit, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(unit).taskDefinitionKey(key).singleResult().getId();
    }
}
