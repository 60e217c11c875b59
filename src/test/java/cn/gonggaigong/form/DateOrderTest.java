package cn.gonggaigong.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.task.TaskRow;
import org.junit.jupiter.api.Test;

/** Dates of one form in order: the later field named with both dates; other tasks and missing dates untouched. */
class DateOrderTest {

    private final DateOrder check = new DateOrder();

    @Test
    void theAgreementsCompletionCannotComeBeforeItsConstructionStartOrItsDemolition() {
        assertThat(check.appliesTo("Task_DraftMonitoringAgreement")).isTrue();
        assertThat(problems("Task_DraftMonitoringAgreement", Map.of("demolitionDeadline", "2040-01-01",
                "constructionStartDeadline", "2035-01-01", "completionDeadline", "2030-01-01")))
                .containsExactly(new FieldProblem("completionDeadline", "竣工时限（2030-01-01）不能早于开工时限（2035-01-01）"),
                        new FieldProblem("completionDeadline", "竣工时限（2030-01-01）不能早于拆迁完成时限（2040-01-01）"));
        // Construction may start before every demolition is done (a project renovated in parts); the same day is in order.
        assertThat(problems("Task_DraftMonitoringAgreement", Map.of("demolitionDeadline", "2027-09-30",
                "constructionStartDeadline", "2027-06-30", "completionDeadline", "2027-09-30"))).isEmpty();
    }

    @Test
    void aNoticeEndsOnOrAfterItsStartAndMissingDatesAreLeftToTheForm() {
        assertThat(problems("Task_PublishBaseData", Map.of("noticeStartDate", "2026-11-20", "noticeEndDate", "2026-11-01")))
                .containsExactly(new FieldProblem("noticeEndDate", "公示结束日期（2026-11-01）不能早于公示开始日期（2026-11-20）"));
        assertThat(problems("Task_PublishBaseData", Map.of("noticeEndDate", "2026-11-01"))).isEmpty();
        assertThat(problems("Task_SurveyWillingness", Map.of("noticeStartDate", "2026-11-20", "noticeEndDate", "2026-11-01")))
                .isEmpty();
    }

    @Test
    void theDateOfSomethingDoneIsNotInTheFutureWhileADeadlineMayBe() {
        assertThat(problems("Task_SignAgreementAsGovernment", Map.of("governmentSignedDate", "2099-11-01")))
                .extracting(FieldProblem::field).containsExactly("governmentSignedDate");
        assertThat(problems("Task_SurveyWillingness", Map.of("surveyDate", "2026-03-01"))).isEmpty();
        assertThat(problems("Task_DraftMonitoringAgreement", Map.of("demolitionDeadline", "2099-01-01",
                "constructionStartDeadline", "2099-06-01", "completionDeadline", "2100-01-01"))).isEmpty();
    }

    @Test
    void aMonthReportedOnHasBegun() {
        java.time.YearMonth now = java.time.YearMonth.from(cn.gonggaigong.clock.WorkingDayCalendar.today());
        assertThat(problems("Task_ReportProgress", Map.of("reportMonth", now.plusMonths(1).toString())))
                .containsExactly(new FieldProblem("reportMonth", "不能晚于本月（" + now + "）：填写已经过去或正在进行的月份"));
        assertThat(problems("Task_ReportProgress", Map.of("reportMonth", now.toString()))).isEmpty();
        assertThat(problems("Task_ReportProgress", Map.of("reportMonth", now.minusMonths(3).toString()))).isEmpty();
        // Not a month at all: the form's own pattern refuses it (FormValidator), not this check.
        assertThat(problems("Task_ReportProgress", Map.of("reportMonth", "2099-13"))).isEmpty();
    }

    @Test
    void aDatePromisedIsNotInThePast() {
        assertThat(problems("Task_ExplainMilestoneBreach", Map.of("expectedCompletionDate", "2020-01-01")))
                .extracting(FieldProblem::field, FieldProblem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("expectedCompletionDate",
                        "不能早于今天（" + cn.gonggaigong.clock.WorkingDayCalendar.today() + "）：填写预计完成的日期"));
        assertThat(problems("Task_ExplainMilestoneBreach",
                Map.of("expectedCompletionDate", cn.gonggaigong.clock.WorkingDayCalendar.today().toString()))).isEmpty();
    }

    @Test
    void anAgreementIsNotDraftedWithADeadlineAlreadyMissedButItsSignaturesShowItAsItIs() {
        String yesterday = cn.gonggaigong.clock.WorkingDayCalendar.today().minusDays(1).toString();
        String today = cn.gonggaigong.clock.WorkingDayCalendar.today().toString();
        assertThat(problems("Task_DraftMonitoringAgreement", Map.of("demolitionDeadline", yesterday,
                "constructionStartDeadline", today, "completionDeadline", "2099-01-01")))
                .containsExactly(new FieldProblem("demolitionDeadline", "不能早于今天（" + today + "）：协议约定的时限应在今后"));
        assertThat(problems("Task_SignAgreementAsSubject", Map.of("demolitionDeadline", yesterday))).isEmpty();
    }

    private List<FieldProblem> problems(String taskKey, Map<String, Object> variables) {
        TaskRow task = new TaskRow("t1", "任务", taskKey, null, null, "pi", null, null, null, null, null, List.of(),
                List.of(), null, null, null, null, null, null, null, null, null);
        return check.problems(task, variables);
    }
}
