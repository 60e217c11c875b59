package cn.gonggaigong.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brings projects to a given step through the REST APIs, as the owning offices (the way ProjectLifecycleIT does),
 * so a browser test starts where the people it plays take over. Fast-tracked key industry projects (随报随审) and
 * their own renovation units, so nothing here touches the annual plan or a unit another test uses.
 */
public class ProjectDriver {

    /** The department officers of keycloak-realm.json; each completes its own opinion task, if consulted. */
    private static final List<String> DEPARTMENT_OFFICERS = List.of("fgj1", "czj1", "gxj1", "sthj1", "cgzf1", "jtys1",
            "gaj1", "rsj1", "wjj1", "wglt1", "swj1", "sfj1", "xfj1");

    private final TestRestTemplate rest;
    private final ObjectMapper json;

    public ProjectDriver(TestRestTemplate rest, ObjectMapper json) {
        this.rest = rest;
        this.json = json;
    }

    /** A key industry project applied for by applicant1 in a town; its id and code. */
    public JsonNode apply(Map<String, Object> application) throws Exception {
        ResponseEntity<String> created = as("applicant1").postForEntity("/api/projects", application, String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(created.getBody());
    }

    /** The town's survey of the rights holders' willingness (the first step of a new project). */
    public void surveyWillingness(String code, String townOfficer) throws Exception {
        complete(townOfficer, code, "Task_SurveyWillingness", Map.of("willingnessAgreed", true, "agreePercent", 95.0,
                "surveyDate", "2026-03-01"));
    }

    /** Survey of base data by the town (after the willingness survey); its publication is next. */
    void surveyBaseData(String code, String townOfficer) throws Exception {
        complete(townOfficer, code, "Task_SurveyBaseData", Map.of("landAreaSqm", 20000.0, "landAreaMu", 30.0,
                "existingFloorArea", 18000.0, "currentPlotRatio", 0.9, "surveyDate", "2026-03-10"));
    }

    /** Survey of base data and its publication by the town (after the willingness survey). */
    void surveyAndPublishBaseData(String code, String townOfficer) throws Exception {
        surveyBaseData(code, townOfficer);
        complete(townOfficer, code, "Task_PublishBaseData", Map.of("noticeStartDate", "2026-03-11",
                "noticeEndDate", "2026-03-18", "objectionsRaised", false));
    }

    /** From the application through the intake (fast track confirmed by NRB) to the subject's confirmation
     * (Task_VerifyTitleDocuments), in the town of the officer. */
    public void toSubjectConfirmation(String code, String townOfficer) throws Exception {
        surveyWillingness(code, townOfficer);
        surveyAndPublishBaseData(code, townOfficer);
        complete("nrb-clerk", code, "Task_ConfirmFastTrack", Map.of("fastTrackConfirmed", true));
    }

    /** From the application to the planning committee's review (Task_ReviewScheme), in the town of the officer. */
    public void toCommitteeReview(String code, String townOfficer, String unitCode) throws Exception {
        toConsultation(code, townOfficer, unitCode);
        for (String officer : DEPARTMENT_OFFICERS) {
            for (JsonNode task : tasks(officer, code, "Task_GiveDepartmentOpinion")) {
                completeTask(officer, task.get("id").asText(), Map.of("departmentDecision", "AGREE", "opinion", "同意"));
            }
        }
        complete("nrb-clerk", code, "Task_SummariseOpinions", Map.of("consultationResult", "AGREED", "opinion", "各部门意见一致"));
        assertThat(tasks("committee1", code, "Task_ReviewScheme")).hasSize(1);
    }

    /**
     * From the application to the departments' consultation (a Task_GiveDepartmentOpinion for each department
     * consulted), in the town of the officer.
     */
    public void toConsultation(String code, String townOfficer, String unitCode) throws Exception {
        toSchemeCompilation(code, townOfficer, unitCode);
        Map<String, Object> scheme = new LinkedHashMap<>();
        scheme.putAll(Map.of("landAreaSqm", 20000.0, "totalFloorArea", 62000.0, "officeLivingFloorArea", 5000.0,
                "rdTestingFloorArea", 3000.0, "separateFacilityLandArea", 0.0, "existingFloorArea", 18000.0,
                "renovatedFloorArea", 0.0, "renovationBudget", 80000000.0, "industryCategory", "LIGHT_TEXTILE"));
        scheme.putAll(Map.of("farExemption", false, "involvesDemolition", true, "heritageImpact", true,
                "investment", 150000000.0, "compensationPlan", "货币补偿", "phasing", "一期建设"));
        complete("nrb-clerk", code, "Task_CompileScheme", scheme);
    }

    /** From the application to the government's approval (Task_ApproveScheme): the committee passed it today. */
    public void toGovernmentApproval(String code, String townOfficer, String unitCode) throws Exception {
        toCommitteeReview(code, townOfficer, unitCode);
        complete("committee1", code, "Task_ReviewScheme", Map.of("committeeDecision", "PASS", "majorMatter", false,
                "meetingDate", cn.gonggaigong.clock.WorkingDayCalendar.today().toString(), "documentNumber", "普规委〔2026〕" + code));
        assertThat(tasks("gov1", code, "Task_ApproveScheme")).hasSize(1);
    }

    /** From the application to NRB's 编制改造方案 (Task_CompileScheme), in the town of the officer. */
    public void toSchemeCompilation(String code, String townOfficer, String unitCode) throws Exception {
        toSubjectConfirmation(code, townOfficer);
        complete(townOfficer, code, "Task_VerifyTitleDocuments", Map.of("titleCertificateNumbers", "粤(2019)普宁市不动产权第0012345号",
                "titleVerified", true));
        complete("nrb-clerk", code, "Task_ConfirmSubject", Map.of("subjectName", "普宁市某纺织有限公司",
                "documentNumber", "普自然资改确〔2026〕3号"));
        complete("nrb-director", code, "Task_AssignRenovationUnit", Map.of("unitAction", "NEW", "unitCode", unitCode,
                "unitName", unitCode + "改造单元"));
        complete("nrb-clerk", unitCode, "Task_CompileUnitPlan", Map.of("planGoals", "建设高标准厂房", "publicFacilities", "道路",
                "interestBalance", "按面积分摊", "unitLandAreaSqm", 120000.0, "plannedPlotRatio", 3.0));
        complete("gov1", unitCode, "Task_ApproveUnitPlan", Map.of("unitPlanApproved", true, "documentNumber", "普府函〔2026〕41号"));
        assertThat(tasks("nrb-clerk", code, "Task_CompileScheme")).hasSize(1);
    }

    List<JsonNode> tasks(String user, String businessKey, String taskKey) throws Exception {
        JsonNode list = json.readTree(as(user).getForObject(
                "/engine-rest/task?processInstanceBusinessKey={bk}&taskDefinitionKey={key}", String.class, businessKey, taskKey));
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).toList();
    }

    private void complete(String user, String businessKey, String taskKey, Map<String, Object> values) throws Exception {
        List<JsonNode> open = tasks(user, businessKey, taskKey);
        assertThat(open).as("open task %s of %s for %s", taskKey, businessKey, user).hasSize(1);
        completeTask(user, open.get(0).get("id").asText(), values);
    }

    private void completeTask(String user, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", camundaType(value))));
        ResponseEntity<String> response = as(user).postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", variables), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static String camundaType(Object value) {
        if (value instanceof Boolean) {
            return "Boolean";
        }
        return value instanceof Double ? "Double" : "String";
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    /** A fast-tracked key industry project in a town (Art. 6 application with every check passing). */
    public static Consumer<Map<String, Object>> keyIndustryProject(String name, String townCode) {
        return app -> {
            app.put("name", name);
            app.put("townCode", townCode);
            app.put("applicantUserId", "applicant1");
            app.put("keyIndustryProject", true);
            app.put("landAreaSqm", 20000);
            app.put("landAreaMu", 30);
            app.put("existingFloorArea", 18000);
            app.put("currentPlotRatio", 0.9);
            app.put("plannedFloorArea", 60000);
        };
    }
}
