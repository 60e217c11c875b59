package cn.gonggaigong.land;

import org.camunda.bpm.engine.delegate.VariableScope;

import java.util.Map;

/** The land price (土地出让价款) that decision table {@code LandPrice} (Art. 18) computed, with its basis. */
public record LandPriceAssessment(double landPrice, String basis) {

    public static final String RESULT_VARIABLE = "landPriceResult";
    public static final String LAND_PRICE = "landPrice";

    /** Reads the table's single result and sets {@code landPrice} for the gateway that decides on payment. */
    public static LandPriceAssessment applyTo(VariableScope scope) {
        Object result = scope.getVariable(RESULT_VARIABLE);
        if (!(result instanceof Map<?, ?> row) || !(row.get("landPrice") instanceof Number price)) {
            throw new IllegalStateException("地价决策表没有给出结果,请核对用地情形(landCase)与评估价");
        }
        LandPriceAssessment assessment = new LandPriceAssessment(price.doubleValue(), String.valueOf(row.get("priceBasis")));
        scope.setVariable(LAND_PRICE, assessment.landPrice());
        return assessment;
    }
}
