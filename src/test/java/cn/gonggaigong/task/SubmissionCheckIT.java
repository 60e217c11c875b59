package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.gonggaigong.unit.RenovationUnitRepository;
import cn.gonggaigong.web.ProjectDriver;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * What a form cannot check is checked against the business data before the task is completed: a renovation unit
 * chosen that does not exist, or a new unit's code already taken, is the API's 400 on that field (not a 500 from the
 * step after the task), and the task stays open with nothing changed.
 */
class SubmissionCheckIT extends WorkApiTestSupport {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RenovationUnitRepository units;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    @Test
    void aRenovationUnitThatDoesNotExistOrACodeAlreadyTakenIsAFieldErrorAndTheTaskStaysOpen() throws Exception {
        String first = toUnitChoice("占陇镇改造单元校验项目一");
        String task = taskId("nrb-director", first, "Task_AssignRenovationUnit");

        Answer missing = post("nrb-director", "/api/tasks/{id}/complete",
                Map.of("unitAction", "EXISTING", "unitCode", "NOPE-001"), task);
        assertThat(missing.status()).as(missing.raw()).isEqualTo(400);
        assertThat(missing.body().get("errors")).hasSize(1);
        assertThat(missing.body().get("errors").get(0).get("field").asText()).isEqualTo("unitCode");
        assertThat(missing.body().get("errors").get(0).get("reason").asText())
                .isEqualTo("改造单元 NOPE-001 不存在，请核对编号，或选择“划定新改造单元”");
        assertThat(taskId("nrb-director", first, "Task_AssignRenovationUnit")).isEqualTo(task);
        assertThat(units.findByCode("NOPE-001")).isEmpty();

        complete("nrb-director", first, "Task_AssignRenovationUnit",
                Map.of("unitAction", "NEW", "unitCode", "ZL-CHECK-01", "unitName", "占陇镇校验改造单元"));
        assertThat(units.findByCode("ZL-CHECK-01")).isPresent();
        // The unit's own plan is a task of no project: it names the unit where a project's name would be.
        String unitPlan = taskService.createTaskQuery().processInstanceBusinessKey("ZL-CHECK-01").singleResult().getId();
        assertThat(get("nrb-clerk", "/api/tasks/{id}", unitPlan).body().get("projectName").asText())
                .isEqualTo("ZL-CHECK-01 占陇镇校验改造单元");

        String second = toUnitChoice("占陇镇改造单元校验项目二");
        String secondTask = taskId("nrb-director", second, "Task_AssignRenovationUnit");
        Answer taken = post("nrb-director", "/api/tasks/{id}/complete",
                Map.of("unitAction", "NEW", "unitCode", " ZL-CHECK-01 ", "unitName", "重复"), secondTask);
        assertThat(taken.status()).as(taken.raw()).isEqualTo(400);
        assertThat(taken.body().get("errors").get(0).get("field").asText()).isEqualTo("unitCode");
        assertThat(taken.body().get("errors").get(0).get("reason").asText())
                .isEqualTo("改造单元编号 ZL-CHECK-01 已存在，请选择“纳入已有改造单元”或另取编号");
        // The same code as an existing unit is accepted.
        complete("nrb-director", second, "Task_AssignRenovationUnit", Map.of("unitAction", "EXISTING", "unitCode", "ZL-CHECK-01"));
        assertThat(tasksOf("nrb-director", second)).noneMatch(t -> t.get("taskDefinitionKey").asText()
                .equals("Task_AssignRenovationUnit"));
    }

