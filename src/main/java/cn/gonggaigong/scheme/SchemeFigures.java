package cn.gonggaigong.scheme;

import cn.gonggaigong.process.Variables;
import org.camunda.bpm.engine.delegate.VariableScope;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of a renovation scheme (改造方案) as NRB enters them, and the ratios the decision tables judge:
 * plot ratio (容积率), office/living and R&amp;D/testing shares of the floor area, the land share of separately
 * sited facilities (Art. 7) and the renovated share of the existing floor area (Art. 10).
 */
public record SchemeFigures(
        double landAreaSqm,
        double totalFloorArea,
        double officeLivingFloorArea,
        double rdTestingFloorArea,
        double separateFacilityLandArea,
        double existingFloorArea,
        double renovatedFloorArea,
        double renovationBudget,
        double investment,
        String industryCategory,
        boolean farExemption,
        String farExemptionReason,
        boolean involvesDemolition,
        boolean heritageImpact,
        String compensationPlan,
        String phasing) {

    public SchemeFigures {
        if (landAreaSqm <= 0) {
            throw new IllegalArgumentException("用地面积(landAreaSqm)必须大于0");
        }
        if (totalFloorArea <= 0) {
            throw new IllegalArgumentException("计容建筑面积(totalFloorArea)必须大于0");
        }
        if (industryCategory == null || industryCategory.isBlank()) {
            throw new IllegalArgumentException("缺少产业类别(industryCategory)");
        }
    }

    /** Reads the fields of Form_CompileScheme. */
    public static SchemeFigures from(VariableScope scope) {
        return new SchemeFigures(
                Variables.number(scope, "landAreaSqm"),
                Variables.number(scope, "totalFloorArea"),
                Variables.numberOrZero(scope, "officeLivingFloorArea"),
                Variables.numberOrZero(scope, "rdTestingFloorArea"),
                Variables.numberOrZero(scope, "separateFacilityLandArea"),
                Variables.numberOrZero(scope, "existingFloorArea"),
                Variables.numberOrZero(scope, "renovatedFloorArea"),
                Variables.numberOrZero(scope, "renovationBudget"),
                Variables.numberOrZero(scope, "investment"),
                Variables.text(scope, "industryCategory"),
                Variables.flag(scope, "farExemption"),
                Variables.text(scope, "farExemptionReason"),
                Variables.flag(scope, "involvesDemolition"),
                Variables.flag(scope, "heritageImpact"),
                Variables.text(scope, "compensationPlan"),
                Variables.text(scope, "phasing"));
    }

    public double plotRatio() {
        return totalFloorArea / landAreaSqm;
    }

    public double officeLivingRatio() {
        return percent(officeLivingFloorArea, totalFloorArea);
    }

    public double rdTestingRatio() {
        return percent(rdTestingFloorArea, totalFloorArea);
    }

    public double separateFacilityLandRatio() {
        return percent(separateFacilityLandArea, landAreaSqm);
    }

    public double renovatedFloorAreaRatio() {
        return percent(renovatedFloorArea, existingFloorArea);
    }

    /**
     * The variables the decision tables and the later phases read; optional flags are normalised to
     * {@code false} so that a missing checkbox never lets a row of a table silently not match.
     */
    public Map<String, Object> decisionInputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("plotRatio", plotRatio());
        inputs.put("officeLivingRatio", officeLivingRatio());
        inputs.put("rdTestingRatio", rdTestingRatio());
        inputs.put("separateFacilityLandRatio", separateFacilityLandRatio());
        inputs.put("renovatedFloorAreaRatio", renovatedFloorAreaRatio());
        inputs.put("renovationBudget", renovationBudget);
        inputs.put("industryCategory", industryCategory);
        inputs.put("farExemption", farExemption);
        inputs.put("involvesDemolition", involvesDemolition);
        inputs.put("heritageImpact", heritageImpact);
        return inputs;
    }

    /** Sets {@link #decisionInputs()} on the process instance. */
    public SchemeFigures applyTo(VariableScope scope) {
        scope.setVariables(decisionInputs());
        return this;
    }

    private static double percent(double part, double whole) {
        return whole <= 0 ? 0.0 : part * 100.0 / whole;
    }
}
