package cn.gonggaigong.report;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.process.MonthlyProgressReportProcess;
import cn.gonggaigong.process.MonthlyProgressReportProcess.Var;
import cn.gonggaigong.project.Town;
import cn.gonggaigong.project.TownRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Starts a month's round of reports: the month (engine clock, Asia/Shanghai), the due date (end of the 25th) and the
 * towns, one report task each.
 */
@Component("monthlyReportRound")
public class MonthlyReportRound implements JavaDelegate {

    private final TownRepository towns;

    public MonthlyReportRound(TownRepository towns) {
        this.towns = towns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        apply(execution, towns.findAll().stream().map(Town::getCode).sorted().toList());
    }

    /** Sets the round's variables for these towns; the month is the engine clock's. */
    public static void apply(DelegateExecution execution, List<String> townCodes) {
        YearMonth month = YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.ZONE));
        execution.setVariable(Var.REPORT_MONTH, month.toString());
        execution.setVariable(Var.REPORT_DUE_AT, Date.from(dueAt(month)));
        execution.setVariable(Var.TOWN_CODES, new ArrayList<>(townCodes));
    }

    /** The end of the 25th of the month, in China's time zone. */
    public static Instant dueAt(YearMonth month) {
        return WorkingDayCalendar.endOf(month.atDay(MonthlyProgressReportProcess.DUE_DAY_OF_MONTH));
    }
}
