package cn.gonggaigong.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import cn.gonggaigong.decision.DecisionRecordRepository;
import cn.gonggaigong.process.Phase;
import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.project.ProjectApplicationValidator.Checked;
import cn.gonggaigong.project.ProjectViews.Decision;
import cn.gonggaigong.project.ProjectViews.OpenTask;
import cn.gonggaigong.task.SystemRights;
import cn.gonggaigong.project.ProjectViews.PageView;
import cn.gonggaigong.project.ProjectViews.ProjectDetails;
import cn.gonggaigong.project.ProjectViews.ProjectSummary;
import cn.gonggaigong.project.ProjectViews.SchemeViolation;
import cn.gonggaigong.project.ProjectViews.TownView;
import cn.gonggaigong.scheme.SchemeRepository;
import cn.gonggaigong.security.CurrentUser;
import cn.gonggaigong.security.Groups;
import cn.gonggaigong.security.ProjectAccess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Project applications and what is known about a project. Saving an application and starting its lifecycle
 * happen in one transaction: the Camunda engine works in the same Spring transaction (one DataSource, one
 * transaction manager), so if the process cannot start, the project is not saved either.
 */
@Service
public class ProjectService {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ProjectApplicationValidator validator;
    private final ProjectCodeGenerator codes;
    private final ProjectRepository projects;
    private final DecisionRecordRepository decisions;
    private final SchemeRepository schemes;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final TownRepository towns;
    private final ProjectAccess access;
    private final SystemRights system;
    private final ParcelRegister parcels;

