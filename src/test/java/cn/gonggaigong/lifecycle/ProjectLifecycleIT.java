package cn.gonggaigong.lifecycle;

import cn.gonggaigong.ApplicationTestSupport;
import cn.gonggaigong.agreement.AgreementMilestone;
import cn.gonggaigong.agreement.AgreementMilestoneRepository;
import cn.gonggaigong.decision.DecisionRecord;
import cn.gonggaigong.decision.DecisionRecordRepository;
import cn.gonggaigong.plan.AnnualPlanRepository;
import cn.gonggaigong.plan.AnnualPlanStatus;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.project.ProjectRepository;
import cn.gonggaigong.project.ProjectStatus;
import cn.gonggaigong.scheme.RuleViolation;
import cn.gonggaigong.scheme.RuleViolationRepository;
import cn.gonggaigong.scheme.Scheme;
import cn.gonggaigong.scheme.SchemeRepository;
import cn.gonggaigong.unit.RenovationUnitRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the whole application on its embedded PostgreSQL and drives one project from its application to
 * completion acceptance through the REST APIs: the application's own API to apply and read, Camunda's REST API
 * to complete the steps. Checks the subsidy and the business rows the lifecycle wrote on the way.
 */
class ProjectLifecycleIT extends ApplicationTestSupport {

    /** This year's plan: an application for a past year's is refused. */
    private static final int PLAN_YEAR = java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai")).getValue();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    ProjectRepository projects;
    @Autowired
    SchemeRepository schemes;
    @Autowired
    RuleViolationRepository violations;
    @Autowired
    DecisionRecordRepository decisions;
    @Autowired
    AgreementMilestoneRepository milestones;
    @Autowired
    AnnualPlanRepository plans;
    @Autowired
    RenovationUnitRepository units;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    private static final String PASSWORD = "demo";
    /**
     * The agreement's deadlines, ahead of the day the test runs: fixed dates would pass in a later year, and the
     * supervision model would then (rightly) record them as breached.
     */
    private static final java.time.LocalDate TODAY = cn.gonggaigong.clock.WorkingDayCalendar.today();
    private static final String DEMOLITION = TODAY.plusMonths(4).toString();
    private static final String START = TODAY.plusMonths(7).toString();
    private static final String COMPLETION = TODAY.plusYears(3).toString();

    /** Who does each step: the demo users of keycloak-realm.json, each only in the group the model names. */
    private static final Map<String, String> ACTOR = Map.ofEntries(
            Map.entry("Task_SurveyWillingness", "zhanlong1"), Map.entry("Task_SurveyBaseData", "zhanlong1"),
            Map.entry("Task_PublishBaseData", "zhanlong2"), Map.entry("Task_CompileAnnualPlan", "nrb-clerk"),
            Map.entry("Task_ApproveAnnualPlan", "gov1"), Map.entry("Task_VerifyTitleDocuments", "zhanlong1"),
            Map.entry("Task_ConfirmSubject", "nrb-clerk"), Map.entry("Task_AssignRenovationUnit", "nrb-director"),
            Map.entry("Task_CompileUnitPlan", "nrb-clerk"), Map.entry("Task_ApproveUnitPlan", "gov1"),
            Map.entry("Task_CompileScheme", "nrb-clerk"), Map.entry("Task_SummariseOpinions", "nrb-clerk"),
            Map.entry("Task_ReviewScheme", "committee1"), Map.entry("Task_ApproveScheme", "gov1"),
            Map.entry("Task_FileWithPrefectureNrb", "jieyang-nrb1"), Map.entry("Task_RecordCompensationVote", "zhanlong1"),
            Map.entry("Task_DraftMonitoringAgreement", "nrb-clerk"), Map.entry("Task_SignAgreementAsSubject", "applicant1"),
            Map.entry("Task_SignAgreementAsGovernment", "gov1"), Map.entry("Task_DetermineLandCase", "nrb-clerk"),
            Map.entry("Task_SupplyLand", "nrb-clerk"), Map.entry("Task_PayLandPrice", "applicant1"),
            Map.entry("Task_RegisterLandRights", "nrb-clerk"), Map.entry("Task_ReportProgress", "zhanlong1"),
            Map.entry("Task_ApplyForAcceptance", "applicant1"), Map.entry("Task_InspectCompletion", "nrb-clerk"),
            Map.entry("Task_RectifyDefects", "applicant1"), Map.entry("Task_DisburseSubsidy", "czj1"),
            Map.entry("Task_AssessTransitionPeriod", "nrb-clerk"));

