package cn.gonggaigong.process;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;

import cn.gonggaigong.clock.WorkingDayCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Art. 12(2): "补偿安置方案在改造方案批复之日起，1年内未依法完成相关权利主体表决的，改造方案应当重新报批". The year runs
 * from the date of the government's approval (批复日期 on Task_ApproveScheme), not from the moment the vote opens:
 * between them lie the filing with the prefecture NRB and, for historical land, the prefecture government's approval.
 * It ends with the anniversary day (23:59:59, China time). Used by CompensationVote.bpmn for its timers and as the
 * vote task's due date.
 */
@Component("compensationVoteDeadline")
public class CompensationVoteDeadline {

    /**
     * @param schemeApprovalDate the approval's date as the form holds it (yyyy-MM-dd), or null for a vote opened
     *                           without one (an instance started before the date was handed over): then a year from now
     */
    public Date of(Object schemeApprovalDate) {
        LocalDate approved = day(schemeApprovalDate);
        if (approved == null) {
            return Date.from(ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.ZONE).plusYears(1).toInstant());
        }
        return Date.from(WorkingDayCalendar.endOf(approved.plusYears(1)));
    }

    private static LocalDate day(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof String text && text.length() >= 10) {
            try {
                return LocalDate.parse(text.substring(0, 10));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
