package cn.gonggaigong.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.gonggaigong.task.WorkApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The annual plan's tasks show what NRB compiles and the government approves: the plan's year and its projects (by
 * code, town and name), NRB's projects left out and its note; a code left out that is not one of the plan's projects
 * is a field error, not a silent no-op.
 */
class AnnualPlanTasksIT extends WorkApiTestSupport {

    private static final int YEAR = 2031;

    @Autowired
    TaskService taskService;

    @Test
    void compilingAndApprovingThePlanShowItsYearAndProjectsAndCheckTheCodesLeftOut() throws Exception {
        JsonNode keptProject = intoThePlan("占陇镇年度计划展示项目一");
        String kept = keptProject.get("code").asText();
        String left = intoThePlan("占陇镇年度计划展示项目二").get("code").asText();
        // A third withdrawn by its applicant while it waits: not among the plan's projects, nor in the plan approved.
        JsonNode withdrawnProject = intoThePlan("占陇镇年度计划撤回项目三");
        assertThat(post("applicant1", "/api/projects/{id}/withdrawal", Map.of("reason", "不再申请"),
                withdrawnProject.get("id").asLong()).status()).isEqualTo(204);
        String withdrawn = withdrawnProject.get("code").asText();

        String compile = planTask("Task_CompileAnnualPlan");
        // The project's page: waiting for the plan, whose open step is the project's current step, and not yet in it.
        JsonNode waiting = get("applicant1", "/api/projects/{id}/overview", keptProject.get("id").asLong()).body();
        assertThat(waiting.get("project").get("annualPlanYear").asInt()).isEqualTo(YEAR);
        assertThat(waiting.get("project").get("annualPlanApproved").asBoolean()).isFalse();
        assertThat(waiting.get("openTasks")).singleElement().satisfies(t -> {
            assertThat(t.get("taskId").asText()).isEqualTo(compile);
            assertThat(t.get("taskName").asText()).isEqualTo("编制年度实施计划");
            assertThat(t.get("projectId").isNull()).isTrue();
            assertThat(t.get("projectName").asText()).isEqualTo(YEAR + "年度“工改工”改造实施计划");
            assertThat(t.get("candidateGroups").toString()).contains("nrb");
        });
        // In the task list (and on the task) the plan's title stands where a project's name would.
        JsonNode listed = get("nrb-clerk", "/api/tasks?size=200&q={q}", "编制年度实施计划").body().get("items");
        assertThat(java.util.stream.StreamSupport.stream(listed.spliterator(), false)
                .filter(t -> t.get("taskId").asText().equals(compile)).map(t -> t.get("projectName").asText()).toList())
                .containsExactly(YEAR + "年度“工改工”改造实施计划");
        // Searched by that title, or by the code or name of a project waiting for the plan, the list finds it too.
        for (String search : java.util.List.of(YEAR + "年度", kept, "年度计划展示项目二")) {
            assertThat(tasksOf("nrb-clerk", search).stream().map(t -> t.get("taskId").asText()).toList())
                    .as(search).contains(compile);
        }
        assertThat(tasksOf("nrb-clerk", (YEAR + 1) + "年度").stream().map(t -> t.get("taskId").asText()).toList())
                .doesNotContain(compile);
        JsonNode compiling = get("nrb-clerk", "/api/tasks/{id}", compile).body().get("data");
        assertThat(compiling.get("planYear").asInt()).isEqualTo(YEAR);
        assertThat(compiling.get("planProjects").asText()).contains(kept + "　占陇镇　占陇镇年度计划展示项目一",
                left + "　占陇镇　占陇镇年度计划展示项目二").doesNotContain(withdrawn);

        Answer typo = post("nrb-clerk", "/api/tasks/{id}/complete", Map.of("planTitle", YEAR + "年度计划",
                "excludedProjectCodes", left + "，GGG-9999-0000"), compile);
        assertThat(typo.status()).as(typo.raw()).isEqualTo(400);
        assertThat(typo.body().get("errors").toString()).isEqualTo(
                "[{\"field\":\"excludedProjectCodes\",\"reason\":\"不是本年度计划申请项目的编号：GGG-9999-0000\"}]");
        assertThat(planTask("Task_CompileAnnualPlan")).isEqualTo(compile);
        Answer done = post("nrb-clerk", "/api/tasks/{id}/complete", Map.of("planTitle", YEAR + "年度计划",
                "excludedProjectCodes", left, "opinion", "项目二材料不全，下年度再议"), compile);
        assertThat(done.status()).as(done.raw()).isEqualTo(204);

        String approve = planTask("Task_ApproveAnnualPlan");
        JsonNode approving = get("gov1", "/api/tasks/{id}", approve).body().get("data");
        assertThat(approving.get("planYear").asInt()).isEqualTo(YEAR);
        assertThat(approving.get("planTitle").asText()).isEqualTo(YEAR + "年度计划");
        assertThat(approving.get("planProjects").asText()).contains(kept).doesNotContain(left).doesNotContain(withdrawn);
        assertThat(approving.get("excludedProjectCodes").asText()).isEqualTo(left);
        assertThat(approving.get("compileOpinion").asText()).isEqualTo("项目二材料不全，下年度再议");
        // Read-only: what the government submits for them is ignored, not saved.
        Answer approved = post("gov1", "/api/tasks/{id}/complete", Map.of("planApproved", true,
                "documentNumber", "普府函〔2031〕1号", "planProjects", "改写"), approve);
        assertThat(approved.status()).as(approved.raw()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey("PLAN-" + YEAR).count()).isZero();
        JsonNode withdrawnAfter = get("applicant1", "/api/projects/{id}", withdrawnProject.get("id").asLong()).body();
        assertThat(withdrawnAfter.get("status").asText()).isEqualTo("TERMINATED");
        assertThat(withdrawnAfter.get("annualPlanYear").isNull()).as("not in the plan approved").isTrue();

        // The project's page now: in the approved plan, nothing open of the plan's, and the plan's two decisions in
        // its timeline, named after the plan, with the government's 文号.
        JsonNode after = get("applicant1", "/api/projects/{id}/overview", keptProject.get("id").asLong()).body();
        assertThat(after.get("project").get("annualPlanApproved").asBoolean()).isTrue();
        assertThat(java.util.stream.StreamSupport.stream(after.get("openTasks").spliterator(), false)
                .filter(t -> t.get("projectId").isNull()).toList()).isEmpty();
        java.util.List<JsonNode> planSteps = java.util.stream.StreamSupport.stream(after.get("timeline").spliterator(), false)
                .filter(e -> (YEAR + "年度“工改工”改造实施计划").equals(e.get("phaseName").asText())).toList();
        assertThat(planSteps).extracting(e -> e.get("activityName").asText()).containsExactly("编制年度实施计划", "审批年度实施计划");
        assertThat(planSteps.get(1).get("documentNumber").asText()).isEqualTo("普府函〔2031〕1号");
        assertThat(planSteps.get(0).get("opinion").asText()).isEqualTo("项目二材料不全，下年度再议");
    }

    /** A project applied for the year's plan and through its town's intake, waiting for the plan; as created. */
    private JsonNode intoThePlan(String name) throws Exception {
        Answer created = post("nrb-clerk", "/api/projects", validApplication(app -> {
            app.put("name", name);
            app.put("applicantUserId", "applicant1");
            app.put("planYear", YEAR);
        }));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String code = created.body().get("code").asText();
        complete("zhanlong1", code, "Task_SurveyWillingness", willingness());
        complete("zhanlong1", code, "Task_SurveyBaseData", Map.of("landAreaSqm", 10000, "landAreaMu", 15,
                "existingFloorArea", 8000, "currentPlotRatio", 0.8, "parcelIds", "BT-S-" + code, "surveyDate", "2026-03-10"));
        complete("zhanlong2", code, "Task_PublishBaseData", Map.of("noticeStartDate", "2026-03-11",
                "noticeEndDate", "2026-03-18", "objectionsRaised", false));
        return created.body();
    }

    private String planTask(String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey("PLAN-" + YEAR).taskDefinitionKey(key)
                .singleResult().getId();
    }
}