    public ProjectService(ProjectApplicationValidator validator, ProjectCodeGenerator codes, ProjectRepository projects,
                          DecisionRecordRepository decisions, SchemeRepository schemes, RuntimeService runtimeService,
                          TaskService taskService, IdentityService identityService, TownRepository towns,
                          ProjectAccess access, SystemRights system, ParcelRegister parcels) {
        this.system = system;
        this.parcels = parcels;
        this.identityService = identityService;
        this.towns = towns;
        this.access = access;
        this.validator = validator;
        this.codes = codes;
        this.projects = projects;
        this.decisions = decisions;
        this.schemes = schemes;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    /**
     * Saves the application as a new project and starts its {@code ProjectLifecycle} process.
     *
     * @throws ApplicationRejectedException when the application does not pass the checks
     */
    @Transactional
    public ProjectDetails submit(ProjectApplication application) {
        CurrentUser user = CurrentUser.current();
        Town claimedTown = application.townCode() == null ? null : towns.findById(application.townCode().trim()).orElse(null);
        access.checkApply(user, claimedTown, application.applicantUserId() == null ? null : application.applicantUserId().trim());
        Checked checked = validator.check(application, byRightsHolder(user, claimedTown));
        String code = codes.next(Year.now(ZONE).getValue());
        // After the year's code is taken: applications wait for each other there, so two at once cannot both pass.
        rejectParcelsInUse(application.parcelIds());
        Project project = new Project(code, application.name().trim(), checked.town());
        project.setApplicantName(application.applicantName().trim());
        project.setApplicantUserId(application.applicantUserId().trim());
        project.setApplicantType(application.applicantType());
        project.setRenovationMode(application.renovationMode());
        project.setRenovationType(application.renovationType());
        project.setOwnership(application.ownership());
        project.setParcelIds(application.parcelIds().stream().map(String::trim).toList());
        project.setLandAreaSqm(scaled(application.landAreaSqm(), 2));
        project.setLandAreaMu(scaled(application.landAreaMu(), 4));
        project.setExistingFloorArea(scaled(application.existingFloorArea(), 2));
        project.setCurrentPlotRatio(scaled(application.currentPlotRatio(), 4));
        project.setPlannedFloorArea(scaled(application.plannedFloorArea(), 2));
        project.setPlannedPlotRatio(scaled(application.plannedPlotRatio(), 4));
        project.setIndustryCategory(application.industryCategory());
        project.setInvestment(scaled(application.investment(), 2));
        project.setKeyIndustryProject(application.keyIndustryProject());
        project.setPilotProject(application.pilotProject());
        project.setContiguousAreaMu(scaled(application.contiguousAreaMu(), 4));
        project.setHistoricalLandProcedures(application.historicalLandProcedures());
        project.setGovernmentSubject(application.applicantType() == ApplicantType.GOVERNMENT
                || application.renovationMode() == RenovationMode.GOVERNMENT_STORAGE);
        project.setPlanYear(application.planYear() != null ? application.planYear() : Year.now(ZONE).getValue());
        project.setUnit(checked.unit());
        projects.saveAndFlush(project);

        String processInstanceId = startAsSystem(project, application.unitPlanInForce());
        project.setProcessInstanceId(processInstanceId);
        return details(project);
    }

    /** The rights holder applies themselves: an applicant who is not also NRB, an administrator or the town's office. */
    private static boolean byRightsHolder(CurrentUser user, Town town) {
        return user.inGroup(Groups.APPLICANTS) && !user.inGroup(Groups.NRB) && !user.inGroup(Groups.ADMINS)
                && (town == null || !user.inGroup(town.getGroupId()));
    }

    /**
     * Starts the lifecycle with the engine's own rights: who may apply was decided above ({@link ProjectAccess}),
     * and the officers of the town get their rights on the new instances from the authorization listener.
     */
    private String startAsSystem(Project project, boolean unitPlanInForce) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return runtimeService.startProcessInstanceByKey(ProjectLifecycleProcess.PROCESS_ID, project.getCode(),
                    startVariables(project, unitPlanInForce)).getId();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    static VariableMap startVariables(Project project, boolean unitPlanInForce) {
        return Variables.createVariables()
                .putValue(ProjectLifecycleProcess.Var.PROJECT_ID, project.getId())
                .putValue(ProjectLifecycleProcess.Var.PROJECT_CODE, project.getCode())
                .putValue(ProjectLifecycleProcess.Var.TOWN_GROUP, project.getTown().getGroupId())
                .putValue(ProjectLifecycleProcess.Var.APPLICANT, project.getApplicantUserId())
                .putValue(ProjectLifecycleProcess.Var.RENOVATION_MODE, project.getRenovationMode().name())
                .putValue(ProjectLifecycleProcess.Var.RENOVATION_TYPE, project.getRenovationType().name())
                .putValue(ProjectLifecycleProcess.Var.OWNERSHIP, project.getOwnership().name())
                .putValue(ProjectLifecycleProcess.Var.GOVERNMENT_SUBJECT, project.isGovernmentSubject())
                .putValue(ProjectLifecycleProcess.Var.UNIT_PLAN_IN_FORCE, unitPlanInForce)
                .putValue(ProjectLifecycleProcess.Var.KEY_INDUSTRY_PROJECT, project.isKeyIndustryProject())
                .putValue(ProjectLifecycleProcess.Var.PILOT_PROJECT, project.isPilotProject())
                .putValue(ProjectLifecycleProcess.Var.CONTIGUOUS_AREA_MU, project.getContiguousAreaMu().doubleValue())
                .putValue(ProjectLifecycleProcess.Var.IN_ANNUAL_PLAN, false)
                .putValue(ProjectLifecycleProcess.Var.HISTORICAL_LAND_PROCEDURES, project.isHistoricalLandProcedures())
                .putValue(ProjectLifecycleProcess.Var.INDUSTRY_CATEGORY, project.getIndustryCategory().name())
                .putValue(ProjectLifecycleProcess.Var.PLAN_YEAR, project.getPlanYear());
    }

    /** A parcel (标图入库图斑) is renovated by one project at a time: not one that a project under way holds. */
    private void rejectParcelsInUse(List<String> parcelIds) {
        List<FieldProblem> problems = parcels.problems(parcelIds, null, i -> "parcelIds[" + i + "]");
        if (!problems.isEmpty()) {
            throw new ApplicationRejectedException(problems);
        }
    }

    @Transactional(readOnly = true)
    public ProjectDetails details(long id) {
        Project project = projects.findById(id).orElseThrow(() -> new ProjectNotFoundException(id));
        access.checkRead(CurrentUser.current(), project);
        return details(project);
    }

    /** What 项目查询 looks for; null or blank = any. */
    public record Search(String text, String town, String phase, String status) {
    }

    @Transactional(readOnly = true)
    public PageView<ProjectSummary> list(Search search, int page, int size) {
        CurrentUser user = CurrentUser.current();
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id"));
        Page<Project> result = projects.findAll(ProjectSearch.of(search, towns, access.readsAll(user) ? null : user), request);
        List<ProjectSummary> content = result.getContent().stream()
                .map(p -> new ProjectSummary(p.getId(), p.getCode(), p.getName(), p.getTown().getCode(),
                        p.getTown().getName(), p.getApplicantName(), p.getStatus(), p.getPhase(), p.getCreatedAt()))
                .toList();
        return new PageView<>(content, result.getNumber(), result.getSize(), result.getTotalElements(),
                result.getTotalPages());
    }

    private ProjectDetails details(Project p) {
        return new ProjectDetails(p.getId(), p.getCode(), p.getName(), TownView.of(p.getTown()), p.getApplicantName(),
                p.getApplicantUserId(), p.getApplicantType(), p.getRenovationMode(), p.getRenovationType(),
                p.getOwnership(), p.getParcelIds(), p.getLandAreaSqm(), p.getLandAreaMu(), p.getExistingFloorArea(),
                p.getCurrentPlotRatio(), p.getPlannedFloorArea(), p.getPlannedPlotRatio(), p.getIndustryCategory(),
                p.getInvestment(), p.isKeyIndustryProject(), p.isPilotProject(), p.getContiguousAreaMu(),
                p.isHistoricalLandProcedures(), p.isGovernmentSubject(), p.getPlanYear(), p.getStatus(), p.getPhase(),
                phaseLabel(p.getPhase()), p.getProcessInstanceId(),
                p.getUnit() != null ? p.getUnit().getCode() : null,
                p.getAnnualPlan() != null ? p.getAnnualPlan().getYear() : null,
                p.getAnnualPlan() != null ? p.getAnnualPlan().getStatus() == cn.gonggaigong.plan.AnnualPlanStatus.APPROVED : null,
                p.getLandPrice(), p.getLandPriceBasis(), p.getSubsidyAmount(), p.getSubsidyBasis(), p.getCreatedAt(),
                p.getUpdatedAt(), openTasks(p.getId()), decisions(p.getId()), schemeViolations(p.getId()),
                ProjectViews.Survey.of(p.getSurvey()), decisions.confirmedSubject(p.getId()).orElse(null));
    }

    /**
     * Tasks of the lifecycle and of every phase process it called: they all carry the variable projectId. Read with
     * the system's rights: whoever may read the project (checked before) sees which steps are open, as on the project
     * page, also an applicant, whom Camunda grants only the tasks assigned to them.
     */
    private List<OpenTask> openTasks(long projectId) {
        return system.call(() -> openTasksOf(projectId));
    }

    private List<OpenTask> openTasksOf(long projectId) {
        List<Task> tasks = taskService.createTaskQuery()
                .processVariableValueEquals(ProjectLifecycleProcess.Var.PROJECT_ID, projectId)
                .orderByTaskCreateTime().asc()
                .list();
        return tasks.stream()
                .map(task -> new OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(),
                        task.getProcessInstanceId(), candidateGroups(task.getId()), task.getAssignee(),
                        task.getCreateTime().toInstant(), task.getDueDate() != null ? task.getDueDate().toInstant() : null))
                .toList();
    }

    private List<String> candidateGroups(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .sorted()
                .toList();
    }

    private List<Decision> decisions(long projectId) {
        return decisions.findByProjectIdOrderByDecidedAtAscIdAsc(projectId).stream()
                .map(d -> new Decision(d.getId(), d.getTaskDefinitionKey(), d.getTaskName(), d.getActor(),
                        d.getDecidedAt(), d.getOutcome(), d.getDocumentNumber(), d.getOpinion()))
                .toList();
    }

    private List<SchemeViolation> schemeViolations(long projectId) {
        return schemes.findFirstByProjectIdOrderBySchemeVersionDesc(projectId)
                .map(scheme -> scheme.getViolations().stream()
                        .map(v -> new SchemeViolation(scheme.getSchemeVersion(), v.getRuleCode(), v.getArticle(),
                                v.getDescription(), v.getLimitValue(), v.getActualValue()))
                        .toList())
                .orElse(List.of());
    }

    private static String phaseLabel(String phase) {
        return phase == null ? null : Phase.named(phase).map(Phase::label).orElse(phase);
    }

    private static BigDecimal scaled(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }
}
