package cn.gonggaigong.monitor;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.monitor.MonitorViews.LeagueRow;
import cn.gonggaigong.monitor.MonitorViews.OfficeRow;
import cn.gonggaigong.monitor.MonitorViews.OverdueList;
import cn.gonggaigong.monitor.MonitorViews.OverdueTask;
import cn.gonggaigong.monitor.MonitorViews.PhaseInfo;
import cn.gonggaigong.monitor.MonitorViews.PhaseTownGrade;
import cn.gonggaigong.monitor.MonitorViews.PhaseTownGradeCell;
import cn.gonggaigong.monitor.MonitorViews.ProjectItem;
import cn.gonggaigong.monitor.MonitorViews.ProjectList;
import cn.gonggaigong.monitor.MonitorViews.ReportRow;
import cn.gonggaigong.monitor.MonitorViews.Totals;
import cn.gonggaigong.monitor.MonitorViews.Town;
import cn.gonggaigong.monitor.MonitorViews.TrendMonth;
import cn.gonggaigong.process.Phase;
import cn.gonggaigong.project.ProjectStatus;
import cn.gonggaigong.project.TownRepository;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of the leading group's monitoring, each one SQL statement over our tables and Camunda's (indexed, see
 * V26): never an engine query per project. "Now" is the engine's clock, so tests that move it see the same figures.
 * Camunda keeps its times as timestamps without time zone in the JVM's zone; they are compared with values bound
 * in that zone ({@code *Local} parameters) and converted to days in Asia/Shanghai in SQL.
 */
@Component
public class MonitorQueries {

    static final String TOWN_ORDER = TownRepository.LIST_ORDER;

    /** The rows of the counts (V32) of {@code :figures}: folded counts and changes not yet folded in. */
    static final String COUNTS = "select figure, k1, k2, k3, n from monitor_count where figure in (:figures)"
            + " union all select figure, k1, k2, k3, n from monitor_count_delta where figure in (:figures)";

    private final NamedParameterJdbcTemplate jdbc;
    private final WorkingDayCalendar calendar;