    @Test
    void aNoticeCannotEndBeforeItStarts() throws Exception {
        String code = apply("zhanlong", "占陇镇公示日期校验项目").get("code").asText();
        complete("zhanlong1", code, "Task_SurveyWillingness", willingness());
        complete("zhanlong1", code, "Task_SurveyBaseData", Map.of("landAreaSqm", 10000, "landAreaMu", 15,
                "existingFloorArea", 8000, "currentPlotRatio", 0.8, "parcelIds", "BT-S-" + code, "surveyDate", "2026-03-10"));
        String publish = taskId("zhanlong2", code, "Task_PublishBaseData");
        // A field left empty and the dates reversed: both said in one answer, not the dates only once the field is
        // filled in.
        Answer both = post("zhanlong2", "/api/tasks/{id}/complete", Map.of("noticeStartDate", "2026-11-20",
                "noticeEndDate", "2026-11-01"), publish);
        assertThat(both.status()).as(both.raw()).isEqualTo(400);
        assertThat(both.body().get("errors").toString()).isEqualTo("[{\"field\":\"objectionsRaised\",\"reason\":\"必填\"},"
                + "{\"field\":\"noticeEndDate\",\"reason\":\"公示结束日期（2026-11-01）不能早于公示开始日期（2026-11-20）\"}]");
        Answer reversed = post("zhanlong2", "/api/tasks/{id}/complete", Map.of("noticeStartDate", "2026-11-20",
                "noticeEndDate", "2026-11-01", "objectionsRaised", false), publish);
        assertThat(reversed.status()).as(reversed.raw()).isEqualTo(400);
        assertThat(reversed.body().get("errors").toString()).isEqualTo(
                "[{\"field\":\"noticeEndDate\",\"reason\":\"公示结束日期（2026-11-01）不能早于公示开始日期（2026-11-20）\"}]");
        assertThat(taskId("zhanlong2", code, "Task_PublishBaseData")).isEqualTo(publish);
        // What is published was surveyed first: a notice from before the survey's day is refused.
        Answer early = post("zhanlong2", "/api/tasks/{id}/complete", Map.of("noticeStartDate", "2026-03-01",
                "noticeEndDate", "2026-03-08", "objectionsRaised", false), publish);
        assertThat(early.status()).as(early.raw()).isEqualTo(400);
        assertThat(early.body().get("errors").toString()).isEqualTo("[{\"field\":\"noticeStartDate\",\"reason\":"
                + "\"公示开始日期（2026-03-01）不能早于基础数据调查核实日期（2026-03-10）：公示的是调查核实的结果\"}]");
        complete("zhanlong2", code, "Task_PublishBaseData", Map.of("noticeStartDate", "2026-11-01",
                "noticeEndDate", "2026-11-01", "objectionsRaised", false));
    }

