package cn.gonggaigong.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.gonggaigong.decision.DecisionRecorder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Static checks of the Camunda Forms in {@code forms/} against the form conventions and the task table of the
 * shared contract, and of the {@code camunda:formRef} links from the BPMN user tasks in {@code processes/}.
 * Plain JUnit: no Spring context, no engine.
 */
class FormDefinitionsTest {

    private static final Path FORMS_DIR = Path.of("forms");
    private static final Path PROCESSES_DIR = Path.of("processes");
    private static final String FORM_SUFFIX = ".form";
    private static final String FORM_ID_PREFIX = "Form_";
    private static final String TASK_ID_PREFIX = "Task_";

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Set<String> INPUT_TYPES =
            Set.of("textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "taglist",
                    "datetime");
    private static final Set<String> OPTION_TYPES = Set.of("radio", "select", "checklist", "taglist");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The contract's task table: form name (task id without {@code Task_}) to its field keys in order; a leading
     * {@code *} marks a required field.
     */
    private static final Map<String, String> CONTRACT = new LinkedHashMap<>();

    static {
        // ProjectIntake
        CONTRACT.put("SurveyWillingness", "*willingnessAgreed *agreePercent *surveyDate opinion");
        CONTRACT.put("SurveyBaseData",
                "*landAreaSqm *landAreaMu *existingFloorArea *currentPlotRatio parcelIds *surveyDate");
        CONTRACT.put("PublishBaseData", "*noticeStartDate *noticeEndDate *objectionsRaised opinion");
        CONTRACT.put("ConfirmFastTrack", "*fastTrackConfirmed documentNumber opinion");
        // AnnualPlan (excludedProjectCodes "may be empty", so the form cannot mark it required)
        // planYear, planProjects, and for the approval planTitle, excludedProjectCodes, compileOpinion: read-only context.
        CONTRACT.put("CompileAnnualPlan", "planYear planProjects *planTitle excludedProjectCodes opinion");
        CONTRACT.put("ApproveAnnualPlan", "planYear planTitle planProjects excludedProjectCodes compileOpinion"
                + " *planApproved *documentNumber opinion");
        // SubjectConfirmation
        // supplementNote: read-only, the applicant's note when the documents come back after 补充权属证明材料
        CONTRACT.put("VerifyTitleDocuments", "supplementNote *titleCertificateNumbers ownerConsentDocument *titleVerified"
                + " titleDefects opinion");
        CONTRACT.put("SupplementTitleDocuments", "titleDefects *titleCertificateNumbers ownerConsentDocument *supplementNote");
        CONTRACT.put("SignCooperationAgreement", "*agreementNumber *partnerName *signedDate");
        CONTRACT.put("ConfirmPerformanceBond", "*bondAmount *bondPaidDate *receiptNumber");
        CONTRACT.put("CoordinateOwners", "*consolidationMethod *ownerCount opinion");
        CONTRACT.put("VerifyRightsTransfer", "*transferCertificateNumbers *transferVerified");
        CONTRACT.put("NegotiateUnifiedAgreement", "agreementNumber signedDate *allOwnersSigned opinion");
        CONTRACT.put("ConfirmSubject", "*subjectName *documentNumber opinion");
        // UnitPlanning, RenovationUnit
        CONTRACT.put("AssignRenovationUnit", "*unitAction *unitCode unitName");
        // unitTitle, unitProjects (UnitPlanTasks), and for the approval the plan compiled: read-only context.
        CONTRACT.put("CompileUnitPlan",
                "unitTitle unitProjects *planGoals *publicFacilities *interestBalance *unitLandAreaSqm *plannedPlotRatio");
        CONTRACT.put("ApproveUnitPlan", "unitTitle unitProjects planGoals publicFacilities interestBalance unitLandAreaSqm"
                + " plannedPlotRatio *unitPlanApproved *documentNumber opinion");
        // SchemeCompilation (ruleViolationText is read-only context)
        CONTRACT.put("CompileScheme", "ruleViolationText revisionReasons *landAreaSqm *totalFloorArea *officeLivingFloorArea"
                + " *rdTestingFloorArea *separateFacilityLandArea *existingFloorArea *renovatedFloorArea"
                + " *renovationBudget *industryCategory farExemption farExemptionReason *involvesDemolition"
                + " *heritageImpact *investment compensationPlan phasing");
        // DepartmentConsultation
        // schemeSummary: the scheme's current figures, read-only, on every task that judges the scheme (SchemeTasks).
        CONTRACT.put("GiveDepartmentOpinion", "schemeSummary *departmentDecision *opinion documentNumber");
        CONTRACT.put("SummariseOpinions", "schemeSummary departmentOpinions *consultationResult *opinion");
        // CommitteeReview
        CONTRACT.put("ReviewScheme", "schemeSummary departmentOpinions *committeeDecision *majorMatter *meetingDate *documentNumber opinion");
        CONTRACT.put("DecideMajorMatter", "schemeSummary *leadingGroupDecision *documentNumber opinion");
        // GovernmentApproval
        CONTRACT.put("ApproveScheme", "schemeSummary *governmentDecision *documentNumber *approvalDate opinion");
        CONTRACT.put("FileWithPrefectureNrb", "schemeSummary *filingNumber *filingDate");
        CONTRACT.put("ApproveHistoricalLand", "*prefectureDecision *documentNumber opinion");
        // CompensationVote
        CONTRACT.put("RecordCompensationVote", "*voteDate *agreePercent *votePassed opinion");
        CONTRACT.put("ReviseCompensationPlan", "*revisionSummary");
        // MonitoringAgreement
        CONTRACT.put("DraftMonitoringAgreement",
                "*agreementNumber *demolitionDeadline *constructionStartDeadline *completionDeadline otherTerms");
        // The signers' forms show the agreement's terms read-only.
        CONTRACT.put("SignAgreementAsSubject", "agreementNumber demolitionDeadline constructionStartDeadline"
                + " completionDeadline otherTerms *subjectSignedDate *subjectAccepted");
        CONTRACT.put("SignAgreementAsGovernment", "agreementNumber demolitionDeadline constructionStartDeadline"
                + " completionDeadline otherTerms *governmentSignedDate *documentNumber");
        // LandManagement
        CONTRACT.put("DetermineLandCase",
                "*landCase *threeOldsPolicy *appraisedValue *baseValue *landApprovalNeeded *supplyMethod");
        CONTRACT.put("ApproveLandUse", "*landApprovalNumber *landApprovalDate");
        // Read-only context of the land and subsidy steps: the supply method, the amount due and paid (LandTasks),
        // the subsidy and its payee (SubsidyTasks), the inspector's defects on the rectification.
        CONTRACT.put("SupplyLand", "supplyMethod landPriceDue *landContractNumber *landContractDate *landTenureYears");
        CONTRACT.put("PayLandPrice", "landPriceDue landPriceBasis *paidAmount *paidDate *paymentReceipt");
        CONTRACT.put("RegisterLandRights", "landPriceDue paidAmount paymentReceipt *realEstateCertificateNumber *registrationDate");
        // ImplementationSupervision
        CONTRACT.put("ReportProgress",
                "agreementTerms *reportMonth *progressPercent *demolitionCompleted *constructionStarted *constructionCompleted issues");
        // A deadline of the agreement passed (Art. 13 (二)): the town explains it; Art. 19 reads subjectResponsible.
        CONTRACT.put("ExplainMilestoneBreach", "breachedMilestone agreementTerms *breachReason *subjectResponsible *remedy"
                + " *expectedCompletionDate");
        // CompletionAcceptance
        CONTRACT.put("ApplyForAcceptance", "*completionDate *builtTotalFloorArea *productiveFloorArea"
                + " *officeLivingFloorArea *floors *hasIndustrialLift");
        CONTRACT.put("InspectCompletion", "agreementTerms schemeSummary completionDate builtTotalFloorArea productiveFloorArea"
                + " officeLivingFloorArea floors hasIndustrialLift *acceptancePassed *builtPlotRatio *safetyEnvCompliant"
                + " *contiguousRenovation defects *documentNumber opinion");
        CONTRACT.put("RectifyDefects", "defects *rectificationReport *rectifiedDate");
        CONTRACT.put("DisburseSubsidy", "subsidyDue subsidyBasis payee *subsidyPaidDate *paymentVoucher");
        // TransitionPeriod
        CONTRACT.put("AssessTransitionPeriod", "*transitionEligible newBusinessType opinion");
        CONTRACT.put("HandleTransitionExpiry", "*handlingResult documentNumber");
        // MonthlyProgressReport (reportMonth and phaseSummary are read-only context)
        CONTRACT.put("SubmitMonthlyReport", "reportMonth *projectsInPlan *projectsStarted *projectsCompleted"
                + " *projectsOverdue *warningsRaised *warningsClosed phaseSummary *progressSummary remarks");
    }

