package cn.gonggaigong.process;

/**
 * Ids and variables of {@code processes/MonthlyProgressReport.bpmn}: on the 1st of every month one instance gives
 * every town one task to report its projects' progress of that month, due by the 25th (seeds 000/001).
 */
public final class MonthlyProgressReportProcess {

    public static final String PROCESS_ID = "MonthlyProgressReport";
    public static final String START_EVENT_MONTH_BEGUN = "StartEvent_MonthBegun";
    public static final String TASK_PREPARE = "Task_PrepareMonthlyReports";
    public static final String TASK_SUBMIT = "Task_SubmitMonthlyReport";
    public static final String END_EVENT = "EndEvent_MonthlyReportsSubmitted";
    /** Reports are due by the end of this day of the month (Asia/Shanghai). */
    public static final int DUE_DAY_OF_MONTH = 25;

    public static final class Var {
        /** The month reported, {@code YYYY-MM}. */
        public static final String REPORT_MONTH = "reportMonth";
        /** End of the 25th of the month, the due date of every report task. */
        public static final String REPORT_DUE_AT = "reportDueAt";
        /** The codes of all towns; one report task each. */
        public static final String TOWN_CODES = "townCodes";
        /** The town of one report task (local to its multi-instance execution). */
        public static final String TOWN_CODE = "townCode";

        private Var() {
        }
    }

    /** Form fields of Form_SubmitMonthlyReport (task-local variables, prefilled from the data). */
    public static final class Field {
        public static final String PROJECTS_IN_PLAN = "projectsInPlan";
        public static final String PROJECTS_STARTED = "projectsStarted";
        public static final String PROJECTS_COMPLETED = "projectsCompleted";
        public static final String PROJECTS_OVERDUE = "projectsOverdue";
        public static final String WARNINGS_RAISED = "warningsRaised";
        public static final String WARNINGS_CLOSED = "warningsClosed";
        public static final String PHASE_SUMMARY = "phaseSummary";
        public static final String PROGRESS_SUMMARY = "progressSummary";
        public static final String REMARKS = "remarks";

        private Field() {
        }
    }

    private MonthlyProgressReportProcess() {
    }
}
