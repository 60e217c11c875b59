package cn.gonggaigong.meeting;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.gonggaigong.decision.DecisionRecord;
import cn.gonggaigong.decision.DecisionRecordRepository;
import cn.gonggaigong.decision.DecisionRecorder;
import cn.gonggaigong.form.FormCatalog;
import cn.gonggaigong.form.FormDefinition;
import cn.gonggaigong.form.FormField;
import cn.gonggaigong.form.FormValidator;
import cn.gonggaigong.meeting.MeetingViews.Agenda;
import cn.gonggaigong.meeting.MeetingViews.AgendaItem;
import cn.gonggaigong.meeting.MeetingViews.DecisionRequest;
import cn.gonggaigong.meeting.MeetingViews.DecisionView;
import cn.gonggaigong.meeting.MeetingViews.MeetingRequest;
import cn.gonggaigong.meeting.MeetingViews.MeetingView;
import cn.gonggaigong.meeting.MeetingViews.Option;
import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.security.CurrentUser;
import cn.gonggaigong.security.ProjectAccess;
import cn.gonggaigong.task.ApiProblem;
import cn.gonggaigong.task.TaskItems;
import cn.gonggaigong.task.TaskModel;
import cn.gonggaigong.task.TaskQueries;
import cn.gonggaigong.task.CompletionGuard;
import cn.gonggaigong.task.TaskRow;
import cn.gonggaigong.task.UserDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meeting decisions (会议决定): one meeting of the planning committee or the municipal government decides many
 * projects' tasks at once. Every entry is checked first (the task is open, on this kind of agenda, the caller's
 * to work on, and its decision and fields pass the task's form); any bad entry → 400 naming it and nothing done.
 * Then the meeting is saved and each task completed as the caller, all in one transaction.
 */
@Service
public class MeetingService {

    static final String REJECTED = "会议决定校验未通过";
    /** The unique index on meeting.document_number (Flyway V49). */
    static final String DOCUMENT_NUMBER_INDEX = "meeting_document_number_key";
    private static final String DATE = "date";

    private final TaskQueries queries;
    private final TaskItems items;
    private final TaskModel model;
    private final FormCatalog forms;
    private final TaskService taskService;
    private final DecisionRecordRepository decisions;
    private final ProjectAccess access;
    private final UserDirectory users;
    private final NamedParameterJdbcTemplate jdbc;
    private final CompletionGuard guard;