    /** Enumerated fields and their exact English values from the contract. */
    private static final Map<String, List<String>> ENUMERATIONS = Map.ofEntries(
            Map.entry("industryCategory", List.of("LIGHT_TEXTILE", "BIOMEDICINE", "AGRI_FOOD", "ELECTRONICS",
                    "ENV_EQUIPMENT", "NEW_MATERIALS", "EMERGING", "OTHER")),
            Map.entry("landCase", List.of("COLLECTIVE_TO_STATE_SELF", "HISTORICAL_PROCEDURES", "FAR_INCREASE_ONLY",
                    "TENURE_EXTENSION", "ALLOCATED_TO_TRANSFER", "PUBLIC_TRANSFER")),
            Map.entry("supplyMethod", List.of("AGREEMENT", "PUBLIC", "LEASE", "LEASE_THEN_SELL", "FLEXIBLE_TERM")),
            Map.entry("consolidationMethod", List.of("TRANSFER", "UNIFIED_AGREEMENT")),
            Map.entry("unitAction", List.of("NEW", "EXISTING")),
            Map.entry("departmentDecision", List.of("AGREE", "AGREE_WITH_CONDITIONS", "OBJECT")),
            Map.entry("consultationResult", List.of("AGREED", "REVISE")),
            Map.entry("committeeDecision", List.of("PASS", "REVISE", "REJECT")),
            Map.entry("leadingGroupDecision", List.of("PASS", "REVISE", "REJECT")),
            Map.entry("governmentDecision", List.of("APPROVED", "REVISE", "REJECTED")),
            Map.entry("prefectureDecision", List.of("APPROVED", "REJECTED")));

