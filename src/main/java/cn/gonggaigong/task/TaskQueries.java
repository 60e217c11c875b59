package cn.gonggaigong.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.gonggaigong.process.ProjectLifecycleProcess;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The task lists in SQL over Camunda's runtime tables and ours, instead of one engine query per task: a task with
 * its project (the process variable {@code projectId} of its process instance), town, open warning grade and
 * candidate groups.
 * <p>
 * Which tasks a user's list holds is what Camunda's authorization lets that user work on: tasks assigned to (or
 * owned by, when delegated) the user, and tasks where the user or one of the user's groups is a candidate — the
 * identity links for which the engine grants a task's permissions — and, for a project's task, only when the
 * user may see the project ({@link cn.gonggaigong.security.ProjectAccess}: a town only its own town's projects).
 * <p>
 * A user's list is found in the read model {@code task_inbox} (kept in the engine's transaction by {@link TaskInbox}):
 * its rows are one index range per party, in due-date order, so the first page costs the same for a town with 800
 * open tasks as for the natural resources bureau with 40,000 (BENCHMARKS.md, P2). The rows of the page are then read
 * from Camunda's tables with their project (found by the index on the variables' execution).
 */
@Component
public class TaskQueries {

    /** Highest open warning first: ESCALATED > RED > YELLOW (URGE, 催办, is not a grade). */
    static final List<String> GRADES = List.of("YELLOW", "RED", "ESCALATED");

    private static final String SELECT = """
            select t.id_, t.name_, t.task_def_key_, t.proc_def_id_, d.key_ as proc_def_key, t.proc_inst_id_,
                   t.create_time_, t.due_date_, t.assignee_, t.owner_, t.delegation_,
                   (select string_agg(l.group_id_, ',' order by l.group_id_) from act_ru_identitylink l
                     where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null) as candidate_groups,
                   (select string_agg(l.user_id_, ',' order by l.user_id_) from act_ru_identitylink l
                     where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.user_id_ is not null) as candidate_users,
                   p.id as project_id, p.code as project_code, p.name as project_name, p.applicant_user_id,
                   p.phase, tw.code as town_code, tw.name as town_name, tw.group_id as town_group,
                   (select max(case w.grade when 'ESCALATED' then 3 when 'RED' then 2 when 'YELLOW' then 1 end)
                      from task_warning w where w.task_id = t.id_ and w.closed_at is null) as warning_level,
                   case when p.id is null then coalesce(
                     (select a.title from annual_plan a where a.process_instance_id = t.proc_inst_id_),
                     (select u.code || ' ' || u.name from renovation_unit u where u.process_instance_id = t.proc_inst_id_),
                     (select r.report_month || ' 月度进度报告' from monthly_report r where r.task_id = t.id_)) end as subject
              from act_ru_task t
              join act_re_procdef d on d.id_ = t.proc_def_id_
              left join lateral (select v.long_ from act_ru_variable v
                                  where v.execution_id_ = t.proc_inst_id_ and v.name_ = '%s' and v.task_id_ is null
                                  limit 1) v on true
              left join project p on p.id = v.long_
              left join town tw on tw.code = p.town_code
            """.formatted(ProjectLifecycleProcess.Var.PROJECT_ID);

    /**
     * Whether a task of no project (its row {@code i} of {@code task_inbox}) matches the search {@code :q} by what the
     * list shows in its place ({@code subject} of {@link #SELECT}: the annual plan's title, the renovation unit's code
     * and name, the month of a town's monthly report), or by the code or name of a project waiting for it (a project of
     * the plan or the unit, as the project's page shows the step: {@code ProjectPageService}).
     */
    private static final String SUBJECT_MATCHES = """
            select 1 from act_ru_task st
             where st.id_ = i.task_id
               and (exists (select 1 from annual_plan a
                             where a.process_instance_id = st.proc_inst_id_
                               and (a.title ilike :q escape '\\'
                                    or exists (select 1 from project ap where ap.annual_plan_id = a.id
                                                  and (ap.code ilike :q escape '\\' or ap.name ilike :q escape '\\'))))
                    or exists (select 1 from renovation_unit u
                                where u.process_instance_id = st.proc_inst_id_
                                  and (u.code ilike :q escape '\\' or u.name ilike :q escape '\\'
                                       or exists (select 1 from project up where up.unit_id = u.id
                                                     and (up.code ilike :q escape '\\' or up.name ilike :q escape '\\'))))
                    or exists (select 1 from monthly_report r
                                where r.task_id = i.task_id and r.report_month ilike :q escape '\\'))""";

    private static final String ORDER = " order by t.due_date_ asc nulls last, t.create_time_ asc, t.id_ asc";

    private final NamedParameterJdbcTemplate jdbc;

