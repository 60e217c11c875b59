package cn.gonggaigong.benchmark;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import cn.gonggaigong.project.ApplicantType;
import cn.gonggaigong.project.IndustryCategory;
import cn.gonggaigong.project.Ownership;
import cn.gonggaigong.project.ProjectApplication;
import cn.gonggaigong.project.ProjectService;
import cn.gonggaigong.project.RenovationMode;
import cn.gonggaigong.project.RenovationType;
import cn.gonggaigong.project.ProjectViews.ProjectDetails;
import cn.gonggaigong.security.Groups;
import cn.gonggaigong.security.IdentityMode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Drives projects through the real lifecycle the way the offices do (see ProjectLifecycleIT): a project is applied
 * for through {@link ProjectService#submit} (as an NRB officer, on behalf of its applicant), and each open task is
 * completed through Camunda's TaskService as the office that owns it, with Camunda's authorization checks on (the
 * way the REST API completes it): the assignee for the applicant's steps, otherwise a member of the task's candidate
 * group. The happy path of the measures is taken: fast track (随报随审, a key industry project), a renovation unit of
 * its own, a compliant scheme, every department agreeing, acceptance passed.
 */
public final class LifecycleDriver {

    /** Form data per step, as the forms submit it (ProjectLifecycleIT's values on the happy path). */
    static final Map<String, Map<String, Object>> FORM_DATA = formData();

    private final ProjectService projects;
    private final TaskService tasks;
    private final IdentityService identity;
    private final Map<String, String> groupMember = new ConcurrentHashMap<>();
    private final Map<String, List<String>> userGroups = new ConcurrentHashMap<>();

    public LifecycleDriver(ProjectService projects, TaskService tasks, IdentityService identity) {
        this.projects = projects;
        this.tasks = tasks;
        this.identity = identity;
    }

    /** A project being driven: its code (the business key of its instances) and its renovation unit's code. */
    public record Driven(long id, String code, String unitCode) {
        Collection<String> businessKeys() {
            return List.of(code, unitCode);
        }
    }

    /** Applies for a project in {@code townCode} for {@code applicant}; returns it with a unit code of its own. */
    public Driven apply(String townCode, String applicant, int number) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("nrb-clerk",
                null, List.of(new SimpleGrantedAuthority(IdentityMode.GROUP_AUTHORITY_PREFIX + Groups.NRB))));
        try {
            ProjectDetails created = projects.submit(application(townCode, applicant, number));
            return new Driven(created.id(), created.code(), "BU-" + created.code().substring(4));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static ProjectApplication application(String townCode, String applicant, int number) {
        return new ProjectApplication("基准测试项目" + number, townCode, "普宁市基准测试企业" + number, applicant,
                ApplicantType.OWNER, RenovationMode.SELF, RenovationType.FULL, Ownership.SINGLE,
                List.of("BT-445281-" + number), bd(20000), bd(30), bd(18000), bd(0.9), bd(62000), bd(3.1),
                IndustryCategory.LIGHT_TEXTILE, bd(150000000), true, false, bd(30), false, false, null, 2026);
    }

    private static java.math.BigDecimal bd(double value) {
        return java.math.BigDecimal.valueOf(value);
    }

    /** The open tasks of a project and its unit (read with the engine's rights, as a task list would show them). */
    List<Task> openTasks(Driven project) {
        return tasks.createTaskQuery().processInstanceBusinessKeyIn(project.businessKeys().toArray(String[]::new))
                .initializeFormKeys().list();
    }

    /**
     * Completes open tasks of the project until {@code stop} is true for one of its open tasks or nothing is open.
     *
     * @return the number of tasks completed
     */
    public int drive(Driven project, Predicate<List<Task>> stop) {
        return drive(project, stop, () -> { });
    }

    /** As {@link #drive(Driven, Predicate)}, telling {@code completed} after each task it completes. */
    int drive(Driven project, Predicate<List<Task>> stop, Runnable completed) {
        int count = 0;
        for (List<Task> open = openTasks(project); !open.isEmpty() && !stop.test(open); open = openTasks(project)) {
            for (Task task : open) {
                complete(project, task);
                count++;
                completed.run();
            }
        }
        return count;
    }

    /** Completes one task as the office that owns it, with Camunda's authorization checks. */
    void complete(Driven project, Task task) {
        String actor = actorOf(task);
        Map<String, Object> variables = new LinkedHashMap<>(FORM_DATA.getOrDefault(task.getTaskDefinitionKey(), Map.of()));
        if (task.getTaskDefinitionKey().equals("Task_AssignRenovationUnit")) {
            variables.put("unitCode", project.unitCode());
        }
        identity.setAuthentication(actor, groupsOf(actor));
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private String actorOf(Task task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        String group = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst()
                .orElseThrow(() -> new IllegalStateException("Task without a candidate group: " + task.getTaskDefinitionKey()));
        return memberOf(group);
    }

    /** A user of {@code group}: a demo user of the realm where there is one, otherwise an officer of that group only. */
    String memberOf(String group) {
        return groupMember.computeIfAbsent(group, g -> {
            List<User> users = identity.createUserQuery().memberOfGroup(g).orderByUserId().asc().listPage(0, 1);
            return users.isEmpty() ? "bench-" + g : users.get(0).getId();
        });
    }

    List<String> groupsOf(String user) {
        return userGroups.computeIfAbsent(user, u -> {
            if (u.startsWith("bench-")) {
                return List.of(u.substring("bench-".length()));
            }
            List<String> groups = identity.createGroupQuery().groupMember(u).list().stream().map(Group::getId).toList();
            return groups.isEmpty() ? List.of(Groups.APPLICANTS) : groups;
        });
    }

    /** Task keys in the order the happy path reaches them; a seeded project stops at one of these. */
    static final List<String> STOPS = List.of("Task_SurveyWillingness", "Task_SurveyBaseData", "Task_PublishBaseData",
            "Task_ConfirmFastTrack", "Task_VerifyTitleDocuments", "Task_ConfirmSubject", "Task_AssignRenovationUnit",
            "Task_CompileScheme", "Task_GiveDepartmentOpinion", "Task_SummariseOpinions", "Task_ReviewScheme",
            "Task_ApproveScheme", "Task_FileWithPrefectureNrb", "Task_RecordCompensationVote",
            "Task_DraftMonitoringAgreement", "Task_SignAgreementAsSubject", "Task_SignAgreementAsGovernment",
            "Task_DetermineLandCase", "Task_SupplyLand", "Task_PayLandPrice", "Task_RegisterLandRights",
            "Task_ReportProgress", "Task_ApplyForAcceptance", "Task_InspectCompletion", "Task_DisburseSubsidy",
            "Task_AssessTransitionPeriod");

    public static Predicate<List<Task>> stopAt(String taskKey) {
        return open -> open.stream().anyMatch(t -> t.getTaskDefinitionKey().equals(taskKey));
    }

    static Predicate<List<Task>> toTheEnd() {
        return open -> false;
    }

    static Set<String> keysOf(List<Task> open) {
        Set<String> keys = new LinkedHashSet<>();
        open.forEach(t -> keys.add(t.getTaskDefinitionKey()));
        return keys;
    }

    private static Map<String, Map<String, Object>> formData() {
        Map<String, Map<String, Object>> data = new LinkedHashMap<>();
        // What happens after the government's approval, dated the day it runs: the approval opens the vote's year, and
        // no step may be dated before the approval or after today (AfterSchemeApproval, DateOrder), as on the pages.
        String today = cn.gonggaigong.clock.WorkingDayCalendar.today().toString();
        put(data, "Task_SurveyWillingness", "willingnessAgreed", true, "agreePercent", 95.0, "surveyDate", "2026-03-01");
        put(data, "Task_SurveyBaseData", "landAreaSqm", 20000.0, "landAreaMu", 30.0, "existingFloorArea", 18000.0,
                // No parcel: the survey's parcels join the project's, and one parcel is one project's (ParcelRegister).
                "currentPlotRatio", 0.9, "surveyDate", "2026-03-10");
        put(data, "Task_PublishBaseData", "noticeStartDate", "2026-03-11", "noticeEndDate", "2026-03-18",
                "objectionsRaised", false);
        put(data, "Task_ConfirmFastTrack", "fastTrackConfirmed", true, "documentNumber", "普自然资随〔2026〕1号",
                "opinion", "重点产业项目,同意随报随审");
        put(data, "Task_VerifyTitleDocuments", "titleCertificateNumbers", "粤(2019)普宁市不动产权第0012345号",
                "titleVerified", true);
        put(data, "Task_ConfirmSubject", "subjectName", "普宁市基准测试企业", "documentNumber", "普自然资改确〔2026〕3号");
        put(data, "Task_AssignRenovationUnit", "unitAction", "NEW", "unitName", "基准测试改造单元");
        put(data, "Task_CompileUnitPlan", "planGoals", "建设高标准厂房", "publicFacilities", "道路、消防站",
                "interestBalance", "按面积分摊", "unitLandAreaSqm", 120000.0, "plannedPlotRatio", 3.0);
        put(data, "Task_ApproveUnitPlan", "unitPlanApproved", true, "documentNumber", "普府函〔2026〕40号");
        put(data, "Task_CompileScheme", "landAreaSqm", 20000.0, "totalFloorArea", 62000.0, "officeLivingFloorArea", 5000.0,
                "rdTestingFloorArea", 3000.0, "separateFacilityLandArea", 0.0, "existingFloorArea", 18000.0,
                "renovatedFloorArea", 0.0, "renovationBudget", 80000000.0, "industryCategory", "LIGHT_TEXTILE",
                "farExemption", false, "involvesDemolition", true, "heritageImpact", true, "investment", 150000000.0,
                "compensationPlan", "货币补偿与产权置换相结合", "phasing", "分两期建设");
        put(data, "Task_GiveDepartmentOpinion", "departmentDecision", "AGREE", "opinion", "同意");
        put(data, "Task_SummariseOpinions", "consultationResult", "AGREED", "opinion", "各部门意见一致");
        put(data, "Task_ReviewScheme", "committeeDecision", "PASS", "majorMatter", false, "meetingDate", "2026-07-01",
                "documentNumber", "普规委〔2026〕5号");
        put(data, "Task_ApproveScheme", "governmentDecision", "APPROVED", "documentNumber", "普府复〔2026〕9号",
                // The vote's year runs from this date (CompensationVoteDeadline): the day it runs, so that it is open.
                "approvalDate", today);
        put(data, "Task_FileWithPrefectureNrb", "filingNumber", "揭自然资备〔2026〕12号", "filingDate", today);
        put(data, "Task_RecordCompensationVote", "voteDate", today, "agreePercent", 96.0, "votePassed", true);
        put(data, "Task_DraftMonitoringAgreement", "agreementNumber", "JG-2026-07", "demolitionDeadline",
                // Ahead of the day it runs, so that no deadline of the agreement passes while it drives (BENCHMARKS.md, P1).
                cn.gonggaigong.clock.WorkingDayCalendar.today().plusMonths(4).toString(),
                "constructionStartDeadline", cn.gonggaigong.clock.WorkingDayCalendar.today().plusMonths(7).toString(),
                "completionDeadline", cn.gonggaigong.clock.WorkingDayCalendar.today().plusYears(3).toString());
        put(data, "Task_SignAgreementAsSubject", "subjectSignedDate", today, "subjectAccepted", true);
        put(data, "Task_SignAgreementAsGovernment", "governmentSignedDate", today, "documentNumber", "普府监〔2026〕7号");
        put(data, "Task_DetermineLandCase", "landCase", "TENURE_EXTENSION", "threeOldsPolicy", true,
                "appraisedValue", 9000000.0, "baseValue", 5000000.0, "landApprovalNeeded", false, "supplyMethod", "AGREEMENT");
        put(data, "Task_SupplyLand", "landContractNumber", "445281-2026-0031", "landContractDate", today,
                "landTenureYears", 50L);
        put(data, "Task_PayLandPrice", "paidAmount", 2000000.0, "paidDate", today, "paymentReceipt", "FS-0001");
        put(data, "Task_RegisterLandRights", "realEstateCertificateNumber", "粤(2026)普宁市不动产权第0099999号",
                "registrationDate", today);
        put(data, "Task_ReportProgress", "reportMonth", today.substring(0, 7), "progressPercent", 100.0, "demolitionCompleted", true,
                "constructionStarted", true, "constructionCompleted", true);
        put(data, "Task_ApplyForAcceptance", "completionDate", today, "builtTotalFloorArea", 62000.0,
                "productiveFloorArea", 40000.0, "officeLivingFloorArea", 6000.0, "floors", 6L, "hasIndustrialLift", true);
        put(data, "Task_InspectCompletion", "acceptancePassed", true, "builtPlotRatio", 3.1, "safetyEnvCompliant", true,
                "contiguousRenovation", false, "documentNumber", "普自然资验〔2029〕5号");
        put(data, "Task_DisburseSubsidy", "subsidyPaidDate", today, "paymentVoucher", "CZ-2029-001");
        put(data, "Task_AssessTransitionPeriod", "transitionEligible", false);
        return Map.copyOf(data);
    }

    private static void put(Map<String, Map<String, Object>> data, String key, Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        data.put(key, values);
    }
}
