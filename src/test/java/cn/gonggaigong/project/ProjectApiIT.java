package cn.gonggaigong.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import cn.gonggaigong.ApplicationTestSupport;
import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.unit.RenovationUnit;
import cn.gonggaigong.unit.RenovationUnitRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** POST/GET /api/projects against the whole application on the embedded database. */
class ProjectApiIT extends ApplicationTestSupport {

    /** An NRB officer (demo user of keycloak-realm.json), who may apply for any town and read every project. */
    private static final RequestPostProcessor NRB = httpBasic("nrb-clerk", "demo");

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RenovationUnitRepository units;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;

    // --- refused applications: exact field and reason, nothing saved ---------------------------------------

    @Test
    void answersTheDocumentedErrorFormat() throws Exception {
        MockHttpServletResponse response = postRefused(app -> app.put("landAreaSqm", 0));
        assertThat(json.readTree(response.getContentAsString())).isEqualTo(json.readTree("""
                {"status":400,"message":"申请材料校验未通过","errors":[{"field":"landAreaSqm","reason":"必须大于0"}]}"""));
    }

    @Test
    void refusesMissingAndOutOfRangeValues() throws Exception {
        assertRefused(app -> app.remove("name"), "name", "不能为空");
        assertRefused(app -> app.remove("industryCategory"), "industryCategory", "请选择");
        assertRefused(app -> app.put("townCode", ""), "townCode", "请选择");
        assertRefused(app -> app.put("applicantUserId", "  "), "applicantUserId", "不能为空");
        assertRefused(app -> app.put("parcelIds", List.of()), "parcelIds", "至少需要一个标图入库图斑编号");
        assertRefused(app -> app.put("parcelIds", List.of("BT-001", "")), "parcelIds[1]", "不能为空");
        assertRefused(app -> app.put("landAreaMu", -1.5), "landAreaMu", "必须大于0");
        assertRefused(app -> app.put("existingFloorArea", -1), "existingFloorArea", "不能小于0");
        assertRefused(app -> app.put("currentPlotRatio", 20.5), "currentPlotRatio", "必须在0到20之间");
        assertRefused(app -> app.put("plannedPlotRatio", -0.1), "plannedPlotRatio", "必须在0到20之间");
        // A plot ratio is floor area ÷ land area: one that the figures beside it contradict is named with theirs.
        assertRefused(app -> app.put("currentPlotRatio", 5), "currentPlotRatio",
                "与现状建筑面积和用地面积不一致：容积率＝建筑面积÷用地面积＝8000÷10000≈0.80");
        assertRefused(app -> app.put("plannedFloorArea", 0), "plannedPlotRatio",
                "与规划建筑面积和用地面积不一致：容积率＝建筑面积÷用地面积＝0÷10000≈0.00");
        assertRefused(app -> app.put("investment", -100), "investment", "不能小于0");
        assertRefused(app -> app.put("contiguousAreaMu", null), "contiguousAreaMu", "不能为空");
        assertRefused(app -> app.put("planYear", 1999), "planYear", "年份必须在2000到2100之间");
        int thisYear = java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai")).getValue();
        assertRefused(app -> app.put("planYear", thisYear - 1), "planYear",
                "不能早于今年（" + thisYear + "年）：以往年度的实施计划已不再受理申请");
    }

    @Test
    void refusesMuThatDoesNotMatchSquareMetres() throws Exception {
        // 10,000 m² are 15.00 mu; 16 mu differ by more than 1 %.
        assertRefused(app -> app.put("landAreaMu", 16), "landAreaMu",
                "与用地面积（平方米）不一致，按1亩=666.67平方米应约为15.00亩");
        assertThat(postApplication(validApplication(app -> app.put("landAreaMu", 15.1))).getStatus())
                .as("within 1 %%").isNotEqualTo(400);
    }

    @Test
    void refusesUnknownTownsAndUnitsWithoutAnApprovedPlan() throws Exception {
        units.saveAndFlush(new RenovationUnit("U-IT-PLANNING", "规划编制中的单元", null));
        assertRefused(app -> app.put("townCode", "nowhere"), "townCode", "镇（街道、农场）不存在");
        assertRefused(app -> app.put("unitPlanInForce", true), "unitCode", "已有改造单元详细规划时必须填写改造单元编号");
        assertRefused(app -> {
            app.put("unitPlanInForce", true);
            app.put("unitCode", "U-NONE");
        }, "unitCode", "改造单元不存在");
        assertRefused(app -> {
            app.put("unitPlanInForce", true);
            app.put("unitCode", "U-IT-PLANNING");
        }, "unitCode", "该改造单元的详细规划尚未批准");
        assertRefused(app -> app.put("unitCode", "U-IT-PLANNING"), "unitCode", "仅在已有改造单元详细规划时填写");
    }

