package cn.gonggaigong.report;

import cn.gonggaigong.monitor.MonitorAccess;
import cn.gonggaigong.monitor.MonitorApiExceptionHandler.BadParametersException;
import cn.gonggaigong.monitor.MonitorApiExceptionHandler.NotFoundException;
import cn.gonggaigong.monitor.MonitorParameters;
import cn.gonggaigong.monitor.MonitorQueries;
import cn.gonggaigong.monitor.MonitorViews.ReportRow;
import cn.gonggaigong.platform.ConcurrentChangeRetry;
import cn.gonggaigong.process.MonthlyProgressReportProcess.Field;
import cn.gonggaigong.project.Town;
import cn.gonggaigong.project.TownRepository;
import cn.gonggaigong.task.CompletionGuard;
import cn.gonggaigong.report.MonthlyReports.Report;
import cn.gonggaigong.security.AccessRefusedException;
import cn.gonggaigong.security.CurrentUser;
import cn.gonggaigong.security.Groups;
import org.camunda.bpm.engine.TaskService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The towns' monthly progress reports.
 * <ul>
 *   <li>{@code GET /api/monthly-reports?month=YYYY-MM&town=}: reports (PENDING or SUBMITTED); the leading group, its
 *       office, NRB and admins read every town's, a town's officers their own town's.</li>
 *   <li>{@code GET /api/monthly-reports/tasks/{taskId}/prefill}: the town's figures from the data now, to fill the
 *       report task's form.</li>
 *   <li>{@code POST /api/monthly-reports/tasks/{taskId}} with {@code {"projectsInPlan":…, "projectsStarted":…,
 *       "projectsCompleted":…, "projectsOverdue":…, "warningsRaised":…, "warningsClosed":…, "progressSummary":…,
 *       "remarks":…}}: submits (completes the task as the current user; 400 names each bad field). The task can
 *       equally be completed in Tasklist or through Camunda's REST API with the same variables.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/monthly-reports")
public class MonthlyReportController {

    private final MonthlyReports reports;
    private final MonitorQueries queries;
    private final MonitorAccess access;
    private final MonitorParameters parameters;
    private final TownRepository towns;
    private final TaskService taskService;
    private final ConcurrentChangeRetry retry;

    public MonthlyReportController(MonthlyReports reports, MonitorQueries queries, MonitorAccess access,
                                   MonitorParameters parameters, TownRepository towns, TaskService taskService,
                                   ConcurrentChangeRetry retry) {
        this.reports = reports;
        this.queries = queries;
        this.access = access;
        this.parameters = parameters;
        this.towns = towns;
        this.taskService = taskService;
        this.retry = retry;
    }

    public record Prefill(String taskId, String townCode, String townName, String reportMonth, Instant dueAt,
                          String status, Map<String, Object> values, ReportRow data) {
    }

    @GetMapping
    public List<Report> list(@RequestParam(required = false) String month, @RequestParam(required = false) String town) {
        CurrentUser user = CurrentUser.current();
        MonitorParameters.Reader p = parameters.reader();
        YearMonth m = p.month("month", month, false);
        String townCode = p.town(town);
        p.check();
        if (access.canRead(user)) {
            return reports.find(m == null ? null : m.toString(), townCode == null ? null : Set.of(townCode));
        }
        Set<String> own = ownTowns(user);
        if (own.isEmpty()) {
            throw new AccessRefusedException("无权查看月度报告：仅乡镇(街道、农场)本级和领导小组、市自然资源局可以查看");
        }
        if (townCode != null && !own.contains(townCode)) {
            throw new AccessRefusedException("只能查看本乡镇(街道、农场)的月度报告");
        }
        return reports.find(m == null ? null : m.toString(), townCode == null ? own : Set.of(townCode));
    }

    @GetMapping("/tasks/{taskId}/prefill")
    public Prefill prefill(@PathVariable String taskId) {
        Report report = readable(taskId);
        ReportRow data = queries.monthlyReport(YearMonth.parse(report.reportMonth()), report.townCode()).get(0);
        return new Prefill(taskId, report.townCode(), report.townName(), report.reportMonth(), report.dueAt(),
                report.status(), MonthlyReportForm.prefill(data), data);
    }

    @PostMapping("/tasks/{taskId}")
    public Report submit(@PathVariable String taskId, @RequestBody(required = false) Map<String, Object> body) {
        // The completion is the engine's own transaction; run again when the task's timer job met it.
        return retry.call("monthly report " + taskId, () -> submitOnce(taskId, body));
    }

    private Report submitOnce(String taskId, Map<String, Object> body) {
        Report report = readable(taskId);
        if (!"PENDING".equals(report.status())) {
            throw new BadParametersException(List.of(new cn.gonggaigong.project.FieldProblem("taskId", "该月度报告已报送")));
        }
        Map<String, Object> values = body == null ? Map.of() : body;
        MonthlyReports.Submission s;
        try {
            s = MonthlyReportForm.read(values::get);
        } catch (MonthlyReportForm.RejectedException e) {
            throw new BadParametersException(e.problems());
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(Field.PROJECTS_IN_PLAN, (long) s.projectsInPlan());
        variables.put(Field.PROJECTS_STARTED, (long) s.projectsStarted());
        variables.put(Field.PROJECTS_COMPLETED, (long) s.projectsCompleted());
        variables.put(Field.PROJECTS_OVERDUE, (long) s.projectsOverdue());
        variables.put(Field.WARNINGS_RAISED, (long) s.warningsRaised());
        variables.put(Field.WARNINGS_CLOSED, (long) s.warningsClosed());
        variables.put(Field.PROGRESS_SUMMARY, s.progressSummary());
        variables.put(Field.REMARKS, s.remarks() == null ? "" : s.remarks());
        // MonthlyReportForm checked the submission: the guard need not check it again.
        CompletionGuard.completeChecked(taskId, () -> taskService.complete(taskId, variables));
        return reports.byTask(taskId).orElseThrow();
    }

    /** The report of a task, if the user is an overseer or an officer of its town. */
    private Report readable(String taskId) {
        CurrentUser user = CurrentUser.current();
        Report report = reports.byTask(taskId).orElseThrow(() -> new NotFoundException("没有月度报告任务 " + taskId));
        if (!access.canRead(user) && !ownTowns(user).contains(report.townCode())) {
            throw new AccessRefusedException("该月度报告属于" + report.townName() + "，您不是该乡镇(街道、农场)的人员");
        }
        return report;
    }

    private Set<String> ownTowns(CurrentUser user) {
        Set<String> groups = user.groups().stream().filter(Groups::isTown).collect(Collectors.toSet());
        return towns.findAll().stream().filter(t -> groups.contains(t.getGroupId())).map(Town::getCode)
                .collect(Collectors.toSet());
    }
}
