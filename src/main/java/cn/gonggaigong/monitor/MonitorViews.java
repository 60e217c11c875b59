package cn.gonggaigong.monitor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the monitoring API answers (JSON). Every count names the figure and parameters that drill down to it. */
public final class MonitorViews {

    private MonitorViews() {
    }

    public record Town(String code, String name) {
    }

    public record PhaseInfo(String code, String label) {
    }

    /** Active projects of one phase, town and warning grade. */
    public record PhaseTownGradeCell(String phase, String town, String grade, long count) {
    }

    public record PhaseTownGrade(List<PhaseInfo> phases, List<Town> towns, List<GradeInfo> grades,
                                 List<PhaseTownGradeCell> cells, long total) {
    }

    public record GradeInfo(String code, String label) {
    }

    /** An open task past its due date; a monthly report task names its town and no project. The responsible
     * office is the task's candidate groups (comma-separated ids), else its assignee; its name is what people read
     * (e.g. 占陇镇). */
    public record OverdueTask(Long projectId, String projectCode, String projectName, String townCode,
                              String townName, String taskId, String taskName, String taskDefinitionKey,
                              String responsibleOffice, String responsibleOfficeName, String assignee,
                              Instant dueAt, LocalDate dueDay, int workingDaysOverdue, String grade,
                              boolean suspended) {

        public OverdueTask withResponsibleOfficeName(String name) {
            return new OverdueTask(projectId, projectCode, projectName, townCode, townName, taskId, taskName,
                    taskDefinitionKey, responsibleOffice, name, assignee, dueAt, dueDay, workingDaysOverdue, grade,
                    suspended);
        }
    }

    public record OverdueList(long total, int offset, int limit, List<OverdueTask> items) {
    }

    /** A deadline of a monitoring agreement missed (Art. 13 (二)): status 已逾期 (still not done) or 逾期后完成. */
    public record AgreementBreach(Long projectId, String projectCode, String projectName, String townCode,
                                  String townName, String milestone, LocalDate deadline, Instant breachedAt,
                                  String status, Boolean subjectResponsible, String explanation) {
    }

    public record AgreementBreachList(long total, int limit, List<AgreementBreach> items) {
    }

    /**
     * One office's timeliness (各单位办理时效) from the statutory clock's rows (task_clock, the office's own time):
     * in the month, the steps it completed, how many by their deadline (of those with one) and the working days
     * they took on average; now, its open steps and how many are past their deadline.
     */
    public record OfficeRow(String office, String officeName, long completedTasks, long onTimeTasks,
                            Double onTimeRate, Double averageWorkingDays, long openTasks, long overdueTasks) {

        OfficeRow named(String name) {
            return new OfficeRow(office, name, completedTasks, onTimeTasks, onTimeRate, averageWorkingDays, openTasks,
                    overdueTasks);
        }
    }

    public record OfficeTable(String month, Instant asOf, List<OfficeRow> rows) {
    }

    public record LeagueRow(String townCode, String townName, long completedTasks, long onTimeTasks,
                            Double onTimeRate, long completedPhases, Double averageWorkingDaysPerPhase,
                            long openRedWarnings) {
    }

    /** The dashboard's cards: completed steps with a due date of every office, on time, and open red warnings. */
    public record Totals(long completedTasks, long onTimeTasks, Double onTimeRate, long openRedWarnings,
                         @io.swagger.v3.oas.annotations.media.Schema(description = "审批流程被系统管理员挂起（暂停）的在办项目数；明细 figure=suspended")
                         long suspendedProjects) {
    }

    public record TrendMonth(String month, long projectsEntered, long projectsCompleted, long warningsRaised,
                             long warningsClosed) {
    }

    /** One row of the 月报表: a town (or the total row, townCode null) in one month. */
    public record ReportRow(String townCode, String townName, long projectsInPlan, long projectsStarted,
                            Map<String, Long> projectsByPhase, long projectsCompleted, long projectsOverdue,
                            long warningsRaised, long warningsClosed) {
    }

    public record MonthlyReportTable(String month, Instant asOf, List<PhaseInfo> phases, List<ReportRow> rows,
                                     ReportRow total) {
    }

    public record ProjectItem(long id, String code, String name, String townCode, String townName, String status,
                              String statusLabel, String phase, String phaseLabel, String grade) {
    }

    public record ProjectList(String figure, Map<String, String> parameters, long total, int offset, int limit,
                              List<ProjectItem> items) {
    }
}
