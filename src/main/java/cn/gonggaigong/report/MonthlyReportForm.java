package cn.gonggaigong.report;

import cn.gonggaigong.monitor.MonitorViews.ReportRow;
import cn.gonggaigong.process.MonthlyProgressReportProcess.Field;
import cn.gonggaigong.process.Phase;
import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.report.MonthlyReports.Submission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The fields of Form_SubmitMonthlyReport: prefilled from the data, read back and checked when submitted. */
public final class MonthlyReportForm {

    private static final List<String> COUNTS = List.of(Field.PROJECTS_IN_PLAN, Field.PROJECTS_STARTED,
            Field.PROJECTS_COMPLETED, Field.PROJECTS_OVERDUE, Field.WARNINGS_RAISED, Field.WARNINGS_CLOSED);

    private MonthlyReportForm() {
    }

    /** The form's values from the town's data (every field of the form, so none is shared between towns). */
    public static Map<String, Object> prefill(ReportRow data) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(Field.PROJECTS_IN_PLAN, data.projectsInPlan());
        values.put(Field.PROJECTS_STARTED, data.projectsStarted());
        values.put(Field.PROJECTS_COMPLETED, data.projectsCompleted());
        values.put(Field.PROJECTS_OVERDUE, data.projectsOverdue());
        values.put(Field.WARNINGS_RAISED, data.warningsRaised());
        values.put(Field.WARNINGS_CLOSED, data.warningsClosed());
        values.put(Field.PHASE_SUMMARY, phaseSummary(data));
        values.put(Field.PROGRESS_SUMMARY, "");
        values.put(Field.REMARKS, "");
        return values;
    }

    /** e.g. "纳入年度实施计划 3；确认改造主体 0；…". */
    public static String phaseSummary(ReportRow data) {
        return java.util.Arrays.stream(Phase.values())
                .map(p -> p.label() + " " + data.projectsByPhase().getOrDefault(p.name(), 0L))
                .collect(Collectors.joining("；"));
    }

    /** Reads a submission; every unusable field is named in {@link RejectedException}. */
    public static Submission read(Function<String, Object> values) {
        List<FieldProblem> problems = new ArrayList<>();
        int[] counts = new int[COUNTS.size()];
        for (int i = 0; i < COUNTS.size(); i++) {
            counts[i] = count(COUNTS.get(i), values.apply(COUNTS.get(i)), problems);
        }
        Object summary = values.apply(Field.PROGRESS_SUMMARY);
        if (summary == null || summary.toString().isBlank()) {
            problems.add(new FieldProblem(Field.PROGRESS_SUMMARY, "必填：请简述本月工作进展"));
        }
        Object remarks = values.apply(Field.REMARKS);
        if (!problems.isEmpty()) {
            throw new RejectedException(problems);
        }
        return new Submission(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], summary.toString().trim(),
                remarks == null || remarks.toString().isBlank() ? null : remarks.toString().trim());
    }

    private static int count(String field, Object value, List<FieldProblem> problems) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problems.add(new FieldProblem(field, "必填"));
            return 0;
        }
        double number;
        if (value instanceof Number n) {
            number = n.doubleValue();
        } else {
            try {
                number = Double.parseDouble(value.toString().trim());
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(field, "必须是数字"));
                return 0;
            }
        }
        if (number < 0 || number != Math.rint(number) || number > Integer.MAX_VALUE) {
            problems.add(new FieldProblem(field, "必须是不小于0的整数"));
            return 0;
        }
        return (int) number;
    }

    /** A submission with unusable fields: nothing is saved and the task stays open. */
    public static class RejectedException extends RuntimeException {

        private final List<FieldProblem> problems;

        public RejectedException(List<FieldProblem> problems) {
            super("月度报告校验未通过：" + problems.stream().map(p -> p.field() + " " + p.reason())
                    .collect(Collectors.joining("；")));
            this.problems = List.copyOf(problems);
        }

        public List<FieldProblem> problems() {
            return problems;
        }
    }
}