    /** Fields the contract types as boolean. */
    private static final Set<String> BOOLEANS = Set.of("willingnessAgreed", "objectionsRaised",
            "fastTrackConfirmed", "planApproved", "titleVerified", "transferVerified", "allOwnersSigned",
            "unitPlanApproved", "farExemption", "involvesDemolition", "heritageImpact", "majorMatter", "votePassed",
            "subjectAccepted", "threeOldsPolicy", "landApprovalNeeded", "demolitionCompleted",
            "constructionCompleted", "hasIndustrialLift", "acceptancePassed", "safetyEnvCompliant",
            "contiguousRenovation", "transitionEligible");

    /** Integer fields with their contract bounds (min, max; null = unbounded). */
    private static final Map<String, Integer[]> INTEGERS = Map.of(
            "ownerCount", new Integer[] {2, null},
            "landTenureYears", new Integer[] {1, 50},
            "floors", new Integer[] {1, 100});

    private static final Set<String> DATES = Set.of("surveyDate", "noticeStartDate", "noticeEndDate", "signedDate",
            "bondPaidDate", "meetingDate", "approvalDate", "filingDate", "voteDate", "demolitionDeadline",
            "constructionStartDeadline", "completionDeadline", "subjectSignedDate", "governmentSignedDate",
            "landApprovalDate", "landContractDate", "paidDate", "registrationDate", "completionDate",
            "rectifiedDate", "subsidyPaidDate", "expectedCompletionDate");

    // ------------------------------------------------------------------------------------------------------

    static Stream<Path> formFiles() throws IOException {
        if (!Files.isDirectory(FORMS_DIR)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(FORMS_DIR)) {
            return files.filter(p -> p.getFileName().toString().endsWith(FORM_SUFFIX)).sorted().toList().stream();
        }
    }

