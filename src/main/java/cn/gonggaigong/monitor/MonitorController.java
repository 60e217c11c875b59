package cn.gonggaigong.monitor;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.monitor.MonitorViews.LeagueRow;
import cn.gonggaigong.monitor.MonitorViews.MonthlyReportTable;
import cn.gonggaigong.monitor.MonitorViews.OverdueList;
import cn.gonggaigong.monitor.MonitorViews.OverdueTask;
import cn.gonggaigong.monitor.MonitorViews.PhaseTownGrade;
import cn.gonggaigong.monitor.MonitorViews.ProjectList;
import cn.gonggaigong.monitor.MonitorViews.ReportRow;
import cn.gonggaigong.monitor.MonitorViews.TrendMonth;
import cn.gonggaigong.process.Phase;
import cn.gonggaigong.task.UserDirectory;
import cn.gonggaigong.platform.Spreadsheets;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The leading group's monitoring API. Readers: leading-group, leading-group-office, nrb, admins (others 403).
 *
 * <ul>
 *   <li>{@code GET /api/monitor/phase-town-grade}: active projects counted by phase × town × warning grade;
 *       drill down with {@code figure=phase-town-grade&phase=&town=&grade=} (each optional).</li>
 *   <li>{@code GET /api/monitor/offices?month=YYYY-MM}: 各单位办理时效, per office (the statutory clock's responsible
 *       group, its own time): steps completed in the month, on time, average working days; steps open now, overdue.</li>
 *   <li>{@code GET /api/monitor/overdue?town=&offset=0&limit=50}: open tasks past their due date (project, task,
 *       responsible office, due date, working days overdue), oldest first; monthly reports included;
 *       {@code /overdue.xlsx?town=}: all of them as an Excel workbook (逾期事项清单); so {@code /agreement-breaches.xlsx?town=}
 *       for the missed agreement deadlines.</li>
 *   <li>{@code GET /api/monitor/agreement-breaches?town=&limit=50}: deadlines of monitoring agreements missed, those
 *       still not done first, with the town's explanation (Art. 13 (二), Art. 19).</li>
 *   <li>{@code GET /api/monitor/totals}: the city's on-time rate of completed tasks (every office's), its open
 *       red warnings and its projects whose process an administrator suspended (drill with {@code suspended}).</li>
 *   <li>{@code GET /api/monitor/league}: per town: on-time rate of the town office's own completed tasks and its
 *       open red warnings, average working days per completed phase of its projects; drill with {@code late-tasks},
 *       {@code phases-done}, {@code open-red}.</li>
 *   <li>{@code GET /api/monitor/trend?from=YYYY-MM&to=YYYY-MM}: per month projects entering, completed, warnings
 *       raised and closed (default the last 12 months); drill with {@code entered}, {@code completed-in-month},
 *       {@code warnings-raised}, {@code warnings-closed} and {@code month}.</li>
 *   <li>{@code GET /api/monitor/report-months}: the months of the 月报表, newest first (this month back to the first
 *       project's, at least 12).</li>
 *   <li>{@code GET /api/monitor/monthly-report?month=YYYY-MM} and {@code /api/monitor/monthly-report.xlsx?month=}:
 *       the 月报表, one row per town and a total; drill with {@code in-plan}, {@code started}, {@code in-phase},
 *       {@code completed}, {@code overdue}, {@code warnings-raised}, {@code warnings-closed}.</li>
 *   <li>{@code GET /api/monitor/projects?figure=&town=&phase=&grade=&month=&offset=0&limit=50}: the projects
 *       behind any figure's cell.</li>
 * </ul>
 * Bad parameters: 400 {@code {"status":400,"message":…,"errors":[{"field":…,"reason":…}]}}.
 */
@RestController
@RequestMapping("/api/monitor")
public class MonitorController {

    private final MonitorQueries queries;
    private final MonitorAccess access;
    private final MonitorParameters parameters;
    private final MonthlyReportWorkbook workbook;
    private final AgreementBreachList breaches;
    private final UserDirectory users;

    public MonitorController(MonitorQueries queries, MonitorAccess access, MonitorParameters parameters,
                             MonthlyReportWorkbook workbook, AgreementBreachList breaches, UserDirectory users) {
        this.breaches = breaches;
        this.users = users;
        this.queries = queries;
        this.access = access;
        this.parameters = parameters;
        this.workbook = workbook;
    }

    @GetMapping("/phase-town-grade")
    public PhaseTownGrade phaseTownGrade() {
        access.checkRead();
        return queries.phaseTownGrade();
    }

    @GetMapping("/overdue")
    public OverdueList overdue(@RequestParam(required = false) String town,
                               @RequestParam(defaultValue = "0") int offset,
                               @RequestParam(defaultValue = "50") int limit) {
        access.checkRead();
        MonitorParameters.Reader p = parameters.reader();
        String townCode = p.town(town);
        p.range("offset", offset, 0, Integer.MAX_VALUE);
        p.range("limit", limit, 1, 500);
        p.check();
        return named(queries.overdue(townCode, offset, limit));
    }

    /**
     * 逾期事项清单: every overdue task of the city or of one town (the dashboard's list shows the first 200), as an
     * Excel workbook ({@link MonitorExports#overdue}).
     */
    @GetMapping("/overdue.xlsx")
    public ResponseEntity<byte[]> overdueWorkbook(@RequestParam(required = false) String town) {
        String townCode = exportedTown(town);
        Instant asOf = MonitorQueries.now();
        List<OverdueTask> tasks = named(queries.overdue(townCode, 0, Integer.MAX_VALUE)).items();
        Map<String, String> people = users.officeNames(tasks.stream().map(OverdueTask::assignee).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        byte[] file = MonitorExports.overdue(scope(townCode), tasks, people, asOf);
        return Spreadsheets.download("工改工逾期事项清单-" + LocalDate.ofInstant(asOf, WorkingDayCalendar.ZONE) + ".xlsx", file);
    }

    /** An export's town, checked (null: the city), after the caller's right to read the figures. */
    private String exportedTown(String town) {
        access.checkRead();
        MonitorParameters.Reader p = parameters.reader();
        String townCode = p.town(town);
        p.check();
        return townCode;
    }

    /** What an export's note says it covers: 全市, or the town's name. */
    private String scope(String townCode) {
        return townCode == null ? "全市" : queries.towns().stream().filter(t -> t.code().equals(townCode))
                .map(MonitorViews.Town::name).findFirst().orElse(townCode);
    }

    /** The responsible offices by name (UserDirectory.officeNames, once for the page). */
    private OverdueList named(OverdueList list) {
        Map<String, String> names = users.officeNames(list.items().stream().map(OverdueTask::responsibleOffice)
                .filter(Objects::nonNull).flatMap(office -> Arrays.stream(office.split(","))).toList());
        return new OverdueList(list.total(), list.offset(), list.limit(), list.items().stream()
                .map(item -> item.responsibleOffice() == null ? item : item.withResponsibleOfficeName(
                        Arrays.stream(item.responsibleOffice().split(",")).map(names::get)
                                .collect(Collectors.joining("、"))))
                .toList());
    }

    /**
     * 监管协议逾期清单: every missed agreement deadline of the city or of one town (the dashboard lists the first 200),
     * as an Excel workbook ({@link MonitorExports#breaches}), in the page's order and words.
     */
    @GetMapping("/agreement-breaches.xlsx")
    public ResponseEntity<byte[]> agreementBreachesWorkbook(@RequestParam(required = false) String town) {
        String townCode = exportedTown(town);
        Instant asOf = MonitorQueries.now();
        byte[] file = MonitorExports.breaches(scope(townCode), breaches.list(townCode, Integer.MAX_VALUE).items(), asOf);
        return Spreadsheets.download("工改工监管协议逾期清单-" + LocalDate.ofInstant(asOf, WorkingDayCalendar.ZONE) + ".xlsx", file);
    }

    @GetMapping("/agreement-breaches")
    public MonitorViews.AgreementBreachList agreementBreaches(@RequestParam(required = false) String town,
                                                              @RequestParam(defaultValue = "50") int limit) {
        access.checkRead();
        MonitorParameters.Reader p = parameters.reader();
        String townCode = p.town(town);
        p.range("limit", limit, 1, 500);
        p.check();
        return breaches.list(townCode, limit);
    }

    @GetMapping("/totals")
    public MonitorViews.Totals totals() {
        access.checkRead();
        return queries.totals();
    }

    @GetMapping("/league")
    public List<LeagueRow> league() {
        access.checkRead();
        return queries.league();
    }

    /** 各单位办理时效 of a month (default this month): per office, the month's completed steps and now's open ones. */
    @GetMapping("/offices")
    public MonitorViews.OfficeTable offices(@RequestParam(required = false) String month) {
        access.checkRead();
        MonitorParameters.Reader p = parameters.reader();
        YearMonth m = p.month("month", month, false);
        p.check();
        YearMonth chosen = m != null ? m : YearMonth.now(WorkingDayCalendar.ZONE);
        List<MonitorViews.OfficeRow> rows = queries.offices(chosen);
        Map<String, String> names = users.officeNames(rows.stream().map(MonitorViews.OfficeRow::office).toList());
        return new MonitorViews.OfficeTable(chosen.toString(), MonitorQueries.now(),
                rows.stream().map(r -> r.named(names.getOrDefault(r.office(), r.office()))).toList());
    }

    @GetMapping("/trend")
    public List<TrendMonth> trend(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        access.checkRead();
        MonitorParameters.Reader p = parameters.reader();
        YearMonth end = p.month("to", to, false);
        YearMonth start = p.month("from", from, false);
        if (end == null) {
            end = YearMonth.now(WorkingDayCalendar.ZONE);
        }
        if (start == null) {
            start = end.minusMonths(11);
        }
        if (start.isAfter(end)) {
            p.problem("from", "不能晚于 to");
        } else if (start.plusMonths(120).isBefore(end)) {
            p.problem("from", "时间跨度不能超过120个月");
        }
        p.check();
        return queries.trend(start, end);
    }

    @GetMapping("/report-months")
    public List<String> reportMonths() {
        access.checkRead();
        return queries.reportMonths();
    }

    @GetMapping("/monthly-report")
    public MonthlyReportTable monthlyReport(@RequestParam(required = false) String month) {
        access.checkRead();
        YearMonth m = requiredMonth(month);
        List<ReportRow> rows = queries.monthlyReport(m, null);
        return new MonthlyReportTable(m.toString(), MonitorQueries.now(), MonitorQueries.phases(), rows,
                MonitorQueries.total(rows));
    }

    @GetMapping("/monthly-report.xlsx")
    public ResponseEntity<byte[]> monthlyReportWorkbook(@RequestParam(required = false) String month) {
        access.checkRead();
        YearMonth m = requiredMonth(month);
        byte[] file = workbook.write(m, queries.monthlyReport(m, null), MonitorQueries.now());
        return Spreadsheets.download("工改工月报表-" + m + ".xlsx", file);
    }

    @GetMapping("/projects")
    public ProjectList projects(@RequestParam(required = false) String figure,
                                @RequestParam(required = false) String town,
                                @RequestParam(required = false) String phase,
                                @RequestParam(required = false) String grade,
                                @RequestParam(required = false) String month,
                                @RequestParam(defaultValue = "0") int offset,
                                @RequestParam(defaultValue = "50") int limit) {
        access.checkRead();
        MonitorParameters.Reader p = parameters.reader();
        Figure f = null;
        if (figure == null || figure.isBlank()) {
            p.problem("figure", "必填，可选值：" + Figure.codes());
        } else {
            f = Figure.of(figure.trim()).orElse(null);
            if (f == null) {
                p.problem("figure", "取值无效，可选值：" + Figure.codes());
            }
        }
        String townCode = p.town(town);
        Phase ph = p.phase(phase);
        Grade g = p.grade(grade);
        YearMonth m = p.month("month", month, f != null && f.parameters().contains("month"));
        if (f == Figure.IN_PHASE && ph == null && (phase == null || phase.isBlank())) {
            p.problem("phase", "该指标必须指定阶段");
        }
        p.range("offset", offset, 0, Integer.MAX_VALUE);
        p.range("limit", limit, 1, 500);
        p.check();
        return queries.projects(f, townCode, ph, g, m, offset, limit);
    }

    private YearMonth requiredMonth(String month) {
        MonitorParameters.Reader p = parameters.reader();
        YearMonth m = p.month("month", month, true);
        p.check();
        return m;
    }
}