    public TaskQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What to list: the caller and the filters (null = any). */
    public record Filter(String userId, Set<String> groups, boolean readsAll, String phase, String townCode,
                         Boolean overdue, String text, List<String> taskDefinitionKeys, Long projectId) {
    }

    /** A page of a list; {@code total} counts at most {@link #COUNT_LIMIT} tasks ({@code totalCapped} when more). */
    public record Page(List<TaskRow> rows, long total, boolean totalCapped) {
    }

    /**
     * How far a list's total is counted. Counting a whole inbox costs what the list no longer does (about 35 ms for
     * the bureau's 42,000 open tasks at 100,000 projects); "1000+" says as much to a person paging through it.
     */
    public static final int COUNT_LIMIT = 1000;

    /**
     * The caller's tasks, sorted by due date (none last), then by when they arrived; the page is found in the read
     * model {@code task_inbox} ({@link TaskInbox}): per party of the caller (the user and each group), the first
     * {@code (page + 1) * size} rows of its index range in due-date order, merged; then the rows of that page are
     * read with their project, town, warning and candidates. The total is counted in the read model too, up to
     * {@link #COUNT_LIMIT}. All of it is one statement: a read needs no transaction of its own.
     */
    public Page mine(Filter filter, int page, int size, Instant now) {
        List<String> parties = new ArrayList<>();
        parties.add(TaskInbox.user(filter.userId()));
        filter.groups().stream().sorted().map(TaskInbox::group).forEach(parties::add);
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("parties", parties)
                .addValue("me", filter.userId())
                .addValue("groups", filter.groups().isEmpty() ? List.of("") : List.copyOf(filter.groups()))
                .addValue("window", (long) (page + 1) * size)
                .addValue("limit", size)
                .addValue("offset", (long) page * size);
        StringBuilder where = new StringBuilder();
        boolean joinsProject = false;
        if (!filter.readsAll()) {
            // A town sees only its own town's projects (ProjectAccess); tasks without a project are for their parties.
            where.append(" and (i.project_id is null or i.town_group in (:groups) or i.applicant_user_id = :me)");
        }
        if (filter.phase() != null) {
            where.append(" and p.phase = :phase");
            params.addValue("phase", filter.phase());
            joinsProject = true;
        }
        if (filter.townCode() != null) {
            where.append(" and p.town_code = :town");
            params.addValue("town", filter.townCode());
            joinsProject = true;
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and i.due_date < :now" : " and (i.due_date is null or i.due_date >= :now)");
            params.addValue("now", Timestamp.from(now));
        }
        if (filter.text() != null) {
            where.append(" and (i.task_name ilike :q escape '\\' or p.name ilike :q escape '\\' or p.code ilike :q escape '\\'"
                    + " or (i.project_id is null and exists (" + SUBJECT_MATCHES + ")))");
            params.addValue("q", cn.gonggaigong.platform.LikePattern.containing(filter.text()));
            joinsProject = true;
        }
        if (filter.taskDefinitionKeys() != null) {
            where.append(" and i.task_def_key in (:keys)");
            params.addValue("keys", filter.taskDefinitionKeys().isEmpty() ? List.of("") : filter.taskDefinitionKeys());
        }
        if (filter.projectId() != null) {
            where.append(" and i.project_id = :projectId");
            params.addValue("projectId", filter.projectId());
        }
        String from = " from task_inbox i" + (joinsProject ? " left join project p on p.id = i.project_id" : "");
        // The page's ids: per party the first rows of its index range, merged.
        String pageIds = """
                select x.task_id from (
                  select r.task_id, r.due_date, r.create_time
                    from unnest(array[:parties]) as q(party)
                    cross join lateral (select i.task_id, i.due_date, i.create_time %s
                                         where i.party = q.party %s
                                         order by i.due_date, i.create_time, i.task_id
                                         limit :window) r) x
                 group by x.task_id, x.due_date, x.create_time
                 order by x.due_date nulls last, x.create_time, x.task_id
                 limit :limit offset :offset""".formatted(from, where);
        // A task that several of the caller's parties may work on counts once. A task has at most one row per party,
        // so (COUNT_LIMIT + 1) × parties rows of the index hold COUNT_LIMIT + 1 distinct tasks whenever there are that
        // many: the count reads no more than that and needs no probe per row (at 100,000 projects a town officer's
        // 827 rows: 5.5 ms with an anti-join probe per row, 2 ms this way).
        String count = "select count(*) from (select distinct s.task_id from (select i.task_id" + from
                + " where i.party in (:parties)" + where + " limit :rowLimit) s limit :countLimit) c";
        params.addValue("countLimit", COUNT_LIMIT + 1).addValue("rowLimit", (long) (COUNT_LIMIT + 1) * parties.size());
        // One statement, one round trip: the total on every row, and one row without a task when the page is empty
        // (BENCHMARKS.md, item 27: at 10,000 projects a quarter faster at p95 than the ids, the count and the rows
        // one after the other in a read-only transaction).
        List<CountedRow> result = jdbc.query("with page as materialized (" + pageIds + ")\n"
                + " select c.total, r.* from (" + count + ") c(total)\n"
                + " left join lateral (" + SELECT + " where t.id_ in (select task_id from page)) r on true\n"
                + " order by r.due_date_ asc nulls last, r.create_time_ asc, r.id_ asc",
                params, (rs, n) -> new CountedRow(rs.getLong("total"), rs.getString("id_") == null ? null : row(rs)));
        long total = result.isEmpty() ? 0 : result.get(0).total();
        List<TaskRow> rows = result.stream().map(CountedRow::row).filter(Objects::nonNull).toList();
        return new Page(rows, Math.min(total, COUNT_LIMIT), total > COUNT_LIMIT);
    }

