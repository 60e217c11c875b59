package cn.gonggaigong.acceptance;

import org.camunda.bpm.engine.delegate.VariableScope;

import java.util.Map;

/** The construction subsidy (改造建设补贴) that decision table {@code ConstructionSubsidy} (Art. 19) computed. */
public record SubsidyAssessment(double amount, String basis) {

    public static final String RESULT_VARIABLE = "subsidyResult";
    public static final String SUBSIDY_AMOUNT = "subsidyAmount";

    /** Reads the table's single result and sets {@code subsidyAmount} for the gateway that decides on payment. */
    public static SubsidyAssessment applyTo(VariableScope scope) {
        Object result = scope.getVariable(RESULT_VARIABLE);
        if (!(result instanceof Map<?, ?> row) || !(row.get("subsidy") instanceof Number amount)) {
            throw new IllegalStateException("补贴决策表没有给出结果,请核对验收数据");
        }
        SubsidyAssessment assessment = new SubsidyAssessment(amount.doubleValue(), String.valueOf(row.get("subsidyBasis")));
        scope.setVariable(SUBSIDY_AMOUNT, assessment.amount());
        return assessment;
    }
}