    /** The departments of keycloak-realm.json and their demo officers (dept-fgj → fgj1). */
    private static final List<String> DEPARTMENT_OFFICERS = List.of("fgj1", "czj1", "gxj1", "sthj1", "cgzf1", "jtys1",
            "gaj1", "rsj1", "wjj1", "wglt1", "swj1", "sfj1", "xfj1");

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, PASSWORD);
    }

    @Test
    void projectGoesFromApplicationToCompletionAcceptanceWithItsSubsidy() throws Exception {
        Map<String, Object> application = validApplication(app -> {
            app.put("applicantUserId", "applicant1");
            app.put("landAreaSqm", 20000);
            app.put("landAreaMu", 30);
            app.put("existingFloorArea", 18000);
            app.put("currentPlotRatio", 0.9);
            app.put("plannedFloorArea", 60000);
            app.put("contiguousAreaMu", 30);
            app.put("planYear", PLAN_YEAR);
        });

        ResponseEntity<String> created = as("applicant1").postForEntity("/api/projects", application, String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode project = json.readTree(created.getBody());
        long id = project.get("id").asLong();
        String code = project.get("code").asText();

        // Each step's Camunda Form is deployed with the models and served for its task.
        String firstTask = tasks("zhanlong1", code, "Task_SurveyWillingness").get(0).get("id").asText();
        JsonNode form = json.readTree(as("zhanlong1").getForObject("/engine-rest/task/" + firstTask + "/deployed-form", String.class));
        assertThat(form.get("id").asText()).isEqualTo("Form_SurveyWillingness");
        assertThat(form.toString()).contains("改造意愿");

        // Intake (Art. 6): the town surveys and publishes; the project waits for the annual plan.
        complete(code, "Task_SurveyWillingness", "willingnessAgreed", true, "agreePercent", 95.0, "surveyDate", "2026-03-01");
        complete(code, "Task_SurveyBaseData", "landAreaSqm", 20000.0, "landAreaMu", 30.0, "existingFloorArea", 18000.0,
                "currentPlotRatio", 0.9, "parcelIds", "445281-S-" + code, "surveyDate", "2026-03-10");
        complete(code, "Task_PublishBaseData", "noticeStartDate", "2026-03-11", "noticeEndDate", "2026-03-18",
                "objectionsRaised", false);
        assertThat(phaseOf(id)).isEqualTo("INTAKE");
        complete("PLAN-" + PLAN_YEAR, "Task_CompileAnnualPlan", "planTitle", PLAN_YEAR + "年度“工改工”改造实施计划",
                "excludedProjectCodes", "");
        complete("PLAN-" + PLAN_YEAR, "Task_ApproveAnnualPlan", "planApproved", true, "documentNumber", "普府函〔2026〕18号");
        assertThat(plans.findByYear(PLAN_YEAR)).get().satisfies(p -> {
            assertThat(p.getStatus()).isEqualTo(AnnualPlanStatus.APPROVED);
            assertThat(p.getDocumentNumber()).isEqualTo("普府函〔2026〕18号");
        });

        // Subject (Art. 11) and renovation unit (Art. 8).
        complete(code, "Task_VerifyTitleDocuments", "titleCertificateNumbers", "粤(2019)普宁市不动产权第0012345号", "titleVerified", true);
        complete(code, "Task_ConfirmSubject", "subjectName", "普宁市某纺织实业有限公司", "documentNumber", "普自然资改确〔2026〕3号");
        assertThat(phaseOf(id)).isEqualTo("UNIT_PLANNING");
        complete(code, "Task_AssignRenovationUnit", "unitAction", "NEW", "unitCode", "ZL-2026-01", "unitName", "占陇镇东片改造单元");
        complete("ZL-2026-01", "Task_CompileUnitPlan", "planGoals", "建设高标准厂房", "publicFacilities", "道路、消防站",
                "interestBalance", "按面积分摊", "unitLandAreaSqm", 120000.0, "plannedPlotRatio", 3.0);
        complete("ZL-2026-01", "Task_ApproveUnitPlan", "unitPlanApproved", true, "documentNumber", "普府函〔2026〕40号");
        assertThat(units.findByCode("ZL-2026-01")).get().satisfies(u -> assertThat(u.isApproved()).isTrue());

        // Scheme (Art. 12(1)): the first version breaks Art. 7 and comes back with the rule and figures.
        // The first version's form offers the application's figures; the revision shows what NRB entered before.
        assertThat(schemeForm(code).get("totalFloorArea").asDouble()).isEqualTo(project.get("plannedFloorArea").asDouble())
                .isPositive();
        complete(code, "Task_CompileScheme", scheme(36000.0));
        assertThat(phaseOf(id)).isEqualTo("SCHEME_COMPILATION");
        assertThat(schemeForm(code).get("totalFloorArea").asDouble()).isEqualTo(36000.0);
        complete(code, "Task_CompileScheme", scheme(62000.0));

        // Departments in parallel, the committee, the government, the prefecture filing.
        // Each department sees only its own opinion task; 12 of the 13 are consulted on this scheme.
        int opinions = 0;
        for (String officer : DEPARTMENT_OFFICERS) {
            List<JsonNode> own = tasks(officer, code, "Task_GiveDepartmentOpinion");
            assertThat(own).as("opinion tasks of %s", officer).hasSizeLessThanOrEqualTo(1);
            for (JsonNode task : own) {
                if (opinions == 0) {
                    // The department reads the figures of the scheme it judges, the second (compliant) version.
                    String summary = json.readTree(as(officer).getForObject("/api/tasks/{id}", String.class,
                            task.get("id").asText())).at("/data/schemeSummary").asText();
                    assertThat(summary).startsWith("第 2 版，").contains("规则校验：符合第七条、第十条各项指标",
                            "产业类别：现代轻工纺织", "用地面积：20,000 平方米", "总计容建筑面积：62,000 平方米；容积率 3.1",
                            "行政办公及生活服务配套：5,000 平方米（占 8.06%）", "总投资：150,000,000 元", "涉及拆迁：是",
                            "补偿安置方案：货币补偿与产权置换相结合");
                }
                if (opinions == 1) {
                    // Each department decides on its own: the first one's 部门意见 is not in the next one's form.
                    JsonNode data = json.readTree(as(officer).getForObject("/api/tasks/{id}", String.class,
                            task.get("id").asText())).get("data");
                    assertThat(data.path("departmentDecision").isMissingNode() || data.path("departmentDecision").isNull())
                            .as(data.toString()).isTrue();
                }
                completeTask(officer, task.get("id").asText(), vars("departmentDecision", "AGREE", "opinion", "同意"));
                opinions++;
            }
        }
        assertThat(opinions).isEqualTo(12);
        JsonNode page = json.readTree(as("zhanlong1").getForObject("/api/projects/{id}/overview", String.class, id));
        assertThat(page.get("scheme").asText()).startsWith("第 2 版，").contains("总计容建筑面积：62,000 平方米");
        // Each version of the scheme in the timeline with the rule check's verdict, not only "已办理".
        assertThat(java.util.stream.StreamSupport.stream(page.get("timeline").spliterator(), false)
                .filter(e -> e.get("taskDefinitionKey").asText().equals("Task_CompileScheme"))
                .map(e -> e.get("decisionLabel").asText()).toList())
                .containsExactly("方案不符合第七条、第十条规定，退回修改", "方案符合第七条、第十条规定");
        complete(code, "Task_SummariseOpinions", "consultationResult", "AGREED", "opinion", "各部门意见一致");
        complete(code, "Task_ReviewScheme", "committeeDecision", "PASS", "majorMatter", false, "meetingDate", "2026-07-01",
                "documentNumber", "普规委〔2026〕5号");
        // Approved a month ago (a date relative to today: the vote's year runs from it and must not have run out).
        java.time.LocalDate approved = cn.gonggaigong.clock.WorkingDayCalendar.today().minusMonths(1);
        complete(code, "Task_ApproveScheme", "governmentDecision", "APPROVED", "documentNumber", "普府复〔2026〕9号",
                "approvalDate", approved.toString());
        // What follows is dated between the approval and today, as the pages and the engine's own doors require
        // (AfterSchemeApproval, DateOrder, held by CompletionGuard on Camunda's REST API too).
        String filed = approved.plusDays(3).toString();
        String voted = approved.plusDays(7).toString();
        String paid = approved.plusDays(18).toString();
        String today = cn.gonggaigong.clock.WorkingDayCalendar.today().toString();
        complete(code, "Task_FileWithPrefectureNrb", "filingNumber", "揭自然资备〔2026〕12号", "filingDate", filed);

        // Compensation vote, monitoring agreement (Art. 13), land (Art. 15–18). The vote is due within a year of the
        // approval's date (批复日期), whenever the filing with the prefecture ended.
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code)
                .taskDefinitionKey("Task_RecordCompensationVote").singleResult().getDueDate().toInstant())
                .isEqualTo(cn.gonggaigong.clock.WorkingDayCalendar.endOf(approved.plusYears(1)));
        complete(code, "Task_RecordCompensationVote", "voteDate", voted, "agreePercent", 96.0, "votePassed", true);
        complete(code, "Task_DraftMonitoringAgreement", "agreementNumber", "JG-2026-07", "demolitionDeadline", DEMOLITION,
                "constructionStartDeadline", START, "completionDeadline", COMPLETION);
        // The signers read the terms they sign on their task (read-only fields of their forms).
        String signing = tasks("applicant1", code, "Task_SignAgreementAsSubject").get(0).get("id").asText();
        JsonNode terms = json.readTree(as("applicant1").getForObject("/api/tasks/{id}", String.class, signing)).get("data");
        assertThat(terms.get("agreementNumber").asText()).isEqualTo("JG-2026-07");
        assertThat(terms.get("demolitionDeadline").asText()).isEqualTo(DEMOLITION);
        assertThat(terms.get("completionDeadline").asText()).isEqualTo(COMPLETION);
        complete(code, "Task_SignAgreementAsSubject", "subjectSignedDate", approved.plusDays(10).toString(), "subjectAccepted", true);
        complete(code, "Task_SignAgreementAsGovernment", "governmentSignedDate", approved.plusDays(12).toString(), "documentNumber", "普府监〔2026〕7号");
        complete(code, "Task_DetermineLandCase", "landCase", "TENURE_EXTENSION", "threeOldsPolicy", true,
                "appraisedValue", 9000000.0, "baseValue", 5000000.0, "landApprovalNeeded", false, "supplyMethod", "AGREEMENT");
        complete(code, "Task_SupplyLand", "landContractNumber", "445281-2026-0031", "landContractDate", approved.plusDays(15).toString(), "landTenureYears", 50L);
        // The applicant sees the amount due and its basis, and a payment short of it is refused.
        String pay = tasks("applicant1", code, "Task_PayLandPrice").get(0).get("id").asText();
        JsonNode due = json.readTree(as("applicant1").getForObject("/api/tasks/{id}", String.class, pay)).get("data");
        assertThat(due.get("landPriceDue").asText()).isEqualTo("2,000,000 元");
        assertThat(due.get("landPriceBasis").asText()).startsWith("第十八条第三款");
        ResponseEntity<String> short_ = as("applicant1").postForEntity("/api/tasks/{id}/complete", Map.of("paidAmount", 1,
                "paidDate", paid, "paymentReceipt", "FS-0001"), String.class, pay);
        assertThat(short_.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(short_.getBody()).at("/errors/0/reason").asText())
                .isEqualTo("少于应缴土地出让价款 2,000,000 元，须缴清后办理不动产登记");
        complete(code, "Task_PayLandPrice", "paidAmount", 2000000.0, "paidDate", paid, "paymentReceipt", "FS-0001");
        complete(code, "Task_RegisterLandRights", "realEstateCertificateNumber", "粤(2026)普宁市不动产权第0099999号",
                "registrationDate", approved.plusDays(20).toString());

        // Supervision (Art. 14), acceptance with one rectification, subsidy (Art. 19), transition (Art. 22).
        // The town reports progress against the agreement's deadlines, which its task shows.
        String report = tasks("zhanlong1", code, "Task_ReportProgress").get(0).get("id").asText();
        assertThat(json.readTree(as("zhanlong1").getForObject("/api/tasks/{id}", String.class, report)).at("/data/agreementTerms")
                .asText()).startsWith("监管协议 JG-2026-07\n").contains(DEMOLITION, START, COMPLETION);
        complete(code, "Task_ReportProgress", "reportMonth", today.substring(0, 7), "progressPercent", 100.0, "demolitionCompleted", true,
                "constructionStarted", true, "constructionCompleted", true);
        complete(code, "Task_ApplyForAcceptance", "completionDate", today, "builtTotalFloorArea", 62000.0,
                "productiveFloorArea", 40000.0, "officeLivingFloorArea", 6000.0, "floors", 6L, "hasIndustrialLift", true);
        // Not passed without saying what is wrong: refused, the applicant could not know what to rectify.
        String inspect = tasks("nrb-clerk", code, "Task_InspectCompletion").get(0).get("id").asText();
        // NRB inspects what was declared against the approved scheme: both on its task, read-only; the built plot
        // ratio starts as the declared floor area over the scheme's land (62,000 ÷ 20,000).
        JsonNode inspecting = json.readTree(as("nrb-clerk").getForObject("/api/tasks/{id}", String.class, inspect));
        JsonNode declared = inspecting.get("data");
        assertThat(declared.get("builtTotalFloorArea").asDouble()).isEqualTo(62000.0);
        assertThat(declared.get("floors").asLong()).isEqualTo(6L);
        assertThat(declared.get("hasIndustrialLift").asBoolean()).isTrue();
        assertThat(declared.get("completionDate").asText()).startsWith(today);
        assertThat(declared.get("schemeSummary").asText()).contains("已批复（普府复〔2026〕9号）", "总计容建筑面积：62,000");
        assertThat(declared.get("builtPlotRatio").asDouble()).isEqualTo(3.1);
        assertThat(java.util.stream.StreamSupport.stream(inspecting.get("form").get("components").spliterator(), false)
                .filter(c -> c.path("disabled").asBoolean(false)).map(c -> c.get("key").asText()).toList())
                .containsExactly("agreementTerms", "schemeSummary", "completionDate", "builtTotalFloorArea",
                        "productiveFloorArea", "officeLivingFloorArea", "floors", "hasIndustrialLift");
        // Camunda's Tasklist fills the same form from the task's form-variables: the context is there too.
        JsonNode inTasklist = json.readTree(as("nrb-clerk").getForObject("/engine-rest/task/{id}/form-variables",
                String.class, inspect));
        assertThat(inTasklist.at("/schemeSummary/type").asText()).isEqualTo("String");
        assertThat(inTasklist.at("/schemeSummary/value").asText()).contains("已批复（普府复〔2026〕9号）");
        assertThat(inTasklist.at("/agreementTerms/value").asText()).startsWith("监管协议 JG-2026-07");
        assertThat(inTasklist.at("/builtPlotRatio/type").asText()).isEqualTo("Double");
        assertThat(inTasklist.at("/builtPlotRatio/value").asDouble()).isEqualTo(3.1);
        assertThat(inTasklist.at("/floors/value").asLong()).isEqualTo(6L);
        JsonNode named = json.readTree(as("nrb-clerk").getForObject(
                "/engine-rest/task/{id}/form-variables?variableNames=floors", String.class, inspect));
        assertThat(named.fieldNames()).toIterable().containsExactly("floors");
        ResponseEntity<String> silent = as("nrb-clerk").postForEntity("/api/tasks/{id}/complete", Map.of("acceptancePassed", false,
                "builtPlotRatio", 3.1, "safetyEnvCompliant", false, "contiguousRenovation", false,
                "documentNumber", "普自然资验〔2029〕4号"), String.class, inspect);
        assertThat(silent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(silent.getBody()).at("/errors/0/field").asText()).isEqualTo("defects");
        complete(code, "Task_InspectCompletion", "acceptancePassed", false, "builtPlotRatio", 3.1, "safetyEnvCompliant", false,
                "contiguousRenovation", false, "defects", "消防喷淋未安装", "documentNumber", "普自然资验〔2029〕4号");
        String rectify = tasks("applicant1", code, "Task_RectifyDefects").get(0).get("id").asText();
        assertThat(json.readTree(as("applicant1").getForObject("/api/tasks/{id}", String.class, rectify))
                .at("/data/defects").asText()).isEqualTo("消防喷淋未安装");
        complete(code, "Task_RectifyDefects", "rectificationReport", "已安装消防喷淋", "rectifiedDate", today);
        complete(code, "Task_InspectCompletion", "acceptancePassed", true, "builtPlotRatio", 3.1, "safetyEnvCompliant", true,
                "contiguousRenovation", false, "documentNumber", "普自然资验〔2029〕5号");
        String disburse = tasks("czj1", code, "Task_DisburseSubsidy").get(0).get("id").asText();
        JsonNode subsidy = json.readTree(as("czj1").getForObject("/api/tasks/{id}", String.class, disburse)).get("data");
        assertThat(subsidy.get("subsidyDue").asText()).isEqualTo("720,000 元");
        assertThat(subsidy.get("subsidyBasis").asText()).contains("第十九条");
        // Paid to the subject NRB confirmed, under its confirmed name (the applicant applied as 普宁市某纺织有限公司).
        assertThat(subsidy.get("payee").asText()).isEqualTo("普宁市某纺织实业有限公司");
        complete(code, "Task_DisburseSubsidy", "subsidyPaidDate", today, "paymentVoucher", "CZ-2029-001");
        complete(code, "Task_AssessTransitionPeriod", "transitionEligible", false);

        JsonNode read = json.readTree(as("nrb-clerk").getForObject("/api/projects/" + id, String.class));
        assertThat(read.get("status").asText()).isEqualTo("COMPLETED");
        // The subject as NRB confirmed it, beside the applicant as they applied.
        assertThat(read.get("confirmedSubject").asText()).isEqualTo("普宁市某纺织实业有限公司");
        assertThat(read.get("applicantName").asText()).isEqualTo("普宁市某纺织有限公司");
        // The applicant was told in 消息 what to rectify, and that the project is done.
        JsonNode told = json.readTree(as("applicant1").getForObject("/api/notifications?size=100", String.class));
        List<String> aboutThis = new java.util.ArrayList<>();
        told.forEach(n -> {
            if (n.get("body").asText().contains(code)) {
                aboutThis.add(n.get("title").asText() + "｜" + n.get("body").asText());
            }
        });
        assertThat(aboutThis).anySatisfy(n -> assertThat(n).startsWith("【项目已完成】").contains("已完成全部审批流程"))
                .anySatisfy(n -> assertThat(n).startsWith("【待办】整改验收问题｜")
                        .endsWith("竣工核验发现的问题及整改要求：消防喷淋未安装。"));
        List<String> results = new java.util.ArrayList<>(aboutThis.stream().filter(n -> n.startsWith("【办理结果】")).toList());
        java.util.Collections.reverse(results);
        // The applicant was told each result that concerns them, as the step recorded it (and nothing of the steps
        // in between, such as each department's opinion).
        String about = "占陇镇某纺织厂“工改工”项目｜项目「占陇镇某纺织厂“工改工”项目」（" + code + "，占陇镇）的";
        assertThat(results).containsExactly(
                "【办理结果】" + about + "“出具改造主体确认”已办理：文号：普自然资改确〔2026〕3号；改造主体名称：普宁市某纺织实业有限公司。详情请在项目详情中查看。",
                "【办理结果】" + about + "“审议改造方案”已办理：审议通过；文号：普规委〔2026〕5号。详情请在项目详情中查看。",
                "【办理结果】" + about + "“审批改造方案”已办理：批准；文号：普府复〔2026〕9号；批复日期：" + approved + "。详情请在项目详情中查看。",
                "【办理结果】" + about + "“市政府签署监管协议”已办理：文号：普府监〔2026〕7号；监管协议编号：JG-2026-07；市人民政府签署日期："
                        + approved.plusDays(12) + "。详情请在项目详情中查看。",
                "【办理结果】" + about + "“办理不动产登记”已办理：不动产权证书编号：粤(2026)普宁市不动产权第0099999号；登记日期："
                        + approved.plusDays(20) + "。详情请在项目详情中查看。",
                "【办理结果】" + about + "“组织竣工验收”已办理：核验是否通过：否；文号：普自然资验〔2029〕4号；竣工容积率：3.1；"
                        + "存在问题及整改要求：消防喷淋未安装。详情请在项目详情中查看。",
                "【办理结果】" + about + "“组织竣工验收”已办理：核验是否通过：是；文号：普自然资验〔2029〕5号；竣工容积率：3.1。详情请在项目详情中查看。",
                "【办理结果】" + about + "“拨付改造建设补贴”已办理：补贴金额：720,000 元；拨付日期：" + today + "；拨付凭证编号：CZ-2029-001。"
                        + "详情请在项目详情中查看。",
                "【办理结果】" + about + "“认定过渡期政策”已办理：是否可享受5年过渡期：否。详情请在项目详情中查看。");
        assertThat(read.get("openTasks")).isEmpty();
        // The timeline keeps what the steps recorded besides their decision, as the officers entered it: the 公示's
        // dates, the percentage agreed, the supply method by its label, the payment and the subsidy's voucher.
        JsonNode timeline = json.readTree(as("nrb-clerk").getForObject("/api/projects/{id}/overview", String.class, id))
                .get("timeline");
        java.util.Map<String, List<String>> facts = new java.util.LinkedHashMap<>();
        timeline.forEach(e -> {
            List<String> these = new java.util.ArrayList<>();
            e.get("facts").forEach(f -> these.add(f.get("label").asText() + "：" + f.get("value").asText()));
            facts.putIfAbsent(e.get("taskDefinitionKey").asText(), these);
        });
        assertThat(facts.get("Task_PublishBaseData")).containsExactly("公示开始日期：2026-03-11", "公示结束日期：2026-03-18");
        assertThat(facts.get("Task_SurveyWillingness")).containsExactly("同意改造的权利主体占比（%）：95", "摸查日期：2026-03-01");
        assertThat(facts.get("Task_DetermineLandCase")).containsExactly("土地供应方式（第十七条）：协议出让", "土地市场评估价（元）：9000000");
        assertThat(facts.get("Task_PayLandPrice")).containsExactly("实缴金额（元）：2000000", "缴款日期：" + paid, "缴款凭证编号：FS-0001");
        assertThat(facts.get("Task_DisburseSubsidy")).containsExactly("补贴金额：720,000 元", "拨付日期：" + today,
                "拨付凭证编号：CZ-2029-001");
        assertThat(facts.get("Task_ApproveUnitPlan")).as("the unit's plan as approved, shown with the project")
                .containsExactly("改造单元用地面积（平方米）：120000", "规划容积率：3");
        assertThat(facts.get("Task_FileWithPrefectureNrb")).containsExactly("备案号：揭自然资备〔2026〕12号", "备案日期：" + filed);
        assertThat(facts.get("Task_RecordCompensationVote")).containsExactly("表决日期：" + voted, "同意的权利主体占比（%）：96");
        assertThat(facts.get("Task_SummariseOpinions")).as("a step that records nothing besides its decision").isEmpty();

        tx.executeWithoutResult(s -> {
            Project done = projects.findById(id).orElseThrow();
            assertThat(done.getStatus()).isEqualTo(ProjectStatus.COMPLETED);
            assertThat(done.getSubsidyAmount()).isEqualByComparingTo(new BigDecimal("720000.00"));
            assertThat(done.getSubsidyBasis()).isNotBlank();
            assertThat(done.getLandPrice()).isEqualByComparingTo(new BigDecimal("2000000.00"));
            assertThat(done.getUnit().getCode()).isEqualTo("ZL-2026-01");
            assertThat(done.getAnnualPlan().getYear()).isEqualTo(PLAN_YEAR);

            List<Scheme> versions = schemes.findByProjectIdOrderBySchemeVersionAsc(id);
            assertThat(versions).hasSize(2);
            assertThat(versions.get(0).isCompliant()).isFalse();
            List<RuleViolation> broken = violations.findBySchemeIdOrderByIdAsc(versions.get(0).getId());
            assertThat(broken).extracting(RuleViolation::getRuleCode).containsExactly("ART7_FAR_MIN_PRIORITY");
            assertThat(broken.get(0).getActualValue()).isEqualByComparingTo("1.8");
            assertThat(versions.get(1).isCompliant()).isTrue();
            assertThat(versions.get(1).getApprovalDocumentNumber()).isEqualTo("普府复〔2026〕9号");

            List<AgreementMilestone> deadlines = milestones.findByProjectIdOrderByDeadlineAsc(id);
            assertThat(deadlines).extracting(m -> m.getDeadline().toString())
                    .containsExactly(DEMOLITION, START, COMPLETION);
            // The report had all three done, before their deadlines: none breached.
            assertThat(deadlines).allSatisfy(m -> {
                assertThat(m.getCompletedAt()).isNotNull();
                assertThat(m.getBreachedAt()).isNull();
            });

            List<DecisionRecord> steps = decisions.findByProjectIdOrderByDecidedAtAscIdAsc(id);
            assertThat(steps).extracting(DecisionRecord::getTaskDefinitionKey).contains(
                    "Task_SurveyWillingness", "Task_ReviewScheme", "Task_ApproveScheme", "Task_InspectCompletion");
            assertThat(steps).filteredOn(d -> d.getTaskDefinitionKey().equals("Task_ReviewScheme")).singleElement()
                    .satisfies(d -> {
                        assertThat(d.getActor()).isEqualTo("committee1");
                        assertThat(d.getOutcome()).isEqualTo("PASS");
                        assertThat(d.getDocumentNumber()).isEqualTo("普规委〔2026〕5号");
                    });
            assertThat(steps).filteredOn(d -> d.getTaskDefinitionKey().equals("Task_InspectCompletion"))
                    .extracting(DecisionRecord::getOutcome, DecisionRecord::getDocumentNumber)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("false", "普自然资验〔2029〕4号"),
                            org.assertj.core.groups.Tuple.tuple("true", "普自然资验〔2029〕5号"));
            assertThat(steps).filteredOn(d -> d.getTaskDefinitionKey().equals("Task_GiveDepartmentOpinion")).hasSize(12);
        });
    }

    private static Object[] scheme(double totalFloorArea) {
        return new Object[]{"landAreaSqm", 20000.0, "totalFloorArea", totalFloorArea, "officeLivingFloorArea", 5000.0,
                "rdTestingFloorArea", 3000.0, "separateFacilityLandArea", 0.0, "existingFloorArea", 18000.0,
                "renovatedFloorArea", 0.0, "renovationBudget", 80000000.0, "industryCategory", "LIGHT_TEXTILE",
                "farExemption", false, "involvesDemolition", true, "heritageImpact", true, "investment", 150000000.0,
                "compensationPlan", "货币补偿与产权置换相结合", "phasing", "分两期建设"};
    }

    private JsonNode schemeForm(String code) throws Exception {
        String task = tasks("nrb-clerk", code, "Task_CompileScheme").get(0).get("id").asText();
        return json.readTree(as("nrb-clerk").getForObject("/api/tasks/{id}", String.class, task)).get("data");
    }

    private String phaseOf(long id) throws Exception {
        return json.readTree(as("nrb-clerk").getForObject("/api/projects/" + id, String.class)).get("phase").asText();
    }

    private List<JsonNode> tasks(String user, String businessKey, String taskKey) throws Exception {
        JsonNode list = json.readTree(as(user).getForObject(
                "/engine-rest/task?processInstanceBusinessKey={bk}&taskDefinitionKey={key}", String.class, businessKey, taskKey));
        List<JsonNode> result = new ArrayList<>();
        list.forEach(result::add);
        return result;
    }

    private void complete(String businessKey, String taskKey, Object... keysAndValues) throws Exception {
        String user = ACTOR.get(taskKey);
        List<JsonNode> open = tasks(user, businessKey, taskKey);
        assertThat(open).as("open task %s of %s for %s", taskKey, businessKey, user).hasSize(1);
        completeTask(user, open.get(0).get("id").asText(), vars(keysAndValues));
    }

    private void completeTask(String user, String taskId, Map<String, Object> variables) {
        ResponseEntity<String> response = as(user).postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", variables), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** Camunda REST typed values from Java values. */
    private static Map<String, Object> vars(Object... keysAndValues) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            String type = value instanceof Boolean ? "Boolean" : value instanceof Double ? "Double"
                    : value instanceof Long ? "Long" : "String";
            variables.put((String) keysAndValues[i], Map.of("value", value, "type", type));
        }
        return variables;
    }
}
