package cn.gonggaigong.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.gonggaigong.process.ProjectLifecycleProcess;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The task lists in one SQL statement over Camunda's runtime tables and ours, instead of one engine query per
 * task: a task with its project (the process variable {@code projectId} of its process instance), town, open
 * warning grade and candidate groups.
 * <p>
 * Which tasks a user's list holds is what Camunda's authorization lets that user work on: tasks assigned to (or
 * owned by, when delegated) the user, and tasks where the user or one of the user's groups is a candidate — the
 * identity links for which the engine grants a task's permissions — and, for a project's task, only when the
 * user may see the project ({@link cn.gonggaigong.security.ProjectAccess}: a town only its own town's projects).
 * <p>
 * The statement starts from the caller's identity links, assignments and delegations (indexed: group, user,
 * assignee, owner) rather than scanning every open task, and finds each task's project by the index on the
 * variables' execution (the query plan was checked with 5,000 open tasks over 29 towns).
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
                   count(*) over () as total
              from act_ru_task t
              join act_re_procdef d on d.id_ = t.proc_def_id_
              left join lateral (select v.long_ from act_ru_variable v
                                  where v.execution_id_ = t.proc_inst_id_ and v.name_ = '%s' and v.task_id_ is null
                                  limit 1) v on true
              left join project p on p.id = v.long_
              left join town tw on tw.code = p.town_code
            """.formatted(ProjectLifecycleProcess.Var.PROJECT_ID);

    private static final String MINE = """
             t.id_ in (select l.task_id_ from act_ru_identitylink l
                        where l.type_ = 'candidate' and (l.group_id_ in (:groups) or l.user_id_ = :me)
                       union all select a.id_ from act_ru_task a where a.assignee_ = :me
                       union all select o.id_ from act_ru_task o where o.owner_ = :me)
             and (p.id is null or :readsAll or tw.group_id in (:groups) or p.applicant_user_id = :me)
            """;

    private static final String ORDER = " order by t.due_date_ asc nulls last, t.create_time_ asc, t.id_ asc";

    private final NamedParameterJdbcTemplate jdbc;

    public TaskQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What to list: the caller and the filters (null = any). */
    public record Filter(String userId, Set<String> groups, boolean readsAll, String phase, String townCode,
                         Boolean overdue, String text, List<String> taskDefinitionKeys, Long projectId) {
    }

    public record Page(List<TaskRow> rows, long total) {
    }

    /** The caller's tasks, sorted by due date (none last), then by when they arrived. */
    public Page mine(Filter filter, int page, int size, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("me", filter.userId())
                .addValue("groups", filter.groups().isEmpty() ? List.of("") : List.copyOf(filter.groups()))
                .addValue("readsAll", filter.readsAll())
                .addValue("limit", size)
                .addValue("offset", (long) page * size);
        StringBuilder where = new StringBuilder(" where ").append(MINE);
        if (filter.phase() != null) {
            where.append(" and p.phase = :phase");
            params.addValue("phase", filter.phase());
        }
        if (filter.townCode() != null) {
            where.append(" and p.town_code = :town");
            params.addValue("town", filter.townCode());
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and t.due_date_ < :now" : " and (t.due_date_ is null or t.due_date_ >= :now)");
            params.addValue("now", Timestamp.from(now));
        }
        if (filter.text() != null) {
            where.append(" and (t.name_ ilike :q escape '\\' or p.name ilike :q escape '\\' or p.code ilike :q escape '\\')");
            params.addValue("q", "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.taskDefinitionKeys() != null) {
            where.append(" and t.task_def_key_ in (:keys)");
            params.addValue("keys", filter.taskDefinitionKeys().isEmpty() ? List.of("") : filter.taskDefinitionKeys());
        }
        if (filter.projectId() != null) {
            where.append(" and p.id = :projectId");
            params.addValue("projectId", filter.projectId());
        }
        long[] total = {0};
        List<TaskRow> rows = jdbc.query(SELECT + where + ORDER + " limit :limit offset :offset", params, (rs, n) -> {
            total[0] = rs.getLong("total");
            return row(rs);
        });
        return new Page(rows, total[0]);
    }

    /** Every open task of a project (in the lifecycle and the phase processes it called), whoever works on it. */
    public List<TaskRow> ofProject(long projectId) {
        return jdbc.query(SELECT + " where p.id = :projectId" + ORDER,
                new MapSqlParameterSource("projectId", projectId), (rs, n) -> row(rs));
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
                hasProject ? projectId : null, rs.getString("project_code"), rs.getString("project_name"),
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