    @Test
    void refusesUnknownEnumerationValuesAndWrongTypes() throws Exception {
        assertRefused(app -> app.put("renovationType", "TOTAL"), "renovationType",
                "取值无效，可选值：FULL, MICRO, MIXED");
        assertRefused(app -> app.put("applicantType", "COMPANY"), "applicantType",
                "取值无效，可选值：OWNER, LESSEE, VILLAGE_COLLECTIVE, GOVERNMENT");
        assertRefused(app -> app.put("investment", "很多"), "investment", "必须是数字");
        assertRefused(app -> app.put("pilotProject", "maybe"), "pilotProject", "必须是true或false");
        assertRefused(app -> app.put("parcelIds", Map.of("id", "BT-001")), "parcelIds", "必须是数组");
        // Not cut down to 2026: a year with a fraction is a mistake.
        assertRefused(app -> app.put("planYear", 2026.5), "planYear", "必须是整数");
        assertRefused(app -> app.put("planYear", "明年"), "planYear", "必须是整数");
    }

    @Test
    void theApplicantSeesWhichStepTheirProjectIsAtThoughTheTaskIsTheTownsToDo() throws Exception {
        MockHttpServletResponse created = mvc.perform(post("/api/projects").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(validApplication(app -> app.put("applicantUserId", "applicant1"))))
                .with(httpBasic("applicant1", "demo"))).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        long id = json.readTree(created.getContentAsString()).get("id").asLong();
        JsonNode seen = json.readTree(mvc.perform(get("/api/projects/{id}", id).with(httpBasic("applicant1", "demo")))
                .andReturn().getResponse().getContentAsString());
        assertThat(seen.get("openTasks").findValuesAsText("taskDefinitionKey")).containsExactly("Task_SurveyWillingness");
        assertThat(seen.at("/openTasks/0/candidateGroups/0").asText()).isEqualTo("town-zhanlong");
    }

    @Test
    void aRightsHolderCannotApplyAsTheGovernmentWhileTheTownMayForIt() throws Exception {
        // The government as subject has no monitoring agreement (Art. 13): a rights holder could otherwise skip it.
        MockHttpServletResponse own = mvc.perform(post("/api/projects").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(validApplication(app -> {
                    app.put("applicantUserId", "applicant1");
                    app.put("applicantType", "GOVERNMENT");
                })))
                .with(httpBasic("applicant1", "demo"))).andReturn().getResponse();
        assertErrors(own, List.of(Map.of("field", "applicantType",
                "reason", "权利人本人申请时不能选择“政府”：以政府为改造主体的项目由市自然资源局或所在镇（街道、农场）申报")));
        MockHttpServletResponse byTown = mvc.perform(post("/api/projects").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(validApplication(app -> app.put("applicantType", "GOVERNMENT"))))
                .with(httpBasic("zhanlong1", "demo"))).andReturn().getResponse();
        assertThat(byTown.getStatus()).as(byTown.getContentAsString()).isEqualTo(201);
        assertThat(json.readTree(byTown.getContentAsString()).get("governmentSubject").asBoolean()).isTrue();
    }

    @Test
    void aParcelOfAProjectUnderWayCannotBeAppliedForAgain() throws Exception {
        Map<String, Object> first = validApplication(app -> app.put("parcelIds", List.of("BT-DUP-0001", "BT-DUP-0002")));
        MockHttpServletResponse created = postApplication(first);
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String code = json.readTree(created.getContentAsString()).get("code").asText();

        MockHttpServletResponse again = postRefused(app -> app.put("parcelIds", List.of("BT-DUP-0009", "BT-DUP-0002")));
        assertErrors(again, List.of(Map.of("field", "parcelIds[1]",
                "reason", "图斑 BT-DUP-0002 已在项目 " + code + " 中，该项目尚在审批实施中")));
        // The same code in another case or with spaces is the same parcel; one parcel twice in one application is an error.
        assertErrors(postRefused(app -> app.put("parcelIds", List.of(" bt-dup-0001 "))), List.of(Map.of("field", "parcelIds[0]",
                "reason", "图斑 bt-dup-0001 已在项目 " + code + " 中，该项目尚在审批实施中")));
        assertErrors(postRefused(app -> app.put("parcelIds", List.of("BT-DUP-0100", "bt-dup-0100"))),
                List.of(Map.of("field", "parcelIds[1]", "reason", "与第 1 个图斑编号重复")));
        // Once that project is withdrawn, its parcels are free again.
        jdbc.update("update project set status = 'WITHDRAWN' where code = ?", code);
        assertThat(postApplication(validApplication(app -> app.put("parcelIds", List.of("BT-DUP-0002")))).getStatus())
                .isEqualTo(201);
    }

    @Test
    void anEmptyApplicationFromAnApplicantOrATownIsTheListOfMissingFieldsNotARefusal() throws Exception {
        for (String user : List.of("applicant1", "zhanlong1")) {
            MockHttpServletResponse response = mvc.perform(post("/api/projects").contentType(MediaType.APPLICATION_JSON)
                    .content("{}").with(httpBasic(user, "demo"))).andReturn().getResponse();
            assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
            JsonNode body = json.readTree(response.getContentAsString());
            assertThat(body.get("errors").findValuesAsText("field"))
                    .contains("name", "townCode", "applicantUserId", "parcelIds", "landAreaSqm");
        }
        // Another applicant's name, or another town's project, is still refused.
        MockHttpServletResponse foreign = mvc.perform(post("/api/projects").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(validApplication(app -> app.put("applicantUserId", "applicant2"))))
                .with(httpBasic("applicant1", "demo"))).andReturn().getResponse();
        assertThat(foreign.getStatus()).isEqualTo(403);
        MockHttpServletResponse otherTown = mvc.perform(post("/api/projects").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(validApplication(app -> app.put("townCode", "liushadong"))))
                .with(httpBasic("zhanlong1", "demo"))).andReturn().getResponse();
        assertThat(otherTown.getStatus()).isEqualTo(403);
    }

    @Test
    void refusesMalformedJson() throws Exception {
        String body = json.writeValueAsString(validApplication(app -> { }));
        String broken = body.replaceFirst("\"landAreaSqm\":\\s*[0-9.]+", "\"landAreaSqm\": }");
        assertThat(broken).isNotEqualTo(body);
        assertErrors(postRaw(broken), List.of(Map.of("field", "landAreaSqm", "reason", "JSON格式错误")));
        assertErrors(postRaw(""), List.of(Map.of("field", "body", "reason", "请求体缺失或不是有效的JSON")));
    }

    @Test
    void reportsEveryProblemInFieldOrder() throws Exception {
        MockHttpServletResponse response = postRefused(app -> {
            app.put("landAreaSqm", -1);
            app.put("name", "");
            app.put("townCode", "nowhere");
        });
        assertErrors(response, List.of(
                Map.of("field", "name", "reason", "不能为空"),
                Map.of("field", "townCode", "reason", "镇（街道、农场）不存在"),
                Map.of("field", "landAreaSqm", "reason", "必须大于0")));
    }

    // --- accepted applications ------------------------------------------------------------------------------

    @Test
    void aValidApplicationCreatesTheProjectAndStartsItsLifecycle() throws Exception {
        assumeTrue(Files.exists(Path.of("processes", ProjectLifecycleProcess.PROCESS_ID + ".bpmn")),
                "processes/ProjectLifecycle.bpmn does not exist yet");
        MockHttpServletResponse response = postApplication(validApplication(app -> { }));

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        JsonNode project = json.readTree(response.getContentAsString());
        long id = project.get("id").asLong();
        assertThat(response.getHeader("Location")).endsWith("/api/projects/" + id);
        assertThat(project.get("code").asText()).matches("GGG-\\d{4}-\\d{4}");
        assertThat(project.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(project.get("town").get("groupId").asText()).isEqualTo("town-zhanlong");
        assertThat(project.get("parcelIds")).hasSize(2);
        String processInstanceId = project.get("processInstanceId").asText();

        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        assertThat(instance).as("running lifecycle").isNotNull();
        assertThat(instance.getProcessDefinitionKey()).isEqualTo(ProjectLifecycleProcess.PROCESS_ID);
        assertThat(instance.getBusinessKey()).isEqualTo(project.get("code").asText());
        Map<String, Object> variables = runtimeService.getVariables(processInstanceId);
        assertThat(variables).containsEntry(ProjectLifecycleProcess.Var.PROJECT_ID, id)
                .containsEntry(ProjectLifecycleProcess.Var.TOWN_GROUP, "town-zhanlong")
                .containsEntry(ProjectLifecycleProcess.Var.APPLICANT, "applicant-chen")
                .containsEntry(ProjectLifecycleProcess.Var.RENOVATION_TYPE, "FULL");

        JsonNode read = json.readTree(mvc.perform(get("/api/projects/{id}", id).with(NRB)).andReturn().getResponse()
                .getContentAsString());
        assertThat(read.get("code")).isEqualTo(project.get("code"));
        assertThat(read.get("processInstanceId").asText()).isEqualTo(processInstanceId);
        assertThat(read.get("openTasks").isArray()).isTrue();
        read.get("openTasks").forEach(task -> assertThat(task.get("taskDefinitionKey").asText()).startsWith("Task_"));

        JsonNode page = json.readTree(mvc.perform(get("/api/projects").param("size", "5").with(NRB)).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.get("size").asInt()).isEqualTo(5);
        assertThat(page.get("content").get(0).get("id").asLong()).isEqualTo(id);
    }

    @Test
    void whenTheLifecycleCannotStartNothingIsSaved() throws Exception {
        boolean deployed = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ProjectLifecycleProcess.PROCESS_ID).count() > 0;
        if (deployed) {
            repositoryService.suspendProcessDefinitionByKey(ProjectLifecycleProcess.PROCESS_ID);
        }
        try {
            long before = savedRows();
            MockHttpServletResponse response = postApplication(validApplication(app -> { }));
            assertThat(response.getStatus()).isEqualTo(500);
            assertThat(json.readTree(response.getContentAsString()).get("message").asText())
                    .isEqualTo("审批流程启动失败，申请未保存，请联系系统管理员");
            assertThat(savedRows()).isEqualTo(before);
        } finally {
            if (deployed) {
                repositoryService.activateProcessDefinitionByKey(ProjectLifecycleProcess.PROCESS_ID);
            }
        }
    }

    @Test
    void aPageOrPageSizeOutOfRangeIsNamedNotQuietlyChanged() throws Exception {
        for (String[] bad : new String[][] {{"page", "-1", "不能小于0"}, {"size", "0", "必须在1到100之间"},
                {"size", "101", "必须在1到100之间"}}) {
            MockHttpServletResponse response = mvc.perform(get("/api/projects").param(bad[0], bad[1]).with(NRB))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
            assertThat(json.readTree(response.getContentAsString())).isEqualTo(json.readTree(
                    "{\"status\":400,\"message\":\"请求参数格式不正确\",\"errors\":[{\"field\":\"" + bad[0]
                            + "\",\"reason\":\"" + bad[2] + "\"}]}"));
        }
    }

    @Test
    void answers404ForAnUnknownProject() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/projects/{id}", 987654321).with(NRB)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(json.readTree(response.getContentAsString()))
                .isEqualTo(json.readTree("{\"status\":404,\"message\":\"项目不存在：没有序号为 987654321 的项目，请检查地址，或从待办、项目列表进入\"}"));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private void assertRefused(Consumer<Map<String, Object>> change, String field, String reason) throws Exception {
        assertErrors(postRefused(change), List.of(Map.of("field", field, "reason", reason)));
    }

    /** Posts an application that must be refused, and checks that nothing was saved. */
    private MockHttpServletResponse postRefused(Consumer<Map<String, Object>> change) throws Exception {
        long before = savedRows();
        MockHttpServletResponse response = postApplication(validApplication(change));
        assertThat(savedRows()).as("rows after a refused application").isEqualTo(before);
        return response;
    }

    private void assertErrors(MockHttpServletResponse response, List<Map<String, String>> errors) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        JsonNode body = json.readTree(response.getContentAsString());
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("message").asText()).isEqualTo("申请材料校验未通过");
        assertThat(body.get("errors")).isEqualTo(json.valueToTree(errors));
    }

    private MockHttpServletResponse postApplication(Map<String, Object> application) throws Exception {
        return postRaw(json.writeValueAsString(application));
    }

    private MockHttpServletResponse postRaw(String body) throws Exception {
        return mvc.perform(post("/api/projects").contentType(MediaType.APPLICATION_JSON).content(body).with(NRB))
                .andReturn().getResponse();
    }

    /** Projects, their parcels and the project numbers handed out. */
    private long savedRows() {
        return jdbc.queryForObject("""
                select (select count(*) from project) + (select count(*) from project_parcel)
                     + (select coalesce(sum(last_number), 0) from project_code_counter)""", Long.class);
    }
}
