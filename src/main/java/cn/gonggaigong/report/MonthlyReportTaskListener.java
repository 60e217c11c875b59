package cn.gonggaigong.report;

import cn.gonggaigong.monitor.MonitorQueries;
import cn.gonggaigong.monitor.MonitorViews.ReportRow;
import cn.gonggaigong.process.MonthlyProgressReportProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.YearMonth;

/**
 * The report task's life: when created, its row in monthly_report (PENDING, with the due date) and the form
 * prefilled from the town's data ({@link #prefill}); when completed,
 * the submitted figures saved (checked first: a bad value refuses the completion and nothing is saved).
 */
@Component("monthlyReportTaskListener")
public class MonthlyReportTaskListener implements TaskListener {

    private final MonitorQueries queries;
    private final MonthlyReports reports;

    public MonthlyReportTaskListener(MonitorQueries queries, MonthlyReports reports) {
        this.queries = queries;
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        String town = (String) task.getVariable(Var.TOWN_CODE);
        YearMonth month = YearMonth.parse((String) task.getVariable(Var.REPORT_MONTH));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            prefill(task, data(town, month));
            reports.open(task.getId(), task.getProcessInstanceId(), town, month.toString(),
                    task.getDueDate().toInstant(), now());
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            MonthlyReports.Submission submission = MonthlyReportForm.read(task::getVariable);
            reports.submit(task.getId(), submission, data(town, month), actor(task), now());
        }
    }

    /**
     * The form's values, local to the task's own (multi-instance) execution: completing a task sets the submitted
     * variables on its execution, where they replace these; no town sees another's, none reaches the process.
     */
    public static void prefill(DelegateTask task, ReportRow data) {
        task.getExecution().setVariablesLocal(MonthlyReportForm.prefill(data));
    }

    private ReportRow data(String town, YearMonth month) {
        return queries.monthlyReport(month, town).get(0);
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private static String actor(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "anonymous";
    }
}
