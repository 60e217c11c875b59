package cn.gonggaigong.monitor;

import cn.gonggaigong.agreement.MilestoneState;
import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.monitor.MonitorViews.AgreementBreach;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The leading group's list of missed deadlines of monitoring agreements, with the towns' explanations: those still
 * not done first, then the newest breach first. Two statements, like the other figures of the page: the page of rows
 * and the count. The city's list takes its first rows in the order of V43's index and joins only those to their
 * projects; a town's list starts from the town's projects. Through JPA (every breached milestone joined to its project
 * and town, sorted, then hydrated) it took 354 ms p50 at 100,000 projects with 8,243 breaches (BENCHMARKS.md item 34).
 */
@Component
public class AgreementBreachList {

    private static final String COLUMNS = """
            m.name, m.deadline, m.breached_at, m.completed_at, m.explained_at, m.breach_reason, m.subject_responsible,
            m.remedy, m.expected_date, p.id as project_id, p.code, p.name as project_name, t.code as town_code,
            t.name as town_name""";

    private final NamedParameterJdbcTemplate jdbc;

    public AgreementBreachList(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public MonitorViews.AgreementBreachList list(String town, int limit) {
        LocalDate today = WorkingDayCalendar.today();
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit).addValue("town", town);
        List<AgreementBreach> rows;
        Long total;
        if (town == null) {
            rows = jdbc.query("""
                    select %s
                      from (select * from agreement_milestone where breached_at is not null
                             order by (completed_at is not null), breached_at desc, id desc limit :limit) m
                      join project p on p.id = m.project_id
                      join town t on t.code = p.town_code
                     order by (m.completed_at is not null), m.breached_at desc, m.id desc""".formatted(COLUMNS),
                    params, (rs, i) -> row(rs, today));
            total = jdbc.queryForObject("select count(*) from agreement_milestone where breached_at is not null",
                    params, Long.class);
        } else {
            rows = jdbc.query("""
                    select %s
                      from project p
                      join agreement_milestone m on m.project_id = p.id and m.breached_at is not null
                      join town t on t.code = p.town_code
                     where p.town_code = :town
                     order by (m.completed_at is not null), m.breached_at desc, m.id desc
                     limit :limit""".formatted(COLUMNS), params, (rs, i) -> row(rs, today));
            total = jdbc.queryForObject("""
                    select count(*) from project p
                      join agreement_milestone m on m.project_id = p.id and m.breached_at is not null
                     where p.town_code = :town""", params, Long.class);
        }
        return new MonitorViews.AgreementBreachList(total == null ? 0 : total, limit, rows);
    }

    private static AgreementBreach row(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate deadline = rs.getObject("deadline", LocalDate.class);
        Instant breachedAt = instant(rs.getTimestamp("breached_at"));
        Instant completedAt = instant(rs.getTimestamp("completed_at"));
        Boolean subjectResponsible = (Boolean) rs.getObject("subject_responsible");
        return new AgreementBreach(rs.getLong("project_id"), rs.getString("code"), rs.getString("project_name"),
                rs.getString("town_code"), rs.getString("town_name"), rs.getString("name"), deadline, breachedAt,
                MilestoneState.status(deadline, completedAt, breachedAt, today), subjectResponsible,
                MilestoneState.explanation(breachedAt, instant(rs.getTimestamp("explained_at")), rs.getString("breach_reason"),
                        subjectResponsible, rs.getString("remedy"), rs.getObject("expected_date", LocalDate.class)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
