package cn.gonggaigong.scheme;

import org.camunda.bpm.engine.delegate.VariableScope;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of the decision tables that judge a scheme (Art. 7, Art. 10): every broken rule with its article,
 * its limit and the scheme's figure, and the text NRB sees when the scheme comes back for revision.
 */
public record RuleCheck(List<Violation> violations) {

    public static final String PLANNING_VIOLATIONS = "planningViolations";
    public static final String MICRO_RENOVATION_VIOLATIONS = "microRenovationViolations";
    public static final String SCHEME_COMPLIANT = "schemeCompliant";
    public static final String RULE_VIOLATION_TEXT = "ruleViolationText";

    public record Violation(String ruleCode, String article, String description, double limit, double actual) {

        /** What NRB reads: the article, the rule in its words, the limit and the scheme's figure with their unit. */
        public String describe() {
            String unit = description.contains("%") ? "%" : description.contains("元") ? " 元" : "";
            return article + "：" + description + "（限值 " + format(limit) + unit + "，本方案 " + format(actual) + unit + "）";
        }
    }

    /** Reads the {@code resultList} of one or more COLLECT decision tables. */
    @SafeVarargs
    public static RuleCheck of(Collection<? extends Map<String, ?>>... resultLists) {
        List<Violation> violations = new ArrayList<>();
        for (Collection<? extends Map<String, ?>> list : resultLists) {
            if (list == null) {
                continue;
            }
            for (Map<String, ?> row : list) {
                violations.add(new Violation(
                        String.valueOf(row.get("ruleCode")),
                        String.valueOf(row.get("article")),
                        String.valueOf(row.get("description")),
                        toDouble(row.get("limit")),
                        toDouble(row.get("actual"))));
            }
        }
        return new RuleCheck(List.copyOf(violations));
    }

    /** Reads the results of PlanningIndicators and MicroRenovationThresholds from the process variables. */
    @SuppressWarnings("unchecked")
    public static RuleCheck fromDecisions(VariableScope scope) {
        return of((Collection<Map<String, ?>>) scope.getVariable(PLANNING_VIOLATIONS),
                (Collection<Map<String, ?>>) scope.getVariable(MICRO_RENOVATION_VIOLATIONS));
    }

    /** Sets the gateway variable {@code schemeCompliant} and the text the revision form shows. */
    public RuleCheck applyTo(VariableScope scope) {
        scope.setVariable(SCHEME_COMPLIANT, compliant());
        scope.setVariable(RULE_VIOLATION_TEXT, text());
        return this;
    }

    public boolean compliant() {
        return violations.isEmpty();
    }

    /** One line per broken rule, or {@code null} when the scheme meets every rule. */
    public String text() {
        if (violations.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder("改造方案不符合以下规定，请修改后重新提交：");
        int i = 1;
        for (Violation v : violations) {
            text.append('\n').append(i++).append(". ").append(v.describe());
        }
        return text.toString();
    }

    private static double toDouble(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, "%,.2f", value);
    }
}
