package cn.gonggaigong.projectpage;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.gonggaigong.attachment.AttachmentService;
import cn.gonggaigong.plan.AnnualPlanStatus;
import cn.gonggaigong.process.Phase;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.project.ProjectNotFoundException;
import cn.gonggaigong.project.ProjectRepository;
import cn.gonggaigong.agreement.AgreementMilestoneRepository;
import cn.gonggaigong.agreement.AgreementTasks;
import cn.gonggaigong.scheme.SchemeRepository;
import cn.gonggaigong.scheme.SchemeTasks;
import cn.gonggaigong.project.ProjectService;
import cn.gonggaigong.projectpage.ProjectPageViews.Diagram;
import cn.gonggaigong.projectpage.ProjectPageViews.MyProject;
import cn.gonggaigong.projectpage.ProjectPageViews.Overview;
import cn.gonggaigong.projectpage.ProjectPageViews.TimelineEntry;
import cn.gonggaigong.security.CurrentUser;
import cn.gonggaigong.security.ProjectAccess;
import cn.gonggaigong.task.ApiProblem;
import cn.gonggaigong.task.SystemRights;
import cn.gonggaigong.task.TaskItems;
import cn.gonggaigong.task.TaskQueries;
import cn.gonggaigong.task.TaskRow;
import cn.gonggaigong.task.UserDirectory;
import cn.gonggaigong.decision.DecisionLabels;
import cn.gonggaigong.decision.DecisionRecord;
import cn.gonggaigong.projectpage.ProjectPageViews.TimelineFact;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data of a project's page: its figures, its timeline (every decision: who, when, what, 文号, opinion), its
 * open tasks and the state of its diagrams (the lifecycle and the phase process it is in). Read with the engine's
 * rights after {@link ProjectAccess} allowed the caller to see the project.
 */
@Service
public class ProjectPageService {

    private final ProjectService projectService;
    private final ProjectRepository projects;
    private final ProjectAccess access;
    private final TaskQueries queries;
    private final TaskItems items;
    private final DecisionLabels labels;
    private final UserDirectory users;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final SystemRights system;
    private final NamedParameterJdbcTemplate jdbc;
    private final SchemeRepository schemes;
    private final AgreementMilestoneRepository milestones;
    private final ObjectMapper json;
    private final AttachmentService attachments;