    @Test
    void titleDocumentsRefusedSayWhatIsMissingAndGoBackToTheApplicant() throws Exception {
        String code = atTitleVerification(ProjectDriver.keyIndustryProject("占陇镇权属核查退回项目", "zhanlong"));
        String verify = taskId("zhanlong1", code, "Task_VerifyTitleDocuments");

        // Refused without saying what is missing: the applicant could not act on it.
        Answer silent = post("zhanlong1", "/api/tasks/{id}/complete", Map.of("titleCertificateNumbers",
                "粤(2019)普宁市不动产权第0012345号", "titleVerified", false), verify);
        assertThat(silent.status()).as(silent.raw()).isEqualTo(400);
        assertThat(silent.body().get("errors").toString()).isEqualTo("[{\"field\":\"titleDefects\",\"reason\":"
                + "\"核查不通过时必填：写明需补充或更正的权属材料，改造主体据此补充\"}]");
        assertThat(taskId("zhanlong1", code, "Task_VerifyTitleDocuments")).isEqualTo(verify);
        complete("zhanlong1", code, "Task_VerifyTitleDocuments", Map.of("titleCertificateNumbers",
                "粤(2019)普宁市不动产权第0012345号", "titleVerified", false, "titleDefects", "缺少厂房的房屋所有权证明"));

        // The applicant reads why and supplements; then the town checks again, and NRB is not asked before that.
        String supplement = taskId("applicant1", code, "Task_SupplementTitleDocuments");
        JsonNode data = get("applicant1", "/api/tasks/{id}", supplement).body().get("data");
        assertThat(data.get("titleDefects").asText()).isEqualTo("缺少厂房的房屋所有权证明");
        assertThat(data.get("titleCertificateNumbers").asText()).isEqualTo("粤(2019)普宁市不动产权第0012345号");
        assertThat(tasksOf("nrb-clerk", code)).noneMatch(t -> t.get("taskDefinitionKey").asText().equals("Task_ConfirmSubject"));
        complete("applicant1", code, "Task_SupplementTitleDocuments", Map.of("titleCertificateNumbers",
                "粤(2019)普宁市不动产权第0012345号,粤(2026)普宁市不动产权第0000077号", "supplementNote", "补充厂房不动产权证书"));
        // The town checks again from the applicant's note and numbers, with no verdict chosen: not the 否 of before.
        String again = taskId("zhanlong1", code, "Task_VerifyTitleDocuments");
        JsonNode recheck = get("zhanlong1", "/api/tasks/{id}", again).body();
        assertThat(recheck.at("/data/supplementNote").asText()).isEqualTo("补充厂房不动产权证书");
        assertThat(recheck.at("/data/titleCertificateNumbers").asText())
                .isEqualTo("粤(2019)普宁市不动产权第0012345号,粤(2026)普宁市不动产权第0000077号");
        assertThat(recheck.at("/data/titleVerified").isMissingNode() || recheck.at("/data/titleVerified").isNull())
                .as(recheck.get("data").toString()).isTrue();
        assertThat(recheck.get("form").toString()).contains("\"key\":\"supplementNote\"");
        complete("zhanlong1", code, "Task_VerifyTitleDocuments", Map.of("titleCertificateNumbers",
                "粤(2019)普宁市不动产权第0012345号,粤(2026)普宁市不动产权第0000077号", "titleVerified", true));
        assertThat(taskId("nrb-clerk", code, "Task_ConfirmSubject")).isNotBlank();

        // The project's timeline says why the first check did not pass, not only 否; the pass after it has no reason,
        // although the earlier text is still among the process's values.
        long id = tasksOf("nrb-clerk", code).get(0).get("projectId").asLong();
        java.util.List<JsonNode> checks = new java.util.ArrayList<>();
        get("nrb-clerk", "/api/projects/{id}/overview", id).body().get("timeline").forEach(step -> {
            if (step.get("taskDefinitionKey").asText().equals("Task_VerifyTitleDocuments")) {
                checks.add(step);
            }
        });
        assertThat(checks).hasSize(2);
        assertThat(checks.get(0).get("decision").asText()).isEqualTo("false");
        assertThat(checks.get(0).get("reason").asText()).isEqualTo("需补充或更正的权属材料：缺少厂房的房屋所有权证明");
        assertThat(checks.get(1).get("decision").asText()).isEqualTo("true");
        assertThat(checks.get(1).get("reason").isNull()).isTrue();
    }

