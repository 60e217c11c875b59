package cn.gonggaigong.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.task.SubmissionCheck;
import cn.gonggaigong.task.TaskRow;
import org.springframework.stereotype.Component;

/**
 * Figures of one form that must agree with each other, which a form cannot say field by field: parts of a floor
 * area are not larger than the whole (the subsidy is computed from them, Art. 19; the scheme's indicators are their
 * shares, Art. 7 and 10), a construction reported finished
 * is at 100 % and has started, a transition period granted names the new business it is for (Art. 22).
 */
@Component
public class FigureRules implements SubmissionCheck {

    static final String ACCEPTANCE = "Task_ApplyForAcceptance";
    static final String PROGRESS = "Task_ReportProgress";
    static final String TRANSITION = "Task_AssessTransitionPeriod";
    static final String SCHEME = "Task_CompileScheme";

    @Override
    public boolean appliesTo(String taskDefinitionKey) {
        return Set.of(ACCEPTANCE, PROGRESS, TRANSITION, SCHEME).contains(taskDefinitionKey);
    }

    @Override
    public List<FieldProblem> problems(TaskRow task, Map<String, Object> v) {
        List<FieldProblem> problems = new ArrayList<>();
        switch (task.taskDefinitionKey()) {
            case ACCEPTANCE -> {
                Double total = number(v.get("builtTotalFloorArea"));
                Double productive = number(v.get("productiveFloorArea"));
                Double office = number(v.get("officeLivingFloorArea"));
                if (total != null && productive != null && office != null && productive + office > total) {
                    problems.add(new FieldProblem("productiveFloorArea", "生产性建筑面积与行政办公及生活服务设施建筑面积之和（"
                            + plain(productive + office) + "）不能大于竣工总计容建筑面积（" + plain(total) + "）"));
                }
            }
            case SCHEME -> {
                // The scheme's indicators (Art. 7, Art. 10) are these parts as shares of their wholes.
                notLarger(problems, v, "officeLivingFloorArea", "totalFloorArea", "总计容建筑面积");
                notLarger(problems, v, "rdTestingFloorArea", "totalFloorArea", "总计容建筑面积");
                notLarger(problems, v, "separateFacilityLandArea", "landAreaSqm", "项目用地面积");
                notLarger(problems, v, "renovatedFloorArea", "existingFloorArea", "原有总建筑面积");
                // A plot ratio beyond any an application may give is a mistyped area, not a scheme to judge.
                Double total = number(v.get("totalFloorArea"));
                Double land = number(v.get("landAreaSqm"));
                double most = cn.gonggaigong.project.ProjectApplicationValidator.MAX_PLOT_RATIO.doubleValue();
                if (total != null && land != null && land > 0 && total / land > most) {
                    problems.add(new FieldProblem("totalFloorArea", "容积率（总计容建筑面积÷项目用地面积＝" + plain(total) + "÷"
                            + plain(land) + "≈" + String.format(java.util.Locale.ROOT, "%.1f", total / land) + "）不能大于" + plain(most)
                            + "：请核对两项面积"));
                }
            }
            case PROGRESS -> {
                Double percent = number(v.get("progressPercent"));
                if (Boolean.TRUE.equals(v.get("constructionCompleted")) && percent != null && percent < 100) {
                    problems.add(new FieldProblem("progressPercent", "建设已完成时总体进度应为100%"));
                }
                // The agreement's start of construction is read from this answer (AgreementClock).
                if (Boolean.TRUE.equals(v.get("constructionCompleted")) && Boolean.FALSE.equals(v.get("constructionStarted"))) {
                    problems.add(new FieldProblem("constructionStarted", "建设已完成的项目应已动工建设"));
                }
            }
            case TRANSITION -> {
                if (Boolean.TRUE.equals(v.get("transitionEligible"))
                        && !(v.get("newBusinessType") instanceof String type && !type.isBlank())) {
                    problems.add(new FieldProblem("newBusinessType", "认定可享受过渡期时必填：过渡期适用于新产业、新业态（第二十二条）"));
                }
            }
            default -> {
            }
        }
        return problems;
    }

    private static void notLarger(List<FieldProblem> problems, Map<String, Object> v, String part, String whole,
                                  String wholeLabel) {
        Double p = number(v.get(part));
        Double w = number(v.get(whole));
        if (p != null && w != null && p > w) {
            problems.add(new FieldProblem(part, "不能大于" + wholeLabel + "（" + plain(w) + "平方米）"));
        }
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
