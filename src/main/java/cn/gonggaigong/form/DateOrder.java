package cn.gonggaigong.form;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.task.SubmissionCheck;
import cn.gonggaigong.task.TaskRow;
import org.springframework.stereotype.Component;

/**
 * Dates of one form that must be in order, which a form cannot say field by field: a notice cannot end before it
 * starts, a project cannot be completed before its construction starts or its demolition is done (the later field is
 * named, with both dates); the date of something done is not in the
 * future (a signature dated 2099), and a date promised is not in the past.
 */
@Component
public class DateOrder implements SubmissionCheck {

    /** {@code earlier} on or before {@code later}, in the task {@code task}. */
    record Rule(String task, String earlier, String earlierLabel, String later, String laterLabel) {
    }

    static final List<Rule> RULES = List.of(
            new Rule("Task_PublishBaseData", "noticeStartDate", "公示开始日期", "noticeEndDate", "公示结束日期"),
            new Rule("Task_DraftMonitoringAgreement", "constructionStartDeadline", "开工时限", "completionDeadline", "竣工时限"),
            new Rule("Task_DraftMonitoringAgreement", "demolitionDeadline", "拆迁完成时限", "completionDeadline", "竣工时限"));

    /**
     * Dates of things that have happened when the form is submitted (a survey, a signature, a payment, a registration…):
     * not after today. Deadlines and planned dates are not among them.
     */
    static final java.util.Set<String> PAST = java.util.Set.of("surveyDate", "noticeStartDate", "noticeEndDate", "signedDate",
            "bondPaidDate", "meetingDate", "approvalDate", "filingDate", "voteDate", "subjectSignedDate",
            "governmentSignedDate", "landApprovalDate", "landContractDate", "paidDate", "registrationDate",
            "completionDate", "rectifiedDate", "subsidyPaidDate");

    /** Months reported on (报送实施进展's month, YYYY-MM): not after this month, which has begun. */
    static final java.util.Set<String> PAST_MONTHS = java.util.Set.of("reportMonth");

    /** Dates a promise is made for (整改预计完成日期): not before today. */
    static final java.util.Set<String> FUTURE = java.util.Set.of("expectedCompletionDate");

    /** Deadlines a task sets, not before today there (an agreement drafted with a deadline already missed would be
     * breached before it is signed); the forms that only show them later (the signatures) are not held to it. */
    static final Map<String, java.util.Set<String>> SET_DEADLINES = Map.of("Task_DraftMonitoringAgreement",
            java.util.Set.of("demolitionDeadline", "constructionStartDeadline", "completionDeadline"));

    @Override
    public boolean appliesTo(String taskDefinitionKey) {
        return true;
    }

    @Override
    public List<FieldProblem> problems(TaskRow task, Map<String, Object> variables) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = cn.gonggaigong.clock.WorkingDayCalendar.today();
        variables.forEach((key, value) -> {
            LocalDate day = PAST.contains(key) ? day(value) : null;
            if (day != null && day.isAfter(today)) {
                problems.add(new FieldProblem(key, "不能晚于今天（" + today + "）：填写已经发生的日期"));
            }
            java.time.YearMonth month = PAST_MONTHS.contains(key) ? month(value) : null;
            if (month != null && month.isAfter(java.time.YearMonth.from(today))) {
                problems.add(new FieldProblem(key, "不能晚于本月（" + java.time.YearMonth.from(today)
                        + "）：填写已经过去或正在进行的月份"));
            }
            LocalDate promised = FUTURE.contains(key) ? day(value) : null;
            if (promised != null && promised.isBefore(today)) {
                problems.add(new FieldProblem(key, "不能早于今天（" + today + "）：填写预计完成的日期"));
            }
            LocalDate deadline = SET_DEADLINES.getOrDefault(task.taskDefinitionKey(), java.util.Set.of()).contains(key)
                    ? day(value) : null;
            if (deadline != null && deadline.isBefore(today)) {
                problems.add(new FieldProblem(key, "不能早于今天（" + today + "）：协议约定的时限应在今后"));
            }
        });
        for (Rule rule : RULES) {
            if (!rule.task().equals(task.taskDefinitionKey())) {
                continue;
            }
            LocalDate earlier = day(variables.get(rule.earlier()));
            LocalDate later = day(variables.get(rule.later()));
            if (earlier != null && later != null && later.isBefore(earlier)) {
                problems.add(new FieldProblem(rule.later(), rule.laterLabel() + "（" + later + "）不能早于"
                        + rule.earlierLabel() + "（" + earlier + "）"));
            }
        }
        return problems;
    }

    /** The month of a form's YYYY-MM value; null for anything else (the form's pattern says what is wrong there). */
    public static java.time.YearMonth month(Object value) {
        if (!(value instanceof String text) || !text.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            return null;
        }
        return java.time.YearMonth.parse(text);
    }

    /** The day of a form's date value (FormValidator keeps dates as their ISO text). */
    static LocalDate day(Object value) {
        if (value instanceof java.util.Date date) {
            return LocalDate.ofInstant(date.toInstant(), cn.gonggaigong.clock.WorkingDayCalendar.ZONE);
        }
        if (!(value instanceof String text) || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