    public ProjectPageService(ProjectService projectService, ProjectRepository projects, ProjectAccess access,
                              TaskQueries queries, TaskItems items, DecisionLabels labels,
                              UserDirectory users, HistoryService historyService, RepositoryService repositoryService,
                              SystemRights system, NamedParameterJdbcTemplate jdbc, SchemeRepository schemes,
                              AgreementMilestoneRepository milestones, ObjectMapper json,
                              AttachmentService attachments) {
        this.json = json;
        this.attachments = attachments;
        this.schemes = schemes;
        this.milestones = milestones;
        this.projectService = projectService;
        this.projects = projects;
        this.access = access;
        this.queries = queries;
        this.items = items;
        this.labels = labels;
        this.users = users;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.system = system;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Overview overview(long projectId) {
        CurrentUser user = CurrentUser.current();
        Project project = projects.findById(projectId).orElseThrow(() -> new ProjectNotFoundException(projectId));
        access.checkRead(user, project);
        List<TaskRow> own = queries.ofProject(projectId);
        List<TaskRow> open = new ArrayList<>(own);
        open.addAll(queries.ofProcessInstances(awaitedSharedSteps(project)));
        Map<String, String> assigneeNames = users.names(open.stream().map(TaskRow::assignee).toList());
        return new Overview(projectService.details(projectId), timeline(project),
                items.items(open, user), diagrams(project),
                schemes.findFirstByProjectIdOrderBySchemeVersionDesc(projectId).map(SchemeTasks::summary).orElse(null),
                milestones(projectId), assigneeNames, suspendedSince(project),
                ApplicationWithdrawal.allowed(project, user), ApplicationWithdrawal.instead(project, user),
                attachments.uploadRefusal(project, user, () -> own).map(ApiProblem::getMessage).orElse(null));
    }

    /**
     * Since when an administrator has the project's process suspended (挂起 in Cockpit): its lifecycle instance or a
     * phase instance it called, the earliest if several ({@code clock_suspension}, kept while an instance stands
     * suspended); null when none is.
     */
    private java.time.OffsetDateTime suspendedSince(Project project) {
        if (project.getProcessInstanceId() == null) {
            return null;
        }
        Timestamp since = jdbc.queryForObject("""
                select min(c.suspended_at) from clock_suspension c
                  join act_ru_execution e on e.id_ = c.process_instance_id
                 where e.root_proc_inst_id_ = :root""",
                new MapSqlParameterSource("root", project.getProcessInstanceId()), Timestamp.class);
        return since == null ? null : TaskItems.time(since.toInstant());
    }

    private List<ProjectPageViews.Milestone> milestones(long projectId) {
        java.time.LocalDate today = cn.gonggaigong.clock.WorkingDayCalendar.today();
        return milestones.findByProjectIdOrderByDeadlineAsc(projectId).stream()
                .map(m -> new ProjectPageViews.Milestone(m.getName(), m.getDeadline(), AgreementTasks.status(m, today),
                        AgreementTasks.explanation(m)))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<MyProject> mine() {
        CurrentUser user = CurrentUser.current();
        List<Long> ids = jdbc.queryForList("select id from project where applicant_user_id = :me order by id desc",
                new MapSqlParameterSource("me", user.userId()), Long.class);
        return projects.findAllById(ids).stream()
                .sorted(Comparator.comparing(Project::getId).reversed())
                .map(p -> new MyProject(p.getId(), p.getCode(), p.getName(), p.getTown().getName(), p.getPhase(),
                        TaskItems.phaseName(p.getPhase()), p.getStatus().name(), p.getStatus().label(),
                        TaskItems.time(p.getCreatedAt()), items.items(queries.ofProject(p.getId()), user)))
                .toList();
    }

    /** The BPMN XML of a deployed process (for the bpmn-js viewer); every logged-in user may read the models. */
    public String processXml(String processDefinitionId) {
        return system.call(() -> {
            ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                    .processDefinitionId(processDefinitionId).singleResult();
            if (definition == null) {
                throw ApiProblem.notFound("流程定义不存在");
            }
            try (var in = repositoryService.getProcessModel(processDefinitionId)) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * The processes shared with other projects that this one waits for: the annual plan it was put into, until the
     * government approves it, and its renovation unit's plan, until approved. Their open steps are the project's
     * current steps too (市自然资源局 编制年度实施计划 …), though they carry no project of their own.
     */
    private static List<String> awaitedSharedSteps(Project project) {
        List<String> instances = new ArrayList<>();
        if (project.getAnnualPlan() != null && project.getAnnualPlan().getStatus() != AnnualPlanStatus.APPROVED
                && project.getAnnualPlan().getProcessInstanceId() != null) {
            instances.add(project.getAnnualPlan().getProcessInstanceId());
        }
        if (project.getUnit() != null && !project.getUnit().isApproved() && project.getUnit().getProcessInstanceId() != null) {
            instances.add(project.getUnit().getProcessInstanceId());
        }
        return instances;
    }

    /**
     * Every decision about the project: its own steps, and those of its annual plan and its renovation unit's plan
     * (compiled and approved once for all their projects), each named after what it decided.
     */
    private List<TimelineEntry> timeline(Project project) {
        MapSqlParameterSource params = new MapSqlParameterSource("project", project.getId())
                .addValue("plan", project.getAnnualPlan() == null ? null : project.getAnnualPlan().getId(), java.sql.Types.BIGINT)
                .addValue("unit", project.getUnit() == null ? null : project.getUnit().getId(), java.sql.Types.BIGINT);
        return jdbc.query("""
                select d.decided_at, d.task_definition_key, d.task_name, d.actor, d.outcome, d.document_number,
                       d.opinion, d.reason_field, d.reason, d.facts::text as facts, h.proc_def_id_, h.proc_def_key_, a.title as plan_title,
                       u.code || ' ' || u.name as unit_title, m.meeting_date, m.kind as meeting_kind
                  from decision_record d
                  left join meeting m on m.id = d.meeting_id
                  left join act_hi_procinst h on h.id_ = d.process_instance_id
                  left join annual_plan a on a.id = d.annual_plan_id
                  left join renovation_unit u on u.id = d.unit_id
                 where d.project_id = :project or d.annual_plan_id = :plan or d.unit_id = :unit
                 order by d.decided_at, d.id
                """, params, (rs, n) -> {
            String definitionId = rs.getString("proc_def_id_");
            String taskKey = rs.getString("task_definition_key");
            String outcome = rs.getString("outcome");
            String processKey = rs.getString("proc_def_key_");
            String phase = Arrays.stream(Phase.values()).filter(p -> p.processId().equals(processKey))
                    .map(Phase::name).findFirst().orElse(null);
            String actor = rs.getString("actor");
            Timestamp at = rs.getTimestamp("decided_at");
            // A step of the annual plan or the unit's plan says which (not a phase of this project's own).
            String shared = rs.getString("plan_title") != null ? rs.getString("plan_title") : rs.getString("unit_title");
            return new TimelineEntry(TaskItems.time(at.toInstant()), taskKey, rs.getString("task_name"), phase,
                    phase == null && shared != null ? shared : TaskItems.phaseName(phase), actor, users.name(actor), outcome,
                    labels.decision(definitionId, taskKey, outcome), rs.getString("document_number"), rs.getString("opinion"),
                    rs.getString("meeting_kind") == null ? null : rs.getDate("meeting_date") + " "
                            + cn.gonggaigong.meeting.MeetingKind.valueOf(rs.getString("meeting_kind")).label(),
                    labels.reason(definitionId, taskKey, rs.getString("reason_field"), rs.getString("reason")),
                    facts(definitionId, taskKey, rs.getString("facts")));
        });
    }

    /** What the step recorded besides its decision (the model's decisionFacts), each after its field's label. */
    private List<TimelineFact> facts(String processDefinitionId, String taskKey, String recorded) {
        if (recorded == null) {
            return List.of();
        }
        List<DecisionRecord.Fact> facts;
        try {
            facts = json.readValue(recorded, new TypeReference<List<DecisionRecord.Fact>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision_record.facts is not a list of facts: " + recorded, e);
        }
        return labels.facts(processDefinitionId, taskKey, facts).stream()
                .map(f -> new TimelineFact(f.label(), f.value())).toList();
    }

    private List<Diagram> diagrams(Project project) {
        if (project.getProcessInstanceId() == null) {
            return List.of();
        }
        return system.call(() -> {
            List<Diagram> diagrams = new ArrayList<>();
            List<HistoricActivityInstance> lifecycle = activities(project.getProcessInstanceId());
            diagrams.add(diagram(project.getProcessInstanceId(), lifecycle));
            lifecycle.stream()
                    .filter(a -> a.getEndTime() == null && a.getCalledProcessInstanceId() != null)
                    .map(HistoricActivityInstance::getCalledProcessInstanceId)
                    .distinct()
                    .forEach(called -> diagrams.add(diagram(called, activities(called))));
            return diagrams;
        });
    }

    private List<HistoricActivityInstance> activities(String processInstanceId) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
    }

    private Diagram diagram(String processInstanceId, List<HistoricActivityInstance> activities) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        ProcessDefinition definition = repositoryService.getProcessDefinition(instance.getProcessDefinitionId());
        Set<String> active = new LinkedHashSet<>();
        Set<String> completed = new LinkedHashSet<>();
        for (HistoricActivityInstance a : activities) {
            if (a.getEndTime() == null) {
                active.add(a.getActivityId());
            } else if (!a.isCanceled()) {
                completed.add(a.getActivityId());
            }
        }
        return new Diagram(definition.getId(), definition.getKey(), definition.getName(), processInstanceId,
                List.copyOf(active), completed.stream().filter(Objects::nonNull).toList());
    }
}