    public MeetingService(TaskQueries queries, TaskItems items, TaskModel model, FormCatalog forms,
                          TaskService taskService, DecisionRecordRepository decisions, ProjectAccess access,
                          UserDirectory users, NamedParameterJdbcTemplate jdbc, CompletionGuard guard) {
        this.guard = guard;
        this.queries = queries;
        this.items = items;
        this.model = model;
        this.forms = forms;
        this.taskService = taskService;
        this.decisions = decisions;
        this.access = access;
        this.users = users;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Agenda agenda(String kindName) {
        MeetingKind kind = kind(kindName).orElseThrow(() -> ApiProblem.badField(FieldProblem.BAD_PARAMETERS, "kind", kindReason()));
        CurrentUser user = CurrentUser.current();
        checkMember(user, kind);
        TaskQueries.Page page = queries.mine(new TaskQueries.Filter(user.userId(), user.groups(), access.readsAll(user),
                null, null, null, null, kind.taskDefinitionKeys(), null), 0, 1000, TaskItems.now());
        List<AgendaItem> agenda = new ArrayList<>();
        List<cn.gonggaigong.task.TaskViews.TaskItem> listed = items.items(page.rows(), user); // one statement for the page, not one per task
        for (int i = 0; i < page.rows().size(); i++) {
            TaskRow row = page.rows().get(i);
            TaskModel.UserTaskFacts facts = model.of(row.processDefinitionId(), row.taskDefinitionKey());
            Optional<FormDefinition> form = forms.find(facts.formId());
            Optional<FormField> decision = form.flatMap(f -> Optional.ofNullable(facts.decisionVariable()).flatMap(f::field));
            List<Option> options = decision.map(d -> d.options().stream()
                    .map(o -> new Option(o.value().isBoolean() ? o.value().booleanValue() : o.value().asText(), o.label()))
                    .toList()).orElse(List.of());
            List<JsonNode> extra = new ArrayList<>();
            form.ifPresent(f -> f.schema().path("components").forEach(c -> {
                if (c.hasNonNull("key") && !c.path("disabled").asBoolean(false)
                        && f.field(c.get("key").asText()).map(ff -> !filledByMeeting(ff, facts.decisionVariable())).orElse(false)) {
                    extra.add(c);
                }
            }));
            agenda.add(new AgendaItem(listed.get(i), facts.decisionVariable(),
                    decision.map(FormField::label).orElse(null), options, extra, facts.endsProject(),
                    facts.endsProjectUnless()));
        }
        return new Agenda(kind, kind.label(), agenda);
    }

    /**
     * Judges a meeting as {@link #record} would, and stores nothing: the page asks before decisions that end projects,
     * and only once the server would take them.
     */
    @Transactional(readOnly = true)
    public void check(MeetingRequest request) {
        checked(request, CurrentUser.current());
    }

    @Transactional
    public MeetingView record(MeetingRequest request) {
        CurrentUser user = CurrentUser.current();
        Checked checked = checked(request, user);
        MeetingKind kind = checked.kind();
        LocalDate date = checked.date();
        String documentNumber = checked.documentNumber();
        List<Planned> planned = checked.planned();

        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update("""
                    insert into meeting (kind, meeting_date, document_number, minutes, recorded_by, recorded_at)
                    values (:kind, :date, :number, :minutes, :by, :at)
                    """, new MapSqlParameterSource().addValue("kind", kind.name()).addValue("date", date)
                    .addValue("number", documentNumber).addValue("minutes", request.minutes().trim())
                    .addValue("by", user.userId()).addValue("at", Timestamp.from(TaskItems.now())), key, new String[]{"id"});
        } catch (DuplicateKeyException e) {
            // Another clerk recorded a meeting under this 文号 while this one was being checked (V49's unique index);
            // nothing of this one is saved, and the transaction can no longer read which meeting that was.
            if (!String.valueOf(e.getMessage()).contains(DOCUMENT_NUMBER_INDEX)) {
                throw e;
            }
            throw ApiProblem.badRequest(REJECTED, List.of(new FieldProblem("documentNumber",
                    "该文号刚刚已由另一次会议登记使用，请刷新会议列表后核对文号")));
        }
        long meetingId = key.getKey().longValue();
        for (int i = 0; i < planned.size(); i++) {
            Planned p = planned.get(i);
            CompletionGuard.completeChecked(p.row().taskId(), () -> taskService.complete(p.row().taskId(), p.variables()));
            Long recordId = decisions.findFirstByProcessInstanceIdAndTaskDefinitionKeyOrderByDecidedAtDescIdDesc(
                    p.row().processInstanceId(), p.row().taskDefinitionKey()).map(DecisionRecord::getId).orElse(null);
            if (recordId != null) {
                jdbc.update("update decision_record set meeting_id = :meeting where id = :id",
                        new MapSqlParameterSource("meeting", meetingId).addValue("id", recordId));
            }
            jdbc.update("""
                    insert into meeting_decision (meeting_id, position, task_id, task_definition_key, task_name,
                                                  process_instance_id, project_id, decision, opinion, decision_record_id)
                    values (:meeting, :position, :task, :key, :name, :instance, :project, :decision, :opinion, :record)
                    """, new MapSqlParameterSource("meeting", meetingId).addValue("position", i)
                    .addValue("task", p.row().taskId()).addValue("key", p.row().taskDefinitionKey())
                    .addValue("name", p.row().taskName()).addValue("instance", p.row().processInstanceId())
                    .addValue("project", p.row().projectId()).addValue("decision", String.valueOf(p.decision()))
                    .addValue("opinion", p.opinion()).addValue("record", recordId));
        }
        return find(meetingId);
    }

    /** A meeting that passed every check, with its decisions planned. */
    private record Checked(MeetingKind kind, LocalDate date, String documentNumber, List<Planned> planned) {
    }

