package cn.gonggaigong.task;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import cn.gonggaigong.decision.DecisionLabels;
import cn.gonggaigong.platform.LikePattern;
import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.security.CurrentUser;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 我的已办: the steps the current user completed, newest first, from the decision records (one per completed user
 * task, written by {@code DecisionRecorder} with the person who completed it), each with its project (or the annual
 * plan or renovation unit it was about), what it decided in words (the form's option, as the project's timeline
 * says it), the document number and the opinion; found by a word of the project's name or code, the plan's or unit's
 * name, or the step's name. Steps of a delegated task count for the officer who completed it after the delegate's
 * 交回; a meeting's decisions for the officer who recorded the meeting.
 */
@Service
public class DoneTasks {

    public static final int MAX_SIZE = 100;

    @Schema(description = "本人办结的一个事项")
    public record DoneItem(Long id,
                           @Schema(description = "办结时间") OffsetDateTime doneAt,
                           String taskDefinitionKey,
                           @Schema(description = "事项名称") String taskName,
                           String outcome,
                           @Schema(description = "办理结果") String outcomeLabel,
                           @Schema(description = "文号") String documentNumber,
                           @Schema(description = "办理意见") String opinion,
                           Long projectId,
                           String projectCode,
                           @Schema(description = "项目名称") String projectName,
                           @Schema(description = "所属镇街") String townName,
                           @Schema(description = "不属于单个项目的事项所涉的年度计划或改造单元") String subject) {
    }

    /** A page; {@code total} counts at most {@link TaskQueries#COUNT_LIMIT} ({@code totalCapped} when there are more). */
    public record DonePage(List<DoneItem> items,
                           @Schema(description = "已办总数（最多数到1000）") long total,
                           @Schema(description = "已办超过1000项时为 true，total 即为1000") boolean totalCapped,
                           int page, int size) {
    }

    private static final String FROM = """
              from decision_record d
              left join act_hi_procinst h on h.id_ = d.process_instance_id
              left join project p on p.id = d.project_id
              left join town t on t.code = p.town_code
              left join annual_plan a on a.id = d.annual_plan_id
              left join renovation_unit u on u.id = d.unit_id
             where d.actor = :actor
               and (cast(:q as varchar) is null
                    or lower(d.task_name) like :q escape '\\' or lower(p.name) like :q escape '\\'
                    or lower(p.code) like :q escape '\\' or lower(a.title) like :q escape '\\'
                    or lower(u.code || ' ' || u.name) like :q escape '\\')
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final DecisionLabels labels;

    public DoneTasks(NamedParameterJdbcTemplate jdbc, DecisionLabels labels) {
        this.jdbc = jdbc;
        this.labels = labels;
    }

    @Transactional(readOnly = true)
    public DonePage mine(String q, int page, int size) {
        FieldProblem.ofPage(page, size, MAX_SIZE).ifPresent(problem -> {
            throw ApiProblem.badRequest(FieldProblem.BAD_PARAMETERS, List.of(problem));
        });
        String word = q == null || q.isBlank() ? null : LikePattern.containing(q.strip().toLowerCase(Locale.ROOT));
        MapSqlParameterSource params = new MapSqlParameterSource("actor", CurrentUser.current().userId())
                .addValue("q", word, java.sql.Types.VARCHAR)
                .addValue("limit", size).addValue("offset", (long) page * size);
        // Counted up to a limit, as 我的待办's: an officer of many years has tens of thousands of steps, and "1000+"
        // says as much to a person paging through them.
        Long counted = jdbc.queryForObject("select count(*) from (select 1" + FROM + " limit " + (TaskQueries.COUNT_LIMIT + 1)
                + ") x", params, Long.class);
        long total = Math.min(counted == null ? 0 : counted, TaskQueries.COUNT_LIMIT);
        List<DoneItem> items = jdbc.query("""
                select d.id, d.decided_at, d.task_definition_key, d.task_name, d.outcome, d.document_number, d.opinion,
                       h.proc_def_id_, p.id as project_id, p.code, p.name, t.name as town_name,
                       coalesce(a.title, u.code || ' ' || u.name) as subject
                """ + FROM + " order by d.decided_at desc, d.id desc limit :limit offset :offset", params, (rs, n) -> {
            Timestamp at = rs.getTimestamp("decided_at");
            String outcome = rs.getString("outcome");
            Long projectId = rs.getObject("project_id", Long.class);
            return new DoneItem(rs.getLong("id"), TaskItems.time(at.toInstant()), rs.getString("task_definition_key"),
                    rs.getString("task_name"), outcome,
                    labels.decision(rs.getString("proc_def_id_"), rs.getString("task_definition_key"), outcome),
                    rs.getString("document_number"), rs.getString("opinion"), projectId,
                    rs.getString("code"), rs.getString("name"), rs.getString("town_name"), rs.getString("subject"));
        });
        return new DonePage(items, total, counted != null && counted > TaskQueries.COUNT_LIMIT, page, size);
    }
}