    /** A row of {@link #mine}'s statement: the list's total, and a task of the page (none when the page is empty). */
    private record CountedRow(long total, TaskRow row) {
    }

    /**
     * The project's open tasks: those of the process instances whose variable projectId is the project's, found by
     * that value (Flyway V33's index) instead of reading the project of every open task and keeping the project's
     * (1.1-1.7 s at 100,000 projects; 0.5 ms this way).
     */
    public static final String OF_PROJECT = SELECT + """
             where p.id = :projectId
               and t.proc_inst_id_ in (select pv.execution_id_ from act_ru_variable pv
                                        where pv.name_ = '%s' and pv.long_ = :projectId and pv.task_id_ is null)
            """.formatted(ProjectLifecycleProcess.Var.PROJECT_ID) + ORDER;

    /** Every open task of a project (in the lifecycle and the phase processes it called), whoever works on it. */
    public List<TaskRow> ofProject(long projectId) {
        return jdbc.query(OF_PROJECT, new MapSqlParameterSource("projectId", projectId), (rs, n) -> row(rs));
    }

    /** The candidate groups of a project's open tasks (the offices working on it now), in the tasks' order. */
    public Set<String> groupsOf(long projectId) {
        Set<String> groups = new java.util.LinkedHashSet<>();
        ofProject(projectId).forEach(task -> groups.addAll(task.candidateGroups()));
        return groups;
    }

    /** The open tasks of the given process instances (e.g. the annual plan a project waits for), whoever works on them. */
    public List<TaskRow> ofProcessInstances(java.util.Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SELECT + " where t.proc_inst_id_ in (:ids)" + ORDER,
                new MapSqlParameterSource("ids", processInstanceIds), (rs, n) -> row(rs));
    }

    /** The open tasks of the given ids, whoever works on them (in no particular order); closed ones are not found. */
    public List<TaskRow> byIds(java.util.Collection<String> taskIds) {
        return jdbc.query(SELECT + " where t.id_ in (:ids)", new MapSqlParameterSource("ids", taskIds), (rs, n) -> row(rs));
    }

    /** One open task, whoever works on it; empty when there is no such open task. */
    public Optional<TaskRow> byId(String taskId) {
        return jdbc.query(SELECT + " where t.id_ = :id", new MapSqlParameterSource("id", taskId), (rs, n) -> row(rs))
                .stream().findFirst();
    }

    private static TaskRow row(ResultSet rs) throws SQLException {
        long projectId = rs.getLong("project_id");
        boolean hasProject = !rs.wasNull();
        int level = rs.getInt("warning_level");
        String grade = rs.wasNull() || level < 1 ? null : GRADES.get(level - 1);
        return new TaskRow(rs.getString("id_"), rs.getString("name_"), rs.getString("task_def_key_"),
                rs.getString("proc_def_id_"), rs.getString("proc_def_key"), rs.getString("proc_inst_id_"),
                instant(rs.getTimestamp("create_time_")), instant(rs.getTimestamp("due_date_")),
                rs.getString("assignee_"), rs.getString("owner_"), rs.getString("delegation_"),
                list(rs.getString("candidate_groups")), list(rs.getString("candidate_users")),
                // A task of no project says what it is about instead: the annual plan, the renovation unit, the month.
                hasProject ? projectId : null, rs.getString("project_code"),
                hasProject ? rs.getString("project_name") : rs.getString("subject"),
                rs.getString("town_group"), rs.getString("applicant_user_id"), rs.getString("town_code"),
                rs.getString("town_name"), rs.getString("phase"), grade);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static List<String> list(String joined) {
        return joined == null ? List.of() : new ArrayList<>(Arrays.asList(joined.split(",")));
    }
}
