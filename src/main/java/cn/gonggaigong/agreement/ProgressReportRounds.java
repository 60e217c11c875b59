package cn.gonggaigong.agreement;

import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.Optional;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.decision.DecisionRecordRepository;
import cn.gonggaigong.form.DateOrder;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The calendar of 报送实施进展 (Art. 14: the town reports each month): a round is a calendar month's, not a month
 * after the last report was submitted. The next round comes on the 1st of the month after the month just reported,
 * 09:00 Beijing (as the towns' monthly report, MonthlyProgressReport); a report submitted late brings the next round
 * at once, so no month is skipped, and that round's form starts from the month after the last one reported.
 */
@Component("progressReportRounds")
public class ProgressReportRounds {

    static final LocalTime ROUND_BEGINS = LocalTime.of(9, 0);

    private final DecisionRecordRepository decisions;

    public ProgressReportRounds(DecisionRecordRepository decisions) {
        this.decisions = decisions;
    }

    /** The timer of the next round (ImplementationSupervision, 下月报送期已到): read when the report is submitted. */
    public Date nextRound(DelegateExecution execution) {
        YearMonth reported = month(execution.getVariable(ProgressReportCheck.MONTH))
                .orElseGet(() -> YearMonth.from(WorkingDayCalendar.today()));
        return Date.from(reported.plusMonths(1).atDay(1).atTime(ROUND_BEGINS).atZone(WorkingDayCalendar.ZONE).toInstant());
    }

    /**
     * The month a round's form starts from: the month after the latest one reported for the project, where that
     * month has begun; otherwise (the first round, or the latest report was of this month) the month the task came in.
     */
    public YearMonth monthToReport(long projectId, YearMonth taskCameIn) {
        YearMonth thisMonth = YearMonth.from(WorkingDayCalendar.today());
        return month(decisions.latestFact(projectId, ProgressReportCheck.TASK, ProgressReportCheck.MONTH).orElse(null))
                .map(last -> last.plusMonths(1))
                .filter(next -> !next.isAfter(thisMonth))
                .orElse(taskCameIn);
    }

    /** A form's YYYY-MM value as the forms' rules read it (DateOrder); empty for anything else. */
    private static Optional<YearMonth> month(Object value) {
        return Optional.ofNullable(DateOrder.month(value));
    }
}