    @Test
    void anAgreementNotSignedByAllSaysWhoHasNotAndTheTownCoordinatesAgain() throws Exception {
        Answer created = post("nrb-clerk", "/api/projects", validApplication(
                ProjectDriver.keyIndustryProject("占陇镇统一改造协议未签齐项目", "zhanlong")
                        .andThen(app -> app.put("ownership", "SEVERAL_OWNERS"))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String code = created.body().get("code").asText();
        toTitleVerification(code, 20000, 30);
        complete("zhanlong1", code, "Task_CoordinateOwners", Map.of("consolidationMethod", "UNIFIED_AGREEMENT", "ownerCount", 3));
        String negotiate = taskId("zhanlong1", code, "Task_NegotiateUnifiedAgreement");

        Answer silent = post("zhanlong1", "/api/tasks/{id}/complete", Map.of("allOwnersSigned", false), negotiate);
        assertThat(silent.status()).as(silent.raw()).isEqualTo(400);
        assertThat(silent.body().get("errors").toString())
                .isEqualTo("[{\"field\":\"opinion\",\"reason\":\"未全部签署时必填：写明哪些权利主体尚未签署及原因\"}]");
        complete("zhanlong1", code, "Task_NegotiateUnifiedAgreement", Map.of("allOwnersSigned", false,
                "opinion", "权利人李某对补偿标准有异议，暂未签署"));

        // Back to the town's coordination, the reason on the project's record.
        assertThat(taskId("zhanlong1", code, "Task_CoordinateOwners")).isNotBlank();
        JsonNode overview = get("zhanlong1", "/api/projects/{id}/overview", created.body().get("id").asLong()).body();
        assertThat(overview.toString()).contains("权利人李某对补偿标准有异议，暂未签署");
    }

    @Autowired
    cn.gonggaigong.form.AfterSchemeApproval afterSchemeApproval;
    @Autowired
    TaskQueries taskQueries;

    @Test
    void theGovernmentsApprovalIsNotDatedBeforeTheCommitteesMeeting() throws Exception {
        JsonNode project = apply("zhanlong", "占陇镇批复早于规委会项目");
        String code = project.get("code").asText();
        // The committee passed the scheme at its meeting of 5 November, as the lifecycle hands it on.
        runtimeService.createProcessInstanceByKey("GovernmentApproval").businessKey(code)
                .startBeforeActivity("Task_ApproveScheme")
                .setVariables(org.camunda.bpm.engine.variable.Variables.createVariables()
                        .putValue("projectId", project.get("id").asLong()).putValue("projectCode", code)
                        .putValue("historicalLandProcedures", false).putValue("committeeMeetingDate", "2026-11-05"))
                .execute();
        String approval = taskId("gov1", code, "Task_ApproveScheme");
        Map<String, Object> form = new java.util.HashMap<>(Map.of("governmentDecision", "APPROVED",
                "documentNumber", "普府函〔2026〕88号", "approvalDate", "2026-11-01"));
        Answer early = post("gov1", "/api/tasks/{id}/complete", form, approval);
        assertThat(early.status()).as(early.raw()).isEqualTo(400);
        assertThat(early.body().get("errors").toString())
                .isEqualTo("[{\"field\":\"approvalDate\",\"reason\":\"不能早于规划委员会审议通过的会议日期（2026-11-05）\"}]");
        assertThat(taskService.createTaskQuery().taskId(approval).count()).isEqualTo(1);
        // The meeting's own day is allowed (this project has no scheme to approve, so the rule is asked directly).
        assertThat(afterSchemeApproval.problems(taskQueries.byId(approval).orElseThrow(),
                Map.of("approvalDate", "2026-11-05"))).isEmpty();
    }

    @Test
    void whatFollowsTheSchemesApprovalIsNotDatedBeforeIt() throws Exception {
        JsonNode project = apply("zhanlong", "占陇镇批复后事项日期项目");
        String code = project.get("code").asText();
        // The government approved it on 2 November (its 批复日期, as Task_ApproveScheme leaves it): the filing is next.
        runtimeService.createProcessInstanceByKey("GovernmentApproval").businessKey(code)
                .startBeforeActivity("Task_FileWithPrefectureNrb")
                .setVariables(org.camunda.bpm.engine.variable.Variables.createVariables()
                        .putValue("projectId", project.get("id").asLong()).putValue("projectCode", code)
                        .putValue("historicalLandProcedures", false).putValue("governmentDecision", "APPROVED")
                        .putValue("approvalDate", "2026-11-02"))
                .execute();

        String filing = taskId("jieyang-nrb1", code, "Task_FileWithPrefectureNrb");
        Answer early = post("jieyang-nrb1", "/api/tasks/{id}/complete", Map.of("filingNumber", "揭自然资备〔2026〕31号",
                "filingDate", "2026-11-01"), filing);
        assertThat(early.status()).as(early.raw()).isEqualTo(400);
        assertThat(early.body().get("errors").toString())
                .isEqualTo("[{\"field\":\"filingDate\",\"reason\":\"不能早于改造方案批复日期（2026-11-02）\"}]");
        complete("jieyang-nrb1", code, "Task_FileWithPrefectureNrb", Map.of("filingNumber", "揭自然资备〔2026〕31号",
                "filingDate", "2026-11-02"));

        // The vote, whose year runs from the approval (Art. 12(2)), is not held before it either.
        runtimeService.startProcessInstanceByKey("CompensationVote", code + "-vote", org.camunda.bpm.engine.variable.Variables
                .createVariables().putValue("projectId", project.get("id").asLong()).putValue("projectCode", code)
                .putValue("townGroup", "town-zhanlong").putValue("applicant", "applicant1")
                .putValue("schemeApprovalDate", "2026-11-02"));
        String vote = taskService.createTaskQuery().processInstanceBusinessKey(code + "-vote")
                .taskDefinitionKey("Task_RecordCompensationVote").singleResult().getId();
        Answer before = post("zhanlong1", "/api/tasks/{id}/complete", Map.of("voteDate", "2026-10-20",
                "agreePercent", 90.0, "votePassed", true), vote);
        assertThat(before.status()).as(before.raw()).isEqualTo(400);
        assertThat(before.body().get("errors").toString())
                .isEqualTo("[{\"field\":\"voteDate\",\"reason\":\"不能早于改造方案批复日期（2026-11-02）\"}]");
        assertThat(post("zhanlong1", "/api/tasks/{id}/complete", Map.of("voteDate", "2026-11-20",
                "agreePercent", 90.0, "votePassed", true), vote).status()).isEqualTo(204);
    }

    @Test
    void aLesseesTitleIsAcceptedOnlyWithTheOwnersConsentToTheRenovation() throws Exception {
        String code = atTitleVerification(ProjectDriver.keyIndustryProject("占陇镇承租人改造项目", "zhanlong")
                .andThen(app -> app.put("applicantType", "LESSEE")));
        String verify = taskId("zhanlong1", code, "Task_VerifyTitleDocuments");
        Answer without = post("zhanlong1", "/api/tasks/{id}/complete", Map.of("titleCertificateNumbers",
                "粤(2019)普宁市不动产权第0012345号", "titleVerified", true), verify);
        assertThat(without.status()).as(without.raw()).isEqualTo(400);
        assertThat(without.body().get("errors").toString()).isEqualTo("[{\"field\":\"ownerConsentDocument\",\"reason\":"
                + "\"申请人为承租人（土地实际使用人），核查无误须有原土地权属人同意其实施改造的合同或协议（第十一条（二）第1项）\"}]");
        complete("zhanlong1", code, "Task_VerifyTitleDocuments", Map.of("titleCertificateNumbers",
                "粤(2019)普宁市不动产权第0012345号", "ownerConsentDocument", "厂房租赁及改造同意协议（2025-017号）", "titleVerified", true));
        assertThat(taskId("nrb-clerk", code, "Task_ConfirmSubject")).isNotBlank();
    }

    @Test
    void aSurveyedPlotRatioAgreesWithItsFloorAndLandArea() throws Exception {
        String code = apply("zhanlong", "占陇镇调查容积率校验项目").get("code").asText();
        complete("zhanlong1", code, "Task_SurveyWillingness", willingness());
        String survey = taskId("zhanlong1", code, "Task_SurveyBaseData");
        Answer refused = post("zhanlong1", "/api/tasks/{id}/complete", Map.of("landAreaSqm", 10000, "landAreaMu", 15,
                "existingFloorArea", 8000, "currentPlotRatio", 5, "parcelIds", "BT-S-" + code, "surveyDate", "2026-03-10"), survey);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().get("errors").toString()).isEqualTo("[{\"field\":\"currentPlotRatio\",\"reason\":"
                + "\"与现状总建筑面积和用地面积不一致：容积率＝建筑面积÷用地面积＝8000÷10000≈0.80\"}]");
        assertThat(taskId("zhanlong1", code, "Task_SurveyBaseData")).isEqualTo(survey);
        // Rounded to one decimal place, as documents give it: accepted.
        complete("zhanlong1", code, "Task_SurveyBaseData", Map.of("landAreaSqm", 10000, "landAreaMu", 15,
                "existingFloorArea", 8450, "currentPlotRatio", 0.8, "parcelIds", "BT-S-" + code, "surveyDate", "2026-03-10"));
    }

    @Test
    void theSurveysParcelsAreNoOtherProjectsAndJoinTheProjectWithItsFigures() throws Exception {
        JsonNode other = apply("zhanlong", "占陇镇调查图斑校验项目甲");
        String taken = other.at("/parcelIds/0").asText();
        JsonNode ours = apply("zhanlong", "占陇镇调查图斑校验项目乙");
        String code = ours.get("code").asText();
        String own = ours.at("/parcelIds/0").asText();
        complete("zhanlong1", code, "Task_SurveyWillingness", willingness());
        String survey = taskId("zhanlong1", code, "Task_SurveyBaseData");
        Map<String, Object> form = new java.util.HashMap<>(Map.of("landAreaSqm", 12000, "landAreaMu", 18,
                "existingFloorArea", 9000, "currentPlotRatio", 0.75, "surveyDate", "2026-03-10"));

        // Another project's parcel (typed in lower case), and one parcel twice: field errors, nothing recorded.
        form.put("parcelIds", own + "，" + taken.toLowerCase() + "、" + own);
        Answer refused = post("zhanlong1", "/api/tasks/{id}/complete", form, survey);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().get("errors").findValuesAsText("reason")).containsExactly(
                "图斑 " + taken.toLowerCase() + " 已在项目 " + other.get("code").asText() + " 中，该项目尚在审批实施中",
                "与第 1 个图斑编号重复");
        assertThat(refused.body().get("errors").findValuesAsText("field")).containsOnly("parcelIds");
        assertThat(taskId("zhanlong1", code, "Task_SurveyBaseData")).isEqualTo(survey);

        // Its own parcel and a new one found by the survey: accepted; the survey is kept beside the application.
        String found = "BT-FOUND-" + code;
        form.put("parcelIds", own + "、" + found);
        assertThat(post("zhanlong1", "/api/tasks/{id}/complete", form, survey).status()).isEqualTo(204);
        JsonNode project = get("zhanlong1", "/api/projects/{id}", ours.get("id").asLong()).body();
        assertThat(project.get("landAreaSqm").decimalValue()).isEqualByComparingTo("10000");
        assertThat(project.at("/survey/landAreaSqm").decimalValue()).isEqualByComparingTo("12000");
        assertThat(project.at("/survey/currentPlotRatio").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(project.at("/survey/parcelIds").asText()).isEqualTo(own + "、" + found);
        assertThat(project.at("/survey/surveyDate").asText()).isEqualTo("2026-03-10");
        List<String> parcels = new java.util.ArrayList<>();
        project.get("parcelIds").forEach(p -> parcels.add(p.asText()));
        assertThat(parcels).containsExactly(own, ours.at("/parcelIds/1").asText(), found);
        // The parcel found is the project's now: another application cannot take it.
        Answer again = post("nrb-clerk", "/api/projects", validApplication(app -> app.put("parcelIds", List.of(found))));
        assertThat(again.status()).as(again.raw()).isEqualTo(400);
        assertThat(again.raw()).contains("图斑 " + found + " 已在项目 " + code + " 中");
    }

    /** A fast-tracked project of 占陇镇 at NRB's choice of its renovation unit; its code. */
    private String toUnitChoice(String name) throws Exception {
        ProjectDriver driver = new ProjectDriver(rest, json);
        JsonNode project = driver.apply(validApplication(ProjectDriver.keyIndustryProject(name, "zhanlong")));
        String code = project.get("code").asText();
        driver.toSubjectConfirmation(code, "zhanlong1");
        complete("zhanlong1", code, "Task_VerifyTitleDocuments",
                Map.of("titleCertificateNumbers", "粤(2019)普宁市不动产权第0012345号", "titleVerified", true));
        // The subject's name is offered from the application.
        assertThat(get("nrb-clerk", "/api/tasks/{id}", taskId("nrb-clerk", code, "Task_ConfirmSubject")).body()
                .at("/data/subjectName").asText()).isEqualTo(project.get("applicantName").asText());
        complete("nrb-clerk", code, "Task_ConfirmSubject",
                Map.of("subjectName", "普宁市某纺织有限公司", "documentNumber", "普自然资改确〔2026〕3号"));
        return code;
    }

    /** A fast-tracked project of 占陇镇 applied for and driven to its town's check of the title documents; its code. */
    private String atTitleVerification(java.util.function.Consumer<Map<String, Object>> application) throws Exception {
        Answer created = post("nrb-clerk", "/api/projects", validApplication(application));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String code = created.body().get("code").asText();
        toTitleVerification(code, 20000, 30);
        return code;
    }
}