    private static String formName(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.length() - FORM_SUFFIX.length());
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            return fail("%s is not valid JSON: %s", file, e.getMessage());
        }
    }

    /** Depth-first list of all components, descending into groups / dynamic lists. */
    private static List<JsonNode> components(JsonNode form) {
        List<JsonNode> all = new ArrayList<>();
        collect(form.path("components"), all);
        return all;
    }

    private static void collect(JsonNode components, List<JsonNode> into) {
        for (JsonNode c : components) {
            into.add(c);
            if (c.has("components")) {
                collect(c.get("components"), into);
            }
        }
    }

    private static boolean isInput(JsonNode c) {
        return INPUT_TYPES.contains(c.path("type").asText());
    }

    private static String labelOf(JsonNode c) {
        return "datetime".equals(c.path("type").asText())
                ? c.path("dateLabel").asText(c.path("label").asText(""))
                : c.path("label").asText("");
    }

    private static boolean isRequired(JsonNode c) {
        return c.path("validate").path("required").asBoolean(false);
    }

    private static boolean hasCjk(String s) {
        return s != null && CJK.matcher(s).find();
    }

    // ------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("formFiles")
    void formFollowsConventions(Path file) {
        String name = formName(file);
        JsonNode form = read(file);
        SoftAssertions soft = new SoftAssertions();

        soft.assertThat(form.path("id").asText()).as("%s: id", file).isEqualTo(FORM_ID_PREFIX + name);
        soft.assertThat(form.path("type").asText()).as("%s: type", file).isEqualTo("default");
        soft.assertThat(form.path("executionPlatform").asText()).as("%s: executionPlatform", file)
                .isEqualTo("Camunda Platform");
        soft.assertThat(form.path("executionPlatformVersion").asText()).as("%s: executionPlatformVersion", file)
                .isEqualTo("7.24.0");
        soft.assertThat(form.path("schemaVersion").asInt()).as("%s: schemaVersion", file).isEqualTo(16);
        soft.assertThat(form.path("exporter").path("name").asText()).as("%s: exporter.name", file)
                .isEqualTo("Camunda Modeler");

        List<JsonNode> components = components(form);
        soft.assertThat(components).as("%s: components", file).isNotEmpty();
        if (!components.isEmpty()) {
            JsonNode first = components.get(0);
            soft.assertThat(first.path("type").asText()).as("%s: first component is the guidance text", file)
                    .isEqualTo("text");
            soft.assertThat(hasCjk(first.path("text").asText())).as("%s: guidance text is Chinese", file).isTrue();
        }

        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode c : components) {
            String id = c.path("id").asText("");
            String type = c.path("type").asText("");
            soft.assertThat(id).as("%s: component of type %s has an id", file, type).isNotBlank();
            soft.assertThat(ids.add(id)).as("%s: component id %s is unique", file, id).isTrue();
            if (!isInput(c)) {
                continue;
            }
            String key = c.path("key").asText("");
            String where = file + ": " + (key.isBlank() ? id : key);
            soft.assertThat(key).as("%s: input component has a key", where).isNotBlank();
            soft.assertThat(keys.add(key)).as("%s: key is unique in the form", where).isTrue();
            soft.assertThat(hasCjk(labelOf(c))).as("%s: label '%s' is Chinese", where, labelOf(c)).isTrue();
            JsonNode validate = c.path("validate");

            // A read-only (disabled) field shows context; it is never entered, so it has no checks of its own.
            switch (c.path("disabled").asBoolean(false) ? "read-only" : type) {
                case "number" -> {
                    soft.assertThat(isRequired(c)).as("%s: numeric field is required", where).isTrue();
                    soft.assertThat(validate.has("min")).as("%s: numeric field has validate.min", where).isTrue();
                    if (validate.has("min") && validate.has("max")) {
                        soft.assertThat(validate.get("min").asDouble()).as("%s: min <= max", where)
                                .isLessThanOrEqualTo(validate.get("max").asDouble());
                    }
                    if (key.endsWith("Percent")) {
                        soft.assertThat(validate.path("min").asDouble(-1)).as("%s: percentage min", where)
                                .isEqualTo(0.0);
                        soft.assertThat(validate.path("max").asDouble(-1)).as("%s: percentage max", where)
                                .isEqualTo(100.0);
                    } else if (key.toLowerCase().endsWith("plotratio")) {
                        soft.assertThat(validate.path("min").asDouble(-1)).as("%s: FAR min", where).isEqualTo(0.0);
                        soft.assertThat(validate.path("max").asDouble(-1)).as("%s: FAR max", where).isEqualTo(20.0);
                    } else if (INTEGERS.containsKey(key)) {
                        Integer[] bounds = INTEGERS.get(key);
                        soft.assertThat(c.path("decimalDigits").asInt(-1)).as("%s: integer decimalDigits", where)
                                .isZero();
                        soft.assertThat(validate.path("min").asInt()).as("%s: integer min", where)
                                .isEqualTo(bounds[0]);
                        if (bounds[1] != null) {
                            soft.assertThat(validate.path("max").asInt()).as("%s: integer max", where)
                                    .isEqualTo(bounds[1]);
                        }
                    } else {
                        soft.assertThat(validate.path("min").asDouble(-1)).as("%s: amounts/areas are >= 0", where)
                                .isEqualTo(0.0);
                    }
                }
                case "radio", "select", "checklist", "taglist" -> {
                    JsonNode values = c.path("values");
                    soft.assertThat(values.isArray() && !values.isEmpty()).as("%s: has values", where).isTrue();
                    List<Object> seen = new ArrayList<>();
                    for (JsonNode v : values) {
                        soft.assertThat(hasCjk(v.path("label").asText())).as("%s: option label '%s' is Chinese",
                                where, v.path("label").asText()).isTrue();
                        soft.assertThat(v.has("value") && !v.get("value").isNull()).as("%s: option has a value",
                                where).isTrue();
                        Object value = v.path("value").isBoolean() ? v.get("value").asBoolean()
                                : v.path("value").asText();
                        soft.assertThat(seen).as("%s: option values unique", where).doesNotContain(value);
                        seen.add(value);
                    }
                    if (seen.stream().anyMatch(Boolean.class::isInstance)) {
                        soft.assertThat(seen).as("%s: yes/no radio has the values true and false", where)
                                .containsExactlyInAnyOrder(true, false);
                    }
                }
                case "datetime" -> {
                    soft.assertThat(c.path("subtype").asText()).as("%s: date subtype", where).isEqualTo("date");
                    soft.assertThat(hasCjk(c.path("dateLabel").asText())).as("%s: dateLabel", where).isTrue();
                }
                default -> {
                    // textfield, textarea, checkbox: nothing type-specific
                }
            }

            if (BOOLEANS.contains(key)) {
                boolean yesNoRadio = "radio".equals(type)
                        && c.path("values").findValues("value").stream().allMatch(JsonNode::isBoolean);
                soft.assertThat("checkbox".equals(type) || yesNoRadio)
                        .as("%s: boolean is a checkbox or a 是/否 radio with boolean values", where).isTrue();
                if (isRequired(c) && !"subjectAccepted".equals(key)) {
                    soft.assertThat(type).as("%s: a boolean that must be answered is a 是/否 radio", where)
                            .isEqualTo("radio");
                }
            }
            if (ENUMERATIONS.containsKey(key)) {
                soft.assertThat(OPTION_TYPES).as("%s: enumeration is a select or radio", where).contains(type);
                List<String> values = new ArrayList<>();
                c.path("values").forEach(v -> values.add(v.path("value").asText()));
                soft.assertThat(values).as("%s: enumeration values", where)
                        .containsExactlyInAnyOrderElementsOf(ENUMERATIONS.get(key));
            }
            if (DATES.contains(key)) {
                soft.assertThat(type).as("%s: date field type", where).isEqualTo("datetime");
            }
        }
        soft.assertAll();
    }

    @Test
    void formsMatchTheContractTaskTable() {
        Map<String, Path> files = formFilesByName();
        assertThat(files.keySet()).as("form files in %s", FORMS_DIR.toAbsolutePath())
                .containsExactlyInAnyOrderElementsOf(CONTRACT.keySet());
        assertThat(CONTRACT).hasSize(44);

        SoftAssertions soft = new SoftAssertions();
        CONTRACT.forEach((name, spec) -> {
            Path file = files.get(name);
            List<String> expectedKeys = new ArrayList<>();
            Set<String> expectedRequired = new TreeSet<>();
            for (String token : spec.trim().split("\\s+")) {
                String key = token.startsWith("*") ? token.substring(1) : token;
                expectedKeys.add(key);
                if (token.startsWith("*")) {
                    expectedRequired.add(key);
                }
            }
            List<JsonNode> inputs = components(read(file)).stream().filter(FormDefinitionsTest::isInput).toList();
            List<String> keys = inputs.stream().map(c -> c.path("key").asText()).toList();
            Set<String> required = inputs.stream().filter(FormDefinitionsTest::isRequired)
                    .map(c -> c.path("key").asText()).collect(Collectors.toCollection(TreeSet::new));
            soft.assertThat(keys).as("%s: field keys", name).containsExactlyElementsOf(expectedKeys);
            soft.assertThat(required).as("%s: required fields", name).isEqualTo(expectedRequired);
        });

        JsonNode compileScheme = read(files.get("CompileScheme"));
        JsonNode violations = components(compileScheme).stream()
                .filter(c -> "ruleViolationText".equals(c.path("key").asText())).findFirst().orElseThrow();
        soft.assertThat(violations.path("type").asText()).as("ruleViolationText type").isEqualTo("textarea");
        soft.assertThat(violations.path("disabled").asBoolean()).as("ruleViolationText is disabled").isTrue();
        soft.assertThat(violations.path("label").asText()).isEqualTo("上次规则校验未通过的条款");
        soft.assertAll();
    }

    @Test
    void userTasksReferenceExistingFormsAndEveryFormIsReferenced() throws IOException {
        List<Path> bpmnFiles;
        if (!Files.isDirectory(PROCESSES_DIR)) {
            bpmnFiles = List.of();
        } else {
            try (Stream<Path> files = Files.list(PROCESSES_DIR)) {
                bpmnFiles = files.filter(p -> p.getFileName().toString().endsWith(".bpmn")).sorted().toList();
            }
        }
        Assumptions.assumeFalse(bpmnFiles.isEmpty(), "no BPMN files in " + PROCESSES_DIR.toAbsolutePath() + " yet");

        Map<String, Path> forms = formFilesByName();
        Map<String, List<String>> referencedBy = new TreeMap<>();
        SoftAssertions soft = new SoftAssertions();

        for (Path bpmn : bpmnFiles) {
            BpmnModelInstance model = Bpmn.readModelFromFile(bpmn.toFile());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String where = bpmn.getFileName() + "#" + task.getId();
                String formRef = task.getCamundaFormRef();
                soft.assertThat(formRef).as("%s: camunda:formRef", where).isNotBlank();
                if (formRef == null || formRef.isBlank()) {
                    continue;
                }
                soft.assertThat(task.getId()).as("%s: task id", where).startsWith(TASK_ID_PREFIX);
                String expectedName = task.getId().startsWith(TASK_ID_PREFIX)
                        ? task.getId().substring(TASK_ID_PREFIX.length()) : task.getId();
                soft.assertThat(formRef).as("%s: camunda:formRef follows Form_<task id without Task_>", where)
                        .isEqualTo(FORM_ID_PREFIX + expectedName);
                soft.assertThat(task.getCamundaFormRefBinding()).as("%s: camunda:formRefBinding", where)
                        .isEqualTo("latest");
                checkReference(formRef, where, forms, referencedBy, soft);
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                String formRef = start.getCamundaFormRef();
                if (formRef != null && !formRef.isBlank()) {
                    checkReference(formRef, bpmn.getFileName() + "#" + start.getId(), forms, referencedBy, soft);
                }
            }
        }

        Set<String> orphans = new TreeSet<>(forms.keySet());
        orphans.removeAll(referencedBy.keySet());
        soft.assertThat(orphans).as("forms no user task in %s references", bpmnFiles).isEmpty();
        soft.assertAll();
    }

    /**
     * The fields a user task's model properties name are input fields of its form: its decision (decisionVariable),
     * what was wrong (decisionReason), what it records besides (decisionFacts, DecisionRecorder) and each round's own
     * answers (freshFields). A name that is not there would record nothing, silently.
     */
    @Test
    void theFieldsAUserTasksPropertiesNameAreInputsOfItsForm() throws IOException {
        Map<String, Path> forms = formFilesByName();
        SoftAssertions soft = new SoftAssertions();
        int named = 0;
        try (Stream<Path> files = Files.list(PROCESSES_DIR)) {
            for (Path bpmn : files.filter(p -> p.getFileName().toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(bpmn.toFile());
                for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                    String formRef = task.getCamundaFormRef();
                    Path file = formRef == null ? null : forms.get(formRef.substring(FORM_ID_PREFIX.length()));
                    if (file == null) {
                        continue;
                    }
                    Set<String> inputs = components(read(file)).stream().filter(FormDefinitionsTest::isInput)
                            .map(c -> c.path("key").asText()).collect(Collectors.toSet());
                    List<CamundaProperty> properties = task.getExtensionElements() == null ? List.of()
                            : task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
                                    .stream().flatMap(p -> p.getCamundaProperties().stream()).toList();
                    // The answers that end the project (the page asks to confirm them) are options of the decision field.
                    Map<String, String> byName = properties.stream().collect(Collectors.toMap(
                            CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue, (x, y) -> x));
                    String decision = byName.get(DecisionRecorder.DECISION_VARIABLE_PROPERTY);
                    Set<String> options = components(read(file)).stream()
                            .filter(c -> c.path("key").asText().equals(decision))
                            .flatMap(c -> java.util.stream.StreamSupport.stream(c.path("values").spliterator(), false))
                            .map(v -> v.path("value").asText()).collect(Collectors.toSet());
                    if (byName.containsKey(cn.gonggaigong.task.TaskModel.ENDS_PROJECT)) {
                        for (String pair : byName.get(cn.gonggaigong.task.TaskModel.ENDS_PROJECT).split(";")) {
                            named++;
                            soft.assertThat(options).as("%s#%s: endsProject's answer in '%s'", bpmn.getFileName(),
                                    task.getId(), pair).contains(pair.substring(0, Math.max(0, pair.indexOf('='))).trim());
                        }
                    }
                    // The field that keeps those answers from ending the project is a yes/no question of the form.
                    if (byName.containsKey(cn.gonggaigong.task.TaskModel.ENDS_PROJECT_UNLESS)) {
                        named++;
                        String unless = byName.get(cn.gonggaigong.task.TaskModel.ENDS_PROJECT_UNLESS).strip();
                        soft.assertThat(byName).as("%s#%s: endsProjectUnless without endsProject", bpmn.getFileName(),
                                task.getId()).containsKey(cn.gonggaigong.task.TaskModel.ENDS_PROJECT);
                        soft.assertThat(components(read(file)).stream().filter(c -> c.path("key").asText().equals(unless))
                                .flatMap(c -> java.util.stream.StreamSupport.stream(c.path("values").spliterator(), false))
                                .map(v -> v.path("value")).filter(com.fasterxml.jackson.databind.JsonNode::isBoolean)
                                .map(com.fasterxml.jackson.databind.JsonNode::booleanValue).collect(Collectors.toSet()))
                                .as("%s#%s: endsProjectUnless '%s', a yes/no field of %s", bpmn.getFileName(), task.getId(),
                                        unless, file.getFileName()).containsExactlyInAnyOrder(true, false);
                    }
                    // The answers a result notice is sent for (all: *) are options of the decision field too.
                    String told = byName.getOrDefault(cn.gonggaigong.decision.ResultNotices.TELLS_APPLICANT, "*").strip();
                    if (!told.equals("*")) {
                        for (String answer : cn.gonggaigong.task.TaskModel.names(told)) {
                            named++;
                            soft.assertThat(options).as("%s#%s: tellsApplicant's answer '%s'", bpmn.getFileName(),
                                    task.getId(), answer).contains(answer);
                        }
                    }
                    for (CamundaProperty property : properties) {
                        List<String> fields = switch (property.getCamundaName()) {
                            case DecisionRecorder.DECISION_VARIABLE_PROPERTY, DecisionRecorder.DECISION_REASON_PROPERTY -> List.of(property.getCamundaValue());
                            case DecisionRecorder.DECISION_FACTS_PROPERTY -> DecisionRecorder.factFields(property.getCamundaValue());
                            case cn.gonggaigong.task.TaskModel.FRESH_FIELDS -> cn.gonggaigong.task.TaskModel.names(property.getCamundaValue());
                            default -> List.of();
                        };
                        for (String field : fields) {
                            named++;
                            soft.assertThat(inputs).as("%s#%s: %s names '%s', an input of %s", bpmn.getFileName(),
                                    task.getId(), property.getCamundaName(), field, file.getFileName()).contains(field);
                        }
                    }
                }
            }
        }
        assertThat(named).as("fields named by the models").isGreaterThan(50);
        soft.assertAll();
    }

    private static void checkReference(String formRef, String where, Map<String, Path> forms,
            Map<String, List<String>> referencedBy, SoftAssertions soft) {
        soft.assertThat(formRef).as("%s: formRef", where).startsWith(FORM_ID_PREFIX);
        String name = formRef.startsWith(FORM_ID_PREFIX) ? formRef.substring(FORM_ID_PREFIX.length()) : formRef;
        Path file = forms.get(name);
        soft.assertThat(file).as("%s: form file %s%s for formRef %s", where, name, FORM_SUFFIX, formRef).isNotNull();
        if (file != null) {
            soft.assertThat(read(file).path("id").asText()).as("%s: id inside %s", where, file).isEqualTo(formRef);
        }
        referencedBy.computeIfAbsent(name, n -> new ArrayList<>()).add(where);
    }

    private static Map<String, Path> formFilesByName() {
        try {
            Map<String, Path> byName = new TreeMap<>();
            formFiles().forEach(p -> byName.put(formName(p), p));
            return byName;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
