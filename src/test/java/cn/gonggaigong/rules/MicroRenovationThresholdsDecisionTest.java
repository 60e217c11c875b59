package cn.gonggaigong.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** processes/MicroRenovationThresholds.dmn — Art. 10 (一) 2 thresholds for micro renovation. */
class MicroRenovationThresholdsDecisionTest {

  private static final String DECISION_ID = "MicroRenovationThresholds";
  private static final String RESOURCE = "processes/" + DECISION_ID + ".dmn";

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = resource()) {
      decision = engine.parseDecision(DECISION_ID, in);
    }
  }

  private static InputStream resource() {
    InputStream in = MicroRenovationThresholdsDecisionTest.class.getClassLoader().getResourceAsStream(RESOURCE);
    assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
    return in;
  }

  private static List<Map<String, Object>> violations(String type, double areaRatio, double budget) {
    return engine.evaluateDecisionTable(decision, Variables.createVariables()
            .putValue("renovationType", type)
            .putValue("renovatedFloorAreaRatio", areaRatio)
            .putValue("renovationBudget", budget))
        .getResultList();
  }

  @Test
  void tableFollowsTheContract() throws IOException {
    try (InputStream in = resource()) {
      DmnModelInstance model = Dmn.readModelFromStream(in);
      assertThat(model.getDefinitions().getId()).isEqualTo("Definitions_" + DECISION_ID);
      Decision d = model.getModelElementById(DECISION_ID);
      assertThat(d.getCamundaHistoryTimeToLiveString()).isEqualTo("P3650D");
      DecisionTable table = (DecisionTable) d.getExpression();
      assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.COLLECT);
      assertThat(table.getInputs())
          .extracting(i -> i.getInputExpression().getText().getTextContent(), i -> i.getInputExpression().getTypeRef())
          .containsExactly(
              tuple("renovationType", "string"),
              tuple("renovatedFloorAreaRatio", "double"),
              tuple("renovationBudget", "double"));
      assertThat(table.getOutputs())
          .extracting(Output::getName, Output::getTypeRef)
          .containsExactly(
              tuple("ruleCode", "string"),
              tuple("article", "string"),
              tuple("description", "string"),
              tuple("limit", "double"),
              tuple("actual", "double"));
      assertThat(table.getRules()).hasSize(2)
          .allSatisfy(r -> assertThat(r.getDescription().getTextContent()).contains("第十条"));
    }
  }

  @Test
  void renovatedAreaBelow5PercentIsTooLittle() {
    assertThat(violations("MICRO", 4.9, 2_000_000))
        .extracting(r -> r.get("ruleCode"), r -> r.get("article"), r -> r.get("limit"), r -> r.get("actual"),
            r -> r.get("description"))
        .containsExactly(tuple("ART10_MICRO_AREA_MIN", "第十条", 5.0, 4.9,
            "微改造实施改造的总建筑面积占原有总建筑面积的比例原则上不低于5%"));
  }

  @Test
  void renovatedAreaOfExactly5PercentIsEnough() {
    assertThat(violations("MICRO", 5.0, 2_000_000)).isEmpty();
  }

  @Test
  void budgetBelowOneMillionYuanIsTooLittle() {
    assertThat(violations("MICRO", 10.0, 999_999))
        .extracting(r -> r.get("ruleCode"), r -> r.get("article"), r -> r.get("limit"), r -> r.get("actual"),
            r -> r.get("description"))
        .containsExactly(tuple("ART10_MICRO_BUDGET_MIN", "第十条", 1_000_000.0, 999_999.0,
            "微改造改造工程概算不少于100万元(不含土地出让金)"));
  }

  @Test
  void budgetOfExactlyOneMillionYuanIsEnough() {
    assertThat(violations("MICRO", 10.0, 1_000_000)).isEmpty();
  }

  @Test
  void bothThresholdsMissedGiveTwoRows() {
    assertThat(violations("MICRO", 4.9, 999_999))
        .extracting(r -> r.get("ruleCode"), r -> r.get("limit"), r -> r.get("actual"))
        .containsExactlyInAnyOrder(
            tuple("ART10_MICRO_AREA_MIN", 5.0, 4.9),
            tuple("ART10_MICRO_BUDGET_MIN", 1_000_000.0, 999_999.0));
  }

  @ParameterizedTest(name = "{0} is never checked against the micro thresholds")
  @ValueSource(strings = {"FULL", "MIXED"})
  void fullAndMixedRenovationNeverGetTheMicroRows(String type) {
    assertThat(violations(type, 0.0, 0.0)).isEmpty();
    assertThat(violations(type, 4.9, 999_999)).isEmpty();
  }
}
