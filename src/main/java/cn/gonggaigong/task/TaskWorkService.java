package cn.gonggaigong.task;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.decision.DecisionRecord;
import cn.gonggaigong.decision.DecisionRecordRepository;
import cn.gonggaigong.form.FormCatalog;
import cn.gonggaigong.form.FormDefinition;
import cn.gonggaigong.form.FormValidator;
import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.project.ProjectRepository;
import cn.gonggaigong.project.TownRepository;
import cn.gonggaigong.security.CurrentUser;
import cn.gonggaigong.security.ProjectAccess;
import cn.gonggaigong.task.TaskModel.UserTaskFacts;
import cn.gonggaigong.task.TaskViews.Comment;
import cn.gonggaigong.task.TaskViews.ProjectSummary;
import cn.gonggaigong.task.TaskViews.SendBackTarget;
import cn.gonggaigong.task.TaskViews.SentBack;
import cn.gonggaigong.task.TaskViews.TaskDetails;
import cn.gonggaigong.task.TaskViews.TaskItem;
import cn.gonggaigong.task.TaskViews.TaskPage;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.DelegationState;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work on one task: read it with its form, claim, complete with the form's data, comment, transfer (转办),
 * delegate (委派), send back (退回). Our checks give the reason in Chinese first; then the engine does the work as
 * the current user, so Camunda's authorizations apply as well. Every method that works on a task is one transaction
 * (the engine works in Spring's), so nothing is saved when any part fails.
 */
@Service
public class TaskWorkService {

    /** The largest page of {@link #list}. */
    static final int MAX_LIST_SIZE = 200;
    /** The most tasks {@link #context} answers at once (a Tasklist page lists 15). */
    static final int MAX_CONTEXT_IDS = 100;

    static final String NOT_FOUND = "任务不存在或已办结";
    static final String FORM_REJECTED = "表单校验未通过";
    static final String SENT_BACK = "SENT_BACK";
    private static final String SENT_BACK_TO = "退回至“";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingDayCalendar.ZONE);

    private final TaskQueries queries;
    private final TaskItems items;
    private final TaskModel model;
    private final FormCatalog forms;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final ProjectRepository projects;
    private final DecisionRecordRepository decisions;
    private final ProjectAccess access;
    private final UserDirectory users;
    private final SystemRights system;
    private final CompletionGuard guard;
    private final List<TaskContext> contexts;
    private final TownRepository towns;

    public TaskWorkService(TaskQueries queries, TaskItems items, TaskModel model, FormCatalog forms,
                           TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
                           ProjectRepository projects, DecisionRecordRepository decisions, ProjectAccess access,
                           UserDirectory users, SystemRights system, CompletionGuard guard,
                           List<TaskContext> contexts, TownRepository towns) {
        this.towns = towns;
        this.queries = queries;
        this.items = items;
        this.model = model;
        this.forms = forms;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.projects = projects;
        this.decisions = decisions;
        this.access = access;
        this.users = users;
        this.system = system;
        this.guard = guard;
        this.contexts = List.copyOf(contexts);
    }

    /** No transaction: the list is one statement ({@link TaskQueries#mine}), a transaction would only add its round trips. */
    public TaskPage list(String phase, String town, Boolean overdue, String q, int page, int size) {
        FieldProblem.ofPhase(phase).or(() -> towns.unknownTown(town)).ifPresent(problem -> {
            throw ApiProblem.badField(FieldProblem.BAD_PARAMETERS, problem.field(), problem.reason());
        });
        FieldProblem.ofPage(page, size, MAX_LIST_SIZE).ifPresent(problem -> {
            throw ApiProblem.badRequest(FieldProblem.BAD_PARAMETERS, List.of(problem));
        });
        CurrentUser user = CurrentUser.current();
        TaskQueries.Page result = queries.mine(new TaskQueries.Filter(user.userId(), user.groups(), access.readsAll(user),
                phase, blankToNull(town), overdue, blankToNull(q), null, null), page, size, TaskItems.now());
        List<TaskItem> rows = items.items(result.rows(), user);
        return new TaskPage(rows, result.total(), result.totalCapped(), page, size,
                users.names(rows.stream().map(TaskItem::assignee).toList()));
    }

    /**
     * The project context of some open tasks, for Camunda's Tasklist, which lists a task by its name and process alone:
     * the tasks the user may read, in the order asked; those closed or not the user's to read are left out.
     */
    @Transactional(readOnly = true)
    public List<TaskItem> context(List<String> taskIds) {
        List<String> ids = taskIds.stream().map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
        if (ids.isEmpty()) {
            throw ApiProblem.badField(FieldProblem.BAD_PARAMETERS, "ids", "必填");
        }
        if (ids.size() > MAX_CONTEXT_IDS) {
            throw ApiProblem.badField(FieldProblem.BAD_PARAMETERS, "ids", "最多" + MAX_CONTEXT_IDS + "个");
        }
        CurrentUser user = CurrentUser.current();
        Map<String, TaskRow> found = new java.util.HashMap<>();
        queries.byIds(ids).forEach(row -> found.put(row.taskId(), row));
        List<TaskRow> readable = ids.stream().map(found::get)
                .filter(row -> row != null && items.canRead(row, user)).toList();
        return items.items(readable, user);
    }

    @Transactional(readOnly = true)
    public TaskDetails details(String taskId) {
        CurrentUser user = CurrentUser.current();
        TaskRow row = readable(taskId, user);
        UserTaskFacts facts = model.of(row.processDefinitionId(), row.taskDefinitionKey());
        Optional<FormDefinition> form = forms.find(facts.formId());
        Map<String, Object> data = new LinkedHashMap<>();
        form.ifPresent(f -> {
            Map<String, Object> variables = system.call(() -> taskService.getVariables(taskId,
                    f.fields().stream().map(cn.gonggaigong.form.FormField::key).toList()));
            variables.forEach((k, v) -> data.put(k, v instanceof Date d ? TaskItems.time(d.toInstant()) : v));
            contextValues(row, f).forEach(data::putIfAbsent); // what the process holds comes first
        });
        ProjectSummary project = row.projectId() == null ? null : projects.findById(row.projectId())
                .map(TaskWorkService::summary).orElse(null);
        boolean canWork = items.canWork(row, user);
        TaskItem item = items.item(row, user);
        SendBackTarget sendBackTo = sendBackTarget(row, facts);
        return new TaskDetails(item, users.name(item.assignee()), users.name(item.owner()), form.<com.fasterxml.jackson.databind.JsonNode>map(FormDefinition::schema)
                .orElse(emptyForm()), data, project, canWork, canWork && sendBackTo != null, sendBackTo, sentBack(row),
                facts.decisionVariable() == null || facts.endsProject().isEmpty() ? null
                        : new TaskViews.Ending(facts.decisionVariable(), facts.endsProject(), facts.endsProjectUnless()));
    }

    /**
     * What the task's form shows that no variable holds ({@link TaskContext}: read-only context, first values), by
     * field key, for the fields the form has; empty for a task that is not open or has no form. The caller has been
     * found to read the task (the page's details, or Camunda's answer to Tasklist, {@link EngineFormContextFilter}).
     */
    @Transactional(readOnly = true)
    public Map<String, Object> contextValues(String taskId) {
        Optional<TaskRow> row = queries.byId(taskId);
        if (row.isEmpty()) {
            return Map.of();
        }
        return forms.find(model.of(row.get().processDefinitionId(), row.get().taskDefinitionKey()).formId())
                .map(f -> contextValues(row.get(), f)).orElse(Map.of());
    }

    private Map<String, Object> contextValues(TaskRow row, FormDefinition form) {
        Map<String, Object> values = new LinkedHashMap<>();
        contexts.stream().filter(c -> c.appliesTo(row.taskDefinitionKey()))
                .map(c -> c.values(row, name -> system.call(() -> taskService.getVariable(row.taskId(), name))))
                .forEach(found -> found.forEach((k, v) -> {
                    if (v != null && form.field(k).isPresent()) {
                        values.putIfAbsent(k, v);
                    }
                }));
        return values;
    }

    /**
     * The earlier step this task goes back to: the model's one, or of the several it names (one per path into the
     * task, user tasks all), the one this process instance finished last; null where the model allows none.
     */
    private SendBackTarget sendBackTarget(TaskRow row, UserTaskFacts facts) {
        List<SendBackTarget> targets = facts.sendBackTargets();
        if (targets.size() <= 1) {
            return targets.isEmpty() ? null : targets.get(0);
        }
        String[] ids = targets.stream().map(SendBackTarget::activityId).toArray(String[]::new);
        List<HistoricTaskInstance> last = system.call(() -> historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(row.processInstanceId()).taskDefinitionKeyIn(ids).finished()
                .orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1));
        return last.stream().findFirst()
                .flatMap(done -> targets.stream().filter(t -> t.activityId().equals(done.getTaskDefinitionKey())).findFirst())
                .orElse(null);
    }

    /**
     * Why the task is open again, when a later step sent it back ({@link #sendBack}): that send-back's record, taken in
     * the same transaction that made this task, so within a minute before the task's creation, naming this task.
     */
    private SentBack sentBack(TaskRow row) {
        if (row.createdAt() == null) {
            return null;
        }
        String prefix = SENT_BACK_TO + row.taskName() + "”：";
        return decisions.findByProcessInstanceIdAndOutcomeAndDecidedAtBetweenOrderByDecidedAtDescIdDesc(
                        row.processInstanceId(), SENT_BACK, row.createdAt().minusSeconds(60), row.createdAt().plusSeconds(1))
                .stream().filter(r -> r.getOpinion() != null && r.getOpinion().startsWith(prefix)).findFirst()
                .map(r -> new SentBack(r.getTaskName(), r.getActor(), users.name(r.getActor()),
                        TaskItems.time(r.getDecidedAt()), r.getOpinion().substring(prefix.length())))
                .orElse(null);
    }

    @Transactional
    public void claim(String taskId) {
        CurrentUser user = CurrentUser.current();
        TaskRow row = workable(taskId, user);
        if (row.assignee() != null) {
            if (row.assignee().equals(user.userId())) {
                return;
            }
            throw heldBy(row);
        }
        try {
            taskService.claim(taskId, user.userId());
        } catch (TaskAlreadyClaimedException e) {
            throw ApiProblem.conflict("该任务已由 " + users.name(e.getTaskAssignee()) + "（" + e.getTaskAssignee() + "）认领");
        }
    }

    @Transactional
    public void unclaim(String taskId) {
        CurrentUser user = CurrentUser.current();
        TaskRow row = workable(taskId, user);
        if (row.assignee() == null) {
            return;
        }
        TaskItems.whyNotReleasable(row, user.userId(), users).ifPresent(reason -> {
            throw ApiProblem.conflict(reason);
        });
        taskService.setAssignee(taskId, null);
    }

    /** Completes the task with the form's data, as the current user. */
    @Transactional
    public void complete(String taskId, Map<String, Object> submitted) {
        CurrentUser user = CurrentUser.current();
        TaskRow row = completable(taskId, user);
        Map<String, Object> variables = checkedValues(row, submitted, true);
        try {
            CompletionGuard.completeChecked(taskId, () -> taskService.complete(taskId, variables));
        } catch (NullValueException | NotFoundException gone) {
            // Completed by someone else between our check and the engine's: say who, from history.
            throw notOpen(taskId, user);
        }
    }

    /**
     * Judges the form's data as {@link #complete} would, and stores nothing: the page asks before an answer that
     * cannot be taken back, and only once the server would take it.
     */
    @Transactional(readOnly = true)
    public void check(String taskId, Map<String, Object> submitted) {
        checkedValues(completable(taskId, CurrentUser.current()), submitted, true);
    }

    /** The task, where {@code user} may complete it now: theirs or their office's, and not delegated to another. */
    private TaskRow completable(String taskId, CurrentUser user) {
        TaskRow row = workable(taskId, user);
        ownable(row, user);
        if (DelegationState.PENDING.name().equals(row.delegationState())) {
            throw ApiProblem.conflict("该任务已委派给 " + users.name(row.assignee()) + "（" + row.assignee()
                    + "），须由其办理后交回，才能完成");
        }
        return row;
    }

    /**
     * The delegate (委派) hands the task back to its owner with what they filled in: required fields may wait for the
     * owner, but what is filled in is checked as on completion (dates in order, figures that agree), and the hand-back
     * is a comment among the task's 办理意见, as the delegation is.
     */
    @Transactional
    public void resolve(String taskId, Map<String, Object> submitted) {
        CurrentUser user = CurrentUser.current();
        TaskRow row = workable(taskId, user);
        if (!DelegationState.PENDING.name().equals(row.delegationState()) || !user.userId().equals(row.assignee())) {
            throw ApiProblem.conflict("该任务没有委派给您，无需交回");
        }
        Map<String, Object> variables = checkedValues(row, submitted, false);
        String owner = row.owner() == null ? "委派人" : users.name(row.owner()) + "（" + row.owner() + "）";
        taskService.createComment(taskId, row.processInstanceId(), "办理完毕，交回 " + owner);
        taskService.resolveTask(taskId, variables);
    }

    /**
     * The form's values, typed, once they pass the form's own rules (as form-js checks them in the browser) and the
     * task's rules across fields (dates in order, figures that agree, what an answer requires), both said in one
     * answer: before, a rule's problem appeared only after every field's own was mended, in a second round. A partial
     * form (a hand-back, {@code complete} false) may leave required fields to the owner and is judged by the rules
     * only on what it holds.
     */
    private Map<String, Object> checkedValues(TaskRow row, Map<String, ?> submitted, boolean complete) {
        UserTaskFacts facts = model.of(row.processDefinitionId(), row.taskDefinitionKey());
        FormDefinition form = forms.find(facts.formId()).orElse(FormDefinition.of(emptyForm()));
        FormValidator.Result result = FormValidator.validate(form, submitted, "");
        Map<String, Object> variables = result.variables();
        List<FieldProblem> own = complete ? result.problems() : result.problems().stream()
                .filter(p -> !FormValidator.REQUIRED.equals(p.reason())).toList();
        List<FieldProblem> ruled = guard.ruled(row, variables).stream()
                .filter(p -> complete || variables.get(CompletionGuard.fieldOf(p)) != null).toList();
        List<FieldProblem> problems = CompletionGuard.together(own, ruled);
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest(FORM_REJECTED, problems);
        }
        return variables;
    }

    @Transactional(readOnly = true)
    public List<Comment> comments(String taskId) {
        CurrentUser user = CurrentUser.current();
        TaskRow row = readable(taskId, user);
        return system.call(() -> taskService.getTaskComments(row.taskId())).stream()
                .map(c -> new Comment(c.getId(), c.getUserId(), users.name(c.getUserId()),
                        TaskItems.time(c.getTime().toInstant()), c.getFullMessage()))
                .toList();
    }

    @Transactional
    public Comment comment(String taskId, String message) {
        CurrentUser user = CurrentUser.current();
        TaskRow row = workable(taskId, user);
        String text = required(message, "message", "意见内容");
        if (text.length() > 4000) {
            throw ApiProblem.badField("意见内容过长", "message", "长度不能超过4000个字符");
        }
        org.camunda.bpm.engine.task.Comment c = taskService.createComment(row.taskId(), row.processInstanceId(), text);
        return new Comment(c.getId(), c.getUserId(), users.name(c.getUserId()), TaskItems.time(c.getTime().toInstant()),
                c.getFullMessage());
    }

    /** Whom the caller may transfer or delegate the task to: the members of its candidate groups but the caller. */
    @Transactional(readOnly = true)
    public List<UserDirectory.Person> colleagues(String taskId) {
        CurrentUser user = CurrentUser.current();
        TaskRow row = workable(taskId, user);
        return users.members(row.candidateGroups()).stream().filter(p -> !p.userId().equals(user.userId())).toList();
    }

    /** 转办: hands the task to a colleague who is in one of the task's candidate groups; the reason is a comment. */
    @Transactional
    public void transfer(String taskId, String userId, String reason) {
        CurrentUser user = CurrentUser.current();
        TaskRow row = workable(taskId, user);
        ownable(row, user);
        String target = colleague(row, userId, user);
        String why = required(reason, "reason", "转办理由");
        taskService.createComment(taskId, row.processInstanceId(), transferComment(users.name(target), target, why));
        taskService.setAssignee(taskId, target);
    }

    static final String TRANSFER_PREFIX = "转办给 ";

    /** The comment a 转办 leaves among the task's 办理意见; its 【转交】 notice reads the reason from it. */
    static String transferComment(String targetName, String target, String reason) {
        return TRANSFER_PREFIX + targetName + "（" + target + "）：" + reason;
    }

    /** The reason of a 转办 from its comment ({@link #transferComment}); empty for any other comment. */
    static java.util.Optional<String> transferReason(String comment) {
        int colon = comment == null || !comment.startsWith(TRANSFER_PREFIX) ? -1 : comment.indexOf("）：");
        return colon < 0 ? java.util.Optional.empty() : java.util.Optional.of(comment.substring(colon + 2));
    }

    /** 委派: a colleague works on the task and hands it back ({@link #resolve}); the caller stays its owner. */
    @Transactional
    public void delegate(String taskId, String userId) {
        CurrentUser user = CurrentUser.current();
        TaskRow row = workable(taskId, user);
        ownable(row, user);
        if (DelegationState.PENDING.name().equals(row.delegationState())) {
            throw ApiProblem.conflict("该任务已委派给 " + users.name(row.assignee()) + "，尚未交回");
        }
        String target = colleague(row, userId, user);
        if (row.assignee() == null) {
            taskService.claim(taskId, user.userId());
        }
        taskService.createComment(taskId, row.processInstanceId(), "委派给 " + users.name(target) + "（" + target + "）办理");
        taskService.delegateTask(taskId, target);
    }

    /**
     * 退回: back to the earlier step the model names ({@code sendBackTo}), with the reason recorded as a comment
     * and in the project's decisions. The move itself is a process instance modification done with the engine's
     * rights, after checking that the user may work on the task.
     */
    @Transactional
    public void sendBack(String taskId, String reason) {
        CurrentUser user = CurrentUser.current();
        TaskRow row = workable(taskId, user);
        ownable(row, user);
        SendBackTarget target = sendBackTarget(row, model.of(row.processDefinitionId(), row.taskDefinitionKey()));
        if (target == null) {
            throw ApiProblem.badField("该环节不允许退回", "taskId", "流程模型未规定“" + row.taskName() + "”可以退回");
        }
        String why = required(reason, "reason", "退回理由");
        taskService.createComment(taskId, row.processInstanceId(), "退回至“" + target.name() + "”：" + why);
        DecisionRecord record = new DecisionRecord(row.processInstanceId(), row.taskDefinitionKey(), row.taskName(),
                user.userId(), TaskItems.now(), SENT_BACK, null, SENT_BACK_TO + target.name() + "”：" + why);
        if (row.projectId() != null) {
            record.setProject(projects.getReferenceById(row.projectId()));
        }
        decisions.save(record);
        system.run(() -> runtimeService.createProcessInstanceModification(row.processInstanceId())
                .startBeforeActivity(target.activityId())
                .cancelAllForActivity(row.taskDefinitionKey())
                .execute());
    }

    /** The form data of a task, checked and typed; 400 with every bad field. */
    /** An open task the user may read; 404/409 when it is not open, 403 when it is another office's. */
    public TaskRow readable(String taskId, CurrentUser user) {
        TaskRow row = queries.byId(taskId).orElseThrow(() -> notOpen(taskId, user));
        if (!items.canRead(row, user)) {
            throw ApiProblem.forbidden(TaskItems.unreadable(row));
        }
        return row;
    }

    /** An open task the user may work on. */
    public TaskRow workable(String taskId, CurrentUser user) {
        TaskRow row = readable(taskId, user);
        if (!items.canWork(row, user)) {
            throw ApiProblem.forbidden(TaskItems.readOnly(row));
        }
        return row;
    }

    /** Only the assignee works on a claimed task: a colleague's claim is a conflict. */
    private void ownable(TaskRow row, CurrentUser user) {
        if (row.assignee() != null && !row.assignee().equals(user.userId())) {
            throw heldBy(row);
        }
    }

    private ApiProblem heldBy(TaskRow row) {
        return ApiProblem.conflict("该任务已由 " + users.name(row.assignee()) + "（" + row.assignee() + "）认领");
    }


    private String colleague(TaskRow row, String userId, CurrentUser user) {
        String target = required(userId, "userId", "接收人");
        if (target.equals(user.userId())) {
            throw ApiProblem.badField("接收人无效", "userId", "不能转给自己");
        }
        if (!users.exists(target)) {
            throw ApiProblem.badField("接收人无效", "userId", "用户不存在");
        }
        if (!users.inAnyGroup(target, row.candidateGroups())) {
            throw ApiProblem.badField("接收人无效", "userId", "该用户不属于本任务的办理部门");
        }
        return target;
    }

    /** 409 with who completed it and when (from history), 404 when there never was such a task. */
    private ApiProblem notOpen(String taskId, CurrentUser user) {
        HistoricTaskInstance done = system.call(() -> historyService.createHistoricTaskInstanceQuery()
                .taskId(taskId).singleResult());
        if (done == null || done.getEndTime() == null) {
            return ApiProblem.notFound(NOT_FOUND);
        }
        Long projectId = system.call(() -> historyService.createHistoricVariableInstanceQuery()
                        .processInstanceId(done.getProcessInstanceId())
                        .variableName(ProjectLifecycleProcess.Var.PROJECT_ID).list())
                .stream().map(HistoricVariableInstance::getValue).filter(Number.class::isInstance)
                .map(v -> ((Number) v).longValue()).findFirst().orElse(null);
        if (projectId != null) {
            Optional<Project> project = projects.findById(projectId);
            if (project.isPresent() && !access.canRead(user, project.get())) {
                return ApiProblem.forbidden("无权查看该任务：项目 " + project.get().getCode() + " 属于"
                        + project.get().getTown().getName() + "，您不是其所在乡镇、改造主体或市级审批部门的人员");
            }
        }
        String when = MINUTE.format(done.getEndTime().toInstant());
        if (!"completed".equals(done.getDeleteReason())) {
            return ApiProblem.conflict("该任务已于 " + when + " 撤销或退回，不能再办理");
        }
        String who = system.call(() -> historyService.createUserOperationLogQuery().taskId(taskId)
                        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
                .stream().map(UserOperationLogEntry::getUserId).filter(java.util.Objects::nonNull).findFirst()
                .orElse(done.getAssignee());
        return ApiProblem.conflict(who == null ? "该任务已于 " + when + " 办理"
                : "该任务已由 " + users.name(who) + "（" + who + "）于 " + when + " 办理");
    }

    static ProjectSummary summary(Project p) {
        return new ProjectSummary(p.getId(), p.getCode(), p.getName(), p.getTown().getCode(), p.getTown().getName(),
                p.getApplicantName(), p.getPhase(), TaskItems.phaseName(p.getPhase()), p.getStatus().name(),
                p.getStatus().label());
    }

    private static String required(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badField(what + "不能为空", field, "必填");
        }
        return value.trim();
    }

    private static ObjectNode emptyForm() {
        ObjectNode form = JsonNodeFactory.instance.objectNode();
        form.putArray("components");
        form.put("type", "default");
        return form;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
