package cn.gonggaigong.report;

import cn.gonggaigong.monitor.MonitorViews.ReportRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Table monthly_report (V25): one row per report task, PENDING until the town submits it. */
@Component
public class MonthlyReports {

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    public MonthlyReports(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A report as the API answers it; the figures are null until submitted. */
    public record Report(long id, String townCode, String townName, String reportMonth, String taskId,
                         String processInstanceId, String status, Instant dueAt, Instant createdAt,
                         Instant submittedAt, String submittedBy, boolean submittedLate, Integer projectsInPlan,
                         Integer projectsStarted, Integer projectsCompleted, Integer projectsOverdue,
                         Integer warningsRaised, Integer warningsClosed, String phaseCounts,
                         String progressSummary, String remarks) {
    }

    /** What a town submitted (possibly corrected from the prefill). */
    public record Submission(int projectsInPlan, int projectsStarted, int projectsCompleted, int projectsOverdue,
                             int warningsRaised, int warningsClosed, String progressSummary, String remarks) {
    }

    public void open(String taskId, String processInstanceId, String townCode, String month, Instant dueAt,
                     Instant createdAt) {
        jdbc.update("insert into monthly_report (town_code, report_month, task_id, process_instance_id, status, due_at,"
                        + " created_at) values (:town, :month, :task, :pi, 'PENDING', :due, :created)",
                new MapSqlParameterSource("town", townCode).addValue("month", month).addValue("task", taskId)
                        .addValue("pi", processInstanceId).addValue("due", Timestamp.from(dueAt))
                        .addValue("created", Timestamp.from(createdAt)));
    }

    public void submit(String taskId, Submission s, ReportRow data, String user, Instant at) {
        String phases;
        try {
            phases = json.writeValueAsString(data.projectsByPhase());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int updated = jdbc.update("update monthly_report set status = 'SUBMITTED', submitted_at = :at, submitted_by = :user,"
                        + " projects_in_plan = :inPlan, projects_started = :started, projects_completed = :completed,"
                        + " projects_overdue = :overdue, warnings_raised = :raised, warnings_closed = :closed,"
                        + " phase_counts = :phases, progress_summary = :summary, remarks = :remarks where task_id = :task",
                new MapSqlParameterSource("at", Timestamp.from(at)).addValue("user", user)
                        .addValue("inPlan", s.projectsInPlan()).addValue("started", s.projectsStarted())
                        .addValue("completed", s.projectsCompleted()).addValue("overdue", s.projectsOverdue())
                        .addValue("raised", s.warningsRaised()).addValue("closed", s.warningsClosed())
                        .addValue("phases", phases).addValue("summary", s.progressSummary())
                        .addValue("remarks", s.remarks(), Types.VARCHAR).addValue("task", taskId));
        if (updated != 1) {
            throw new IllegalStateException("任务 " + taskId + " 没有对应的月度报告记录");
        }
    }

    public Optional<Report> byTask(String taskId) {
        return jdbc.query(SELECT + " where r.task_id = :task", new MapSqlParameterSource("task", taskId), this::map)
                .stream().findFirst();
    }

    /** Reports of a month and/or towns (null = any), by month and town. */
    public List<Report> find(String month, Collection<String> towns) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("month", month, Types.VARCHAR)
                .addValue("anyTown", towns == null).addValue("towns", towns == null || towns.isEmpty() ? List.of("") : towns);
        return jdbc.query(SELECT + " where (cast(:month as varchar) is null or r.report_month = :month)"
                + " and (:anyTown or r.town_code in (:towns)) order by r.report_month desc, r.town_code", params, this::map);
    }

    private static final String SELECT = "select r.*, t.name as town_name from monthly_report r join town t on t.code = r.town_code";

    private Report map(ResultSet rs, int row) throws SQLException {
        Instant due = rs.getTimestamp("due_at").toInstant();
        Timestamp submitted = rs.getTimestamp("submitted_at");
        return new Report(rs.getLong("id"), rs.getString("town_code"), rs.getString("town_name"),
                rs.getString("report_month"), rs.getString("task_id"), rs.getString("process_instance_id"),
                rs.getString("status"), due, rs.getTimestamp("created_at").toInstant(),
                submitted == null ? null : submitted.toInstant(), rs.getString("submitted_by"),
                submitted != null && submitted.toInstant().isAfter(due), integer(rs, "projects_in_plan"),
                integer(rs, "projects_started"), integer(rs, "projects_completed"), integer(rs, "projects_overdue"),
                integer(rs, "warnings_raised"), integer(rs, "warnings_closed"), rs.getString("phase_counts"),
                rs.getString("progress_summary"), rs.getString("remarks"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