    /** The meeting's problems, all at once, as a 400; else the meeting, checked. */
    private Checked checked(MeetingRequest request, CurrentUser user) {
        if (request == null) {
            throw ApiProblem.badField(REJECTED, "body", "请求体缺失");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Optional<MeetingKind> kind = kind(request.kind());
        if (kind.isEmpty()) {
            problems.add(new FieldProblem("kind", request.kind() == null || request.kind().isBlank() ? "必填" : kindReason()));
        }
        LocalDate date = null;
        if (request.date() == null || request.date().isBlank()) {
            problems.add(new FieldProblem(DATE, "必填"));
        } else {
            try {
                date = LocalDate.parse(request.date().trim());
                LocalDate today = cn.gonggaigong.clock.WorkingDayCalendar.today();
                if (date.isAfter(today)) {
                    problems.add(new FieldProblem(DATE, "不能晚于今天（" + today + "）：登记已经召开的会议"));
                    date = null;
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(DATE, "日期格式应为YYYY-MM-DD"));
            }
        }
        String documentNumber = request.documentNumber() == null ? "" : request.documentNumber().trim();
        if (documentNumber.isEmpty()) {
            problems.add(new FieldProblem("documentNumber", "必填"));
        } else if (documentNumber.length() > 100) {
            problems.add(new FieldProblem("documentNumber", "长度不能超过100个字符"));
        } else {
            // One 文号 names one meeting's minutes: a second meeting under it is a typing slip, or the same meeting twice.
            jdbc.query("select kind, meeting_date from meeting where document_number = :number order by id limit 1",
                    new MapSqlParameterSource("number", documentNumber), rs -> {
                        problems.add(new FieldProblem("documentNumber", "该文号已用于 " + rs.getDate("meeting_date")
                                + " 的" + MeetingKind.valueOf(rs.getString("kind")).label() + "，请核对文号"));
                    });
        }
        if (request.minutes() == null || request.minutes().isBlank()) {
            problems.add(new FieldProblem("minutes", "必填"));
        }
        if (request.decisions() == null || request.decisions().isEmpty()) {
            problems.add(new FieldProblem("decisions", "至少需要一项会议决定"));
        }
        List<Planned> planned = new ArrayList<>();
        if (kind.isPresent() && request.decisions() != null && !request.decisions().isEmpty()) {
            checkMember(user, kind.get());
            // Every project's problems with the meeting's at once. While the meeting's date or 文号 is wrong, the
            // projects are checked with stand-ins for them, so that only the meeting's fields carry those problems.
            boolean meetingValid = problems.isEmpty();
            LocalDate itemDate = meetingValid ? date : LocalDate.of(2000, 1, 1);
            String itemNumber = meetingValid ? documentNumber : "-";
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < request.decisions().size(); i++) {
                plan(i, request.decisions().get(i), kind.get(), itemDate, itemNumber, user, seen, problems)
                        .ifPresent(planned::add);
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest(REJECTED, problems);
        }
        return new Checked(kind.get(), date, documentNumber, planned);
    }

    @Transactional(readOnly = true)
    public List<MeetingView> list() {
        checkReader(CurrentUser.current());
        return jdbc.queryForList("select id from meeting order by meeting_date desc, id desc limit 200", Map.of(), Long.class)
                .stream().map(this::find).toList();
    }

    @Transactional(readOnly = true)
    public MeetingView get(long id) {
        checkReader(CurrentUser.current());
        return find(id);
    }

    private record Planned(TaskRow row, Map<String, Object> variables, Object decision, String opinion) {
    }

    private Optional<Planned> plan(int i, DecisionRequest entry, MeetingKind kind, LocalDate date, String documentNumber,
                                   CurrentUser user, Set<String> seen, List<FieldProblem> problems) {
        String prefix = "decisions[" + i + "].";
        if (entry == null || entry.taskId() == null || entry.taskId().isBlank()) {
            problems.add(new FieldProblem(prefix + "taskId", "必填"));
            return Optional.empty();
        }
        if (!seen.add(entry.taskId())) {
            problems.add(new FieldProblem(prefix + "taskId", "同一任务重复出现"));
            return Optional.empty();
        }
        Optional<TaskRow> found = queries.byId(entry.taskId());
        if (found.isEmpty()) {
            problems.add(new FieldProblem(prefix + "taskId", "任务不存在或已办结"));
            return Optional.empty();
        }
        TaskRow row = found.get();
        if (!kind.taskDefinitionKeys().contains(row.taskDefinitionKey())) {
            problems.add(new FieldProblem(prefix + "taskId", "“" + row.taskName() + "”不是" + kind.label() + "决定的事项"));
            return Optional.empty();
        }
        if (!items.canWork(row, user)) {
            problems.add(new FieldProblem(prefix + "taskId", "无权办理该任务"));
            return Optional.empty();
        }
        if (row.assignee() != null && !row.assignee().equals(user.userId())) {
            problems.add(new FieldProblem(prefix + "taskId", "该任务已由 " + users.name(row.assignee()) + " 认领"));
            return Optional.empty();
        }
        TaskModel.UserTaskFacts facts = model.of(row.processDefinitionId(), row.taskDefinitionKey());
        FormDefinition form = forms.find(facts.formId()).orElseThrow();
        Map<String, Object> values = new LinkedHashMap<>(entry.fields() == null ? Map.of() : entry.fields());
        for (FormField field : form.fields()) {
            if (field.key().equals(facts.decisionVariable())) {
                values.put(field.key(), entry.decision());
            } else if (field.key().equals(DecisionRecorder.DOCUMENT_NUMBER)) {
                values.put(field.key(), documentNumber);
            } else if (field.key().equals(DecisionRecorder.OPINION)) {
                values.put(field.key(), entry.opinion());
            } else if (field.isDate() && !values.containsKey(field.key())) {
                values.put(field.key(), date.toString());
            }
        }
        FormValidator.Result result = FormValidator.validate(form, values, prefix);
        for (FieldProblem problem : result.problems()) {
            problems.add(problem.field().equals(prefix + facts.decisionVariable())
                    ? new FieldProblem(prefix + "decision", problem.reason())
                    : problem.field().startsWith(prefix) && !problem.field().equals(prefix + DecisionRecorder.OPINION)
                    ? new FieldProblem(prefix + "fields." + problem.field().substring(prefix.length()), problem.reason())
                    : problem);
        }
        if (!result.valid()) {
            return Optional.empty();
        }
        // The task's own rules, as on its page (a scheme sent back carries what to revise, dates in order…).
        List<FieldProblem> ruled = guard.ruled(row, result.variables());
        for (FieldProblem problem : ruled) {
            String field = problem.field();
            FormField formField = form.field(field).orElse(null);
            problems.add(new FieldProblem(field.equals(facts.decisionVariable()) ? prefix + "decision"
                    : field.equals(DecisionRecorder.OPINION) ? prefix + DecisionRecorder.OPINION
                    : field.equals(DecisionRecorder.DOCUMENT_NUMBER) ? "documentNumber"
                    : formField != null && formField.isDate() && !(entry.fields() != null && entry.fields().containsKey(field)) ? DATE
                    : prefix + "fields." + field, problem.reason()));
        }
        return ruled.isEmpty() ? Optional.of(new Planned(row, result.variables(), result.variables().get(facts.decisionVariable()),
                entry.opinion())) : Optional.empty();
    }

    private static boolean filledByMeeting(FormField field, String decisionVariable) {
        return field.key().equals(decisionVariable) || field.key().equals(DecisionRecorder.DOCUMENT_NUMBER)
                || field.key().equals(DecisionRecorder.OPINION) || field.isDate();
    }

    private MeetingView find(long id) {
        List<DecisionView> entries = jdbc.query("""
                select md.position, md.task_id, md.task_definition_key, md.task_name, md.project_id, p.code, p.name,
                       md.decision, md.opinion, md.decision_record_id
                  from meeting_decision md left join project p on p.id = md.project_id
                 where md.meeting_id = :id order by md.position
                """, new MapSqlParameterSource("id", id), (rs, n) -> {
            long projectId = rs.getLong("project_id");
            Long project = rs.wasNull() ? null : projectId;
            long recordId = rs.getLong("decision_record_id");
            Long record = rs.wasNull() ? null : recordId;
            return new DecisionView(rs.getInt("position"), rs.getString("task_id"), rs.getString("task_definition_key"),
                    rs.getString("task_name"), project, rs.getString("code"), rs.getString("name"),
                    rs.getString("decision"), rs.getString("opinion"), record);
        });
        List<MeetingView> meetings = jdbc.query("select * from meeting where id = :id", new MapSqlParameterSource("id", id),
                (rs, n) -> {
                    MeetingKind kind = MeetingKind.valueOf(rs.getString("kind"));
                    String by = rs.getString("recorded_by");
                    return new MeetingView(rs.getLong("id"), kind, kind.label(), rs.getDate("meeting_date").toLocalDate(),
                            rs.getString("document_number"), rs.getString("minutes"), by, users.name(by),
                            TaskItems.time(rs.getTimestamp("recorded_at").toInstant()), entries);
                });
        if (meetings.isEmpty()) {
            throw ApiProblem.notFound("会议记录不存在");
        }
        return meetings.get(0);
    }

    private void checkMember(CurrentUser user, MeetingKind kind) {
        if (!user.inGroup(kind.group())) {
            throw ApiProblem.forbidden("无权记录" + kind.label() + "决定：您不是" + users.groupNames(Set.of(kind.group()))
                    .getOrDefault(kind.group(), kind.group()) + "成员");
        }
    }

    private void checkReader(CurrentUser user) {
        if (!access.readsAll(user)) {
            throw ApiProblem.forbidden("无权查看会议记录：只有市级审批部门可以查看");
        }
    }

    private static Optional<MeetingKind> kind(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (MeetingKind k : MeetingKind.values()) {
            if (k.name().equals(name.trim())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private static String kindReason() {
        return "取值无效，可选值：COMMITTEE（规划委员会会议）、GOVERNMENT（市政府常务会议）";
    }
}