    public MonitorQueries(NamedParameterJdbcTemplate jdbc, WorkingDayCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** The JVM's zone, in which Camunda wrote its timestamps. */
    static String jvmZone() {
        return ZoneId.systemDefault().getId();
    }

    public List<Town> towns() {
        return jdbc.query("select t.code, t.name from town t order by " + TOWN_ORDER,
                (rs, i) -> new Town(rs.getString(1), rs.getString(2)));
    }

    public static List<PhaseInfo> phases() {
        return Arrays.stream(Phase.values()).map(p -> new PhaseInfo(p.name(), p.label())).toList();
    }

    // --- counts by phase × town × grade -----------------------------------------------------------------------

    public PhaseTownGrade phaseTownGrade() {
        // The read model of V32: counts kept by triggers on project and task_warning, plus the changes not yet folded in.
        List<PhaseTownGradeCell> cells = jdbc.query("select k1, k2, k3, sum(n) from (" + COUNTS + ") c"
                        + " group by k1, k2, k3 having sum(n) <> 0 order by 1, 2, 3",
                new MapSqlParameterSource("figures", List.of("CELL")),
                (rs, i) -> new PhaseTownGradeCell(rs.getString(1), rs.getString(2), Grade.ofRank(rs.getInt(3)).name(),
                        rs.getLong(4)));
        long total = cells.stream().mapToLong(PhaseTownGradeCell::count).sum();
        return new PhaseTownGrade(phases(), towns(),
                Arrays.stream(Grade.values()).map(g -> new MonitorViews.GradeInfo(g.name(), g.label())).toList(),
                cells, total);
    }

    // --- overdue list ---------------------------------------------------------------------------------------------

    public OverdueList overdue(String town, int offset, int limit) {
        Instant now = now();
        MapSqlParameterSource params = new MapSqlParameterSource("nowLocal", Timestamp.from(now))
                .addValue("town", town, Types.VARCHAR).addValue("limit", limit).addValue("offset", offset);
        String select = "select p.id, p.code, p.name, tw.code, tw.name, t.id_, t.name_,"
                + " t.task_def_key_, t.assignee_, t.due_date_,"
                + " (select string_agg(il.group_id_, ',' order by il.group_id_) from act_ru_identitylink il"
                + "   where il.task_id_ = t.id_ and il.type_ = 'candidate' and il.group_id_ is not null) as groups,"
                + " (select max(" + Grade.RANK_SQL + ") from task_warning w where w.task_id = t.id_ and w.closed_at is null) as rank,"
                // An administrator suspended (挂起) the process in Cockpit: late, but nobody can work on it until activated.
                + " t.suspension_state_ = " + SuspensionState.SUSPENDED.getStateCode() + " as suspended"
                + " from act_ru_task t"
                + " left join act_ru_execution e on e.id_ = t.proc_inst_id_"
                + " left join project p on p.process_instance_id = e.root_proc_inst_id_"
                + " left join monthly_report r on r.task_id = t.id_"
                + " left join town tw on tw.code = coalesce(p.town_code, r.town_code)";
        Long total;
        List<OverdueTask> items;
        if (town == null) {
            // Every town's: the tasks alone, the first page in the order of the due-date index (V26). Each join above
            // finds at most one row (a primary key or a unique column), so the count is the same without them; with
            // them PostgreSQL read every execution to count 7,137 overdue tasks at 100,000 projects (140 ms p95 for
            // the list; BENCHMARKS.md, P3).
            total = jdbc.queryForObject("select count(*) from act_ru_task t where t.due_date_ < :nowLocal", params, Long.class);
            items = jdbc.query(select + " where t.due_date_ < :nowLocal order by t.due_date_, t.id_ limit :limit offset :offset",
                    params, (rs, i) -> overdueTask(rs, now));
        } else {
            // One town's: its projects' tasks from the task lists' read model (task_inbox, one row per task and party,
            // with the project's town; V35's index on town and due date) and its monthly reports. Found through the
            // tasks' projects instead, all overdue tasks were joined to their projects first to keep the town's
            // (210 ms p95 at 100,000 projects with 7,106 overdue, 248 of them in 占陇镇).
            String townTasks = "select i.task_id, i.due_date from task_inbox i join town g on g.group_id = i.town_group"
                    + " where g.code = :town and i.due_date < :nowLocal"
                    + " union select t.id_, t.due_date_ from monthly_report r join act_ru_task t on t.id_ = r.task_id"
                    + " where r.town_code = :town and t.due_date_ < :nowLocal";
            total = jdbc.queryForObject("select count(*) from (" + townTasks + ") x", params, Long.class);
            List<String> ids = jdbc.queryForList("select x.task_id from (" + townTasks + ") x"
                    + " order by x.due_date, x.task_id limit :limit offset :offset", params, String.class);
            items = ids.isEmpty() ? List.of() : jdbc.query(select + " where t.id_ in (:ids) order by t.due_date_, t.id_",
                    new MapSqlParameterSource("ids", ids), (rs, i) -> overdueTask(rs, now));
        }
        return new OverdueList(total == null ? 0 : total, offset, limit, items);
    }

    private OverdueTask overdueTask(ResultSet rs, Instant now) throws SQLException {
        Instant due = rs.getTimestamp(10).toInstant();
        LocalDate dueDay = LocalDate.ofInstant(due, WorkingDayCalendar.ZONE);
        LocalDate today = LocalDate.ofInstant(now, WorkingDayCalendar.ZONE);
        int overdueDays = Math.max(0, calendar.workingDaysBetween(dueDay, today));
        String groups = rs.getString(11);
        return new OverdueTask(nullableLong(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                groups != null ? groups : rs.getString(9), null, rs.getString(9), due, dueDay, overdueDays,
                Grade.ofRank(rs.getInt(12)).name(), rs.getBoolean(13));
    }

    // --- league table ---------------------------------------------------------------------------------------------

    public List<LeagueRow> league() {
        // V37's counts, kept as the engine writes its history (LeagueCounts): a few rows per town, not the history.
        // A town is ranked by its own office's steps (V51: k2 OWN) and the red warnings on them; the phases are its
        // projects', worked on by every office.
        Map<String, Map<String, Long>> counts = new HashMap<>();
        jdbc.query("select figure, k1, sum(n) from (" + COUNTS + ") c"
                        + " where c.figure in (:phaseFigures) or c.k2 = '" + LeagueCounts.OWN + "' group by figure, k1",
                new MapSqlParameterSource("figures", List.of(LeagueCounts.TASK_DONE, LeagueCounts.TASK_ON_TIME,
                        LeagueCounts.PHASE_DONE, LeagueCounts.PHASE_DAYS))
                        .addValue("phaseFigures", List.of(LeagueCounts.PHASE_DONE, LeagueCounts.PHASE_DAYS)), rs -> {
                    counts.computeIfAbsent(rs.getString(2), k -> new HashMap<>()).put(rs.getString(1), rs.getLong(3));
                });
        Map<String, Long> red = new HashMap<>();
        jdbc.query("select w.town_code, count(*) from task_warning w join town tw on tw.code = w.town_code"
                + " where w.closed_at is null and w.grade = 'RED' and w.responsible_group = tw.group_id"
                + " group by w.town_code", rs -> {
            red.put(rs.getString(1), rs.getLong(2));
        });
        List<LeagueRow> rows = new ArrayList<>();
        for (Town town : towns()) {
            Map<String, Long> c = counts.getOrDefault(town.code(), Map.of());
            long done = c.getOrDefault(LeagueCounts.TASK_DONE, 0L);
            long onTime = c.getOrDefault(LeagueCounts.TASK_ON_TIME, 0L);
            long phases = c.getOrDefault(LeagueCounts.PHASE_DONE, 0L);
            long days = c.getOrDefault(LeagueCounts.PHASE_DAYS, 0L);
            rows.add(new LeagueRow(town.code(), town.name(), done, onTime, done == 0 ? null : round((double) onTime / done),
                    phases, phases == 0 ? null : round((double) days / phases), red.getOrDefault(town.code(), 0L)));
        }
        return rows;
    }

    // --- offices' timeliness --------------------------------------------------------------------------------------

    /**
     * 各单位办理时效: per office (the responsible group of the statutory clock, the office's own time only: not the
     * applicant's, not outside), the steps completed in the month (China's), those by their deadline and the average
     * working days taken; and its steps open now, those past their deadline. Ordered by steps overdue now, then
     * on-time rate, lowest first. Names are the caller's to add (group names).
     */
    public List<OfficeRow> offices(YearMonth month) {
        // The month's completed steps and now's open ones: V60's counts, kept as each step starts and ends
        // (OfficeCounts), not the clock's rows.
        Map<String, Map<String, Long>> counted = new HashMap<>();
        jdbc.query("select k1, figure || '/' || k3, sum(n) from (" + COUNTS + ") c where c.k2 = :month or c.figure = :open"
                        + " group by k1, figure, k3 having sum(n) <> 0",
                new MapSqlParameterSource("figures", OfficeCounts.FIGURES).addValue("month", month.toString())
                        .addValue("open", OfficeCounts.OPEN), rs -> {
                    counted.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        // Those past their deadline now, from V59's index (the overdue steps only).
        Map<String, Long> overdue = new HashMap<>();
        jdbc.query("""
                select c.responsible_group, count(*) from task_clock c
                 where c.ended_at is null and c.clock = 'OFFICE' and c.due_at < :now
                 group by c.responsible_group""", new MapSqlParameterSource("now", Timestamp.from(now())), rs -> {
            overdue.put(rs.getString(1), rs.getLong(2));
        });
        java.util.Set<String> offices = new java.util.TreeSet<>(counted.keySet());
        offices.addAll(overdue.keySet());
        return offices.stream().map(office -> {
            Map<String, Long> c = counted.getOrDefault(office, Map.of());
            long onTime = c.getOrDefault(OfficeCounts.DONE + "/" + OfficeCounts.ON_TIME, 0L);
            long timed = onTime + c.getOrDefault(OfficeCounts.DONE + "/" + OfficeCounts.LATE, 0L);
            long completed = timed + c.getOrDefault(OfficeCounts.DONE + "/" + OfficeCounts.NO_DEADLINE, 0L);
            long days = c.getOrDefault(OfficeCounts.DAYS + "/0", 0L);
            return new OfficeRow(office, null, completed, onTime, timed == 0 ? null : round((double) onTime / timed),
                    completed == 0 ? null : Math.round(10.0 * days / completed) / 10.0,
                    c.getOrDefault(OfficeCounts.OPEN + "/0", 0L), overdue.getOrDefault(office, 0L));
        }).sorted(java.util.Comparator.comparingLong(OfficeRow::overdueTasks).reversed()
                .thenComparing(OfficeRow::onTimeRate, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparing(OfficeRow::office)).toList();
    }

    /** The city's figures of the dashboard's cards: every office's completed steps (not only the towns', as the
     * league), every open red warning, and the projects an administrator has suspended. */
    public Totals totals() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select figure, sum(n) from (" + COUNTS + ") c group by figure",
                new MapSqlParameterSource("figures", List.of(LeagueCounts.TASK_DONE, LeagueCounts.TASK_ON_TIME)), rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        Long red = jdbc.getJdbcTemplate().queryForObject(
                "select count(*) from task_warning w where w.closed_at is null and w.grade = 'RED'", Long.class);
        Long suspended = jdbc.getJdbcTemplate().queryForObject(
                "select count(*) from project p where " + Figure.SUSPENDED.condition(), Long.class);
        long done = counts.getOrDefault(LeagueCounts.TASK_DONE, 0L);
        long onTime = counts.getOrDefault(LeagueCounts.TASK_ON_TIME, 0L);
        return new Totals(done, onTime, done == 0 ? null : round((double) onTime / done), red == null ? 0 : red,
                suspended == null ? 0 : suspended);
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }

    // --- the months of the 月报表 ---------------------------------------------------------------------------------

    /**
     * The months one may report on, newest first: this month back to the month of the first project applied for, and
     * the last 12 months whatever the installation's age (Beijing time).
     */
    public List<String> reportMonths() {
        YearMonth now = YearMonth.from(now().atZone(WorkingDayCalendar.ZONE));
        java.sql.Timestamp first = jdbc.getJdbcTemplate().queryForObject("select min(created_at) from project",
                java.sql.Timestamp.class);
        YearMonth earliest = now.minusMonths(11);
        if (first != null) {
            YearMonth firstProject = YearMonth.from(first.toInstant().atZone(WorkingDayCalendar.ZONE));
            earliest = firstProject.isBefore(earliest) ? firstProject : earliest;
        }
        List<String> months = new java.util.ArrayList<>();
        for (YearMonth m = now; !m.isBefore(earliest); m = m.minusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }

    // --- trend by month ----------------------------------------------------------------------------------------

    public List<TrendMonth> trend(YearMonth from, YearMonth to) {
        MapSqlParameterSource params = monthRange(from, to).addValue("jvm", jvmZone());
        Map<String, Long> completed = byMonth("select to_char((h.end_time_ at time zone :jvm) at time zone 'Asia/Shanghai',"
                + " 'YYYY-MM'), count(*) from act_hi_procinst h join project p on p.process_instance_id = h.id_"
                + " where " + Figure.Sql.COMPLETED_IN_RANGE + " group by 1", params);
        // Projects entered, warnings raised and closed: the month counts of V32 (kept by triggers), not a scan.
        Map<String, Map<String, Long>> counted = new HashMap<>();
        jdbc.query("select figure, k1, sum(n) from (" + COUNTS + ") c where k1 between :fromMonth and :toMonth"
                        + " group by figure, k1",
                params.addValue("figures", List.of("ENTERED", "RAISED", "CLOSED"))
                        .addValue("fromMonth", from.toString()).addValue("toMonth", to.toString()),
                rs -> {
                    counted.computeIfAbsent(rs.getString(1), f -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        Map<String, Long> entered = counted.getOrDefault("ENTERED", Map.of());
        Map<String, Long> raised = counted.getOrDefault("RAISED", Map.of());
        Map<String, Long> closed = counted.getOrDefault("CLOSED", Map.of());
        List<TrendMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            String key = m.toString();
            months.add(new TrendMonth(key, entered.getOrDefault(key, 0L), completed.getOrDefault(key, 0L),
                    raised.getOrDefault(key, 0L), closed.getOrDefault(key, 0L)));
        }
        return months;
    }

    private Map<String, Long> byMonth(String sql, MapSqlParameterSource params) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, params,
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** {@code :from}/{@code :to} (instants) and {@code :fromLocal}/{@code :toLocal} (Camunda's columns) of months. */
    static MapSqlParameterSource monthRange(YearMonth from, YearMonth to) {
        Instant start = from.atDay(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant();
        Instant end = to.plusMonths(1).atDay(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant();
        return new MapSqlParameterSource("from", Timestamp.from(start)).addValue("to", Timestamp.from(end))
                .addValue("fromLocal", Timestamp.from(start)).addValue("toLocal", Timestamp.from(end));
    }

    // --- the 月报表 -----------------------------------------------------------------------------------------------

    /**
     * One row per town for a month: projects in the plan, started, active in each phase, completed and overdue as
     * of now; warnings raised and closed in the month (all of the town's warnings, monthly reports' included).
     */
    public List<ReportRow> monthlyReport(YearMonth month, String onlyTown) {
        MapSqlParameterSource params = monthRange(month, month).addValue("nowLocal", Timestamp.from(now()))
                .addValue("town", onlyTown, Types.VARCHAR);
        StringBuilder sql = new StringBuilder("select t.code, t.name")
                .append(", count(p.id) filter (where ").append(Figure.IN_PLAN.condition()).append(")")
                .append(", count(p.id) filter (where ").append(Figure.STARTED.condition()).append(")");
        for (Phase phase : Phase.values()) {
            sql.append(", count(p.id) filter (where p.status = 'ACTIVE' and p.phase = '").append(phase.name()).append("')");
        }
        sql.append(", count(p.id) filter (where ").append(Figure.COMPLETED.condition()).append(")")
                .append(", count(p.id) filter (where ").append(Figure.OVERDUE.condition()).append(")")
                .append(" from town t left join project p on p.town_code = t.code")
                .append(" where (cast(:town as varchar) is null or t.code = :town)")
                .append(" group by t.code, t.name, t.kind order by ").append(TOWN_ORDER);
        Map<String, long[]> warnings = new HashMap<>();
        jdbc.query("select w.town_code, count(*) filter (where w.raised_at >= :from and w.raised_at < :to),"
                + " count(*) filter (where w.closed_at >= :from and w.closed_at < :to) from task_warning w"
                + " where w.town_code is not null and (cast(:town as varchar) is null or w.town_code = :town)"
                + " and ((w.raised_at >= :from and w.raised_at < :to) or (w.closed_at >= :from and w.closed_at < :to))"
                + " group by w.town_code", params, rs -> {
            warnings.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
        });
        return jdbc.query(sql.toString(), params, (rs, i) -> {
            int col = 3;
            long inPlan = rs.getLong(col++);
            long started = rs.getLong(col++);
            Map<String, Long> byPhase = new LinkedHashMap<>();
            for (Phase phase : Phase.values()) {
                byPhase.put(phase.name(), rs.getLong(col++));
            }
            long completed = rs.getLong(col++);
            long overdue = rs.getLong(col);
            long[] w = warnings.getOrDefault(rs.getString(1), new long[2]);
            return new ReportRow(rs.getString(1), rs.getString(2), inPlan, started, byPhase, completed, overdue, w[0], w[1]);
        });
    }

    /** The total row of a 月报表. */
    public static ReportRow total(List<ReportRow> rows) {
        Map<String, Long> byPhase = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            byPhase.put(phase.name(), rows.stream().mapToLong(r -> r.projectsByPhase().get(phase.name())).sum());
        }
        return new ReportRow(null, "合计", rows.stream().mapToLong(ReportRow::projectsInPlan).sum(),
                rows.stream().mapToLong(ReportRow::projectsStarted).sum(), byPhase,
                rows.stream().mapToLong(ReportRow::projectsCompleted).sum(),
                rows.stream().mapToLong(ReportRow::projectsOverdue).sum(),
                rows.stream().mapToLong(ReportRow::warningsRaised).sum(),
                rows.stream().mapToLong(ReportRow::warningsClosed).sum());
    }

    // --- drill-down --------------------------------------------------------------------------------------------

    /** The projects behind a figure's cell; {@code phase}, {@code grade}, {@code month} as the figure takes them. */
    public ProjectList projects(Figure figure, String town, Phase phase, Grade grade, YearMonth month, int offset,
                                int limit) {
        YearMonth m = month != null ? month : YearMonth.now(WorkingDayCalendar.ZONE);
        MapSqlParameterSource params = monthRange(m, m).addValue("nowLocal", Timestamp.from(now()))
                .addValue("town", town, Types.VARCHAR)
                .addValue("phase", phase == null ? null : phase.name(), Types.VARCHAR)
                .addValue("phaseActivity", phase == null ? null : phase.callActivityId(), Types.VARCHAR)
                .addValue("gradeRank", grade == null ? null : grade.rank(), Types.INTEGER)
                .addValue("limit", limit).addValue("offset", offset);
        StringBuilder where = new StringBuilder(" where (").append(figure.condition()).append(")")
                .append(" and (cast(:town as varchar) is null or p.town_code = :town)");
        if (figure == Figure.PHASE_TOWN_GRADE) {
            where.append(" and (cast(:phase as varchar) is null or p.phase = :phase)")
                    .append(" and (cast(:gradeRank as integer) is null or p.warning_rank = :gradeRank)");
        }
        // p.warning_rank: the project's highest open grade, the column the phase × town × grade counts are made of
        // (V32), so a cell's drill-down lists exactly the projects it counts.
        String from = " from project p join town t on t.code = p.town_code" + where;
        Long total = jdbc.queryForObject("select count(*)" + from, params, Long.class);
        List<ProjectItem> items = jdbc.query("select p.id, p.code, p.name, p.town_code, t.name, p.status, p.phase,"
                + " p.warning_rank" + from + " order by p.id limit :limit offset :offset", params, (rs, i) -> {
            ProjectStatus status = ProjectStatus.valueOf(rs.getString(6));
            String phaseCode = rs.getString(7);
            return new ProjectItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    status.name(), status.label(), phaseCode,
                    phaseCode == null ? null : Phase.valueOf(phaseCode).label(), Grade.ofRank(rs.getInt(8)).name());
        });
        Map<String, String> parameters = new TreeMap<>();
        if (town != null) {
            parameters.put("town", town);
        }
        if (phase != null) {
            parameters.put("phase", phase.name());
        }
        if (grade != null) {
            parameters.put("grade", grade.name());
        }
        if (figure.parameters().contains("month")) {
            parameters.put("month", m.toString());
        }
        return new ProjectList(figure.code(), parameters, total == null ? 0 : total, offset, limit, items);
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
