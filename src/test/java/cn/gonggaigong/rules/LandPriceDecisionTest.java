package cn.gonggaigong.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
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
import org.junit.jupiter.params.provider.CsvSource;

/** processes/LandPrice.dmn — Art. 18 land price. */
class LandPriceDecisionTest {

  private static final String DECISION_ID = "LandPrice";
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
    InputStream in = LandPriceDecisionTest.class.getClassLoader().getResourceAsStream(RESOURCE);
    assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
    return in;
  }

  private static DmnDecisionTableResult evaluate(String landCase, Boolean threeOlds, double appraised, double base) {
    return engine.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("landCase", landCase)
        .putValue("threeOldsPolicy", threeOlds)
        .putValue("appraisedValue", appraised)
        .putValue("baseValue", base));
  }

  @Test
  void tableFollowsTheContract() throws IOException {
    try (InputStream in = resource()) {
      DmnModelInstance model = Dmn.readModelFromStream(in);
      assertThat(model.getDefinitions().getId()).isEqualTo("Definitions_" + DECISION_ID);
      Decision d = model.getModelElementById(DECISION_ID);
      assertThat(d.getCamundaHistoryTimeToLiveString()).isEqualTo("P3650D");
      DecisionTable table = (DecisionTable) d.getExpression();
      assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
      assertThat(table.getInputs())
          .extracting(i -> i.getInputExpression().getText().getTextContent(), i -> i.getInputExpression().getTypeRef())
          .containsExactly(
              tuple("landCase", "string"),
              tuple("threeOldsPolicy", "boolean"),
              tuple("appraisedValue", "double"),
              tuple("baseValue", "double"));
      assertThat(table.getOutputs())
          .extracting(Output::getName, Output::getTypeRef)
          .containsExactly(tuple("landPrice", "double"), tuple("priceBasis", "string"));
      assertThat(table.getRules()).hasSize(8)
          .allSatisfy(r -> assertThat(r.getDescription().getTextContent()).contains("第十八条"));
    }
  }

  @ParameterizedTest(name = "{0} threeOlds={1} appraised={2} base={3} -> {4}")
  @CsvSource({
      // 集转国自行改造协议出让: 30 % of the appraisal under the new planning conditions
      "COLLECTIVE_TO_STATE_SELF, true,  10000000, 0,       3000000",
      "COLLECTIVE_TO_STATE_SELF, false, 10000000, 0,       3000000",
      // 完善历史用地征收手续: 30 %
      "HISTORICAL_PROCEDURES,    true,  8000000,  0,       2400000",
      "HISTORICAL_PROCEDURES,    false, 8000000,  0,       2400000",
      // higher FAR, same use, same tenure: nothing more to pay
      "FAR_INCREASE_ONLY,        true,  9000000,  0,       0",
      "FAR_INCREASE_ONLY,        false, 9000000,  5000000, 0",
      // tenure extension only: the difference, half of it under the 三旧 policy
      "TENURE_EXTENSION,         true,  6000000,  2000000, 2000000",
      "TENURE_EXTENSION,         false, 6000000,  2000000, 4000000",
      // allocated land converted to granted: the difference, 40 % of it under the 三旧 policy
      "ALLOCATED_TO_TRANSFER,    true,  5000000,  1500000, 1400000",
      "ALLOCATED_TO_TRANSFER,    false, 5000000,  1500000, 3500000",
      // public transfer: the public-transfer appraisal
      "PUBLIC_TRANSFER,          false, 7500000,  0,       7500000",
      "PUBLIC_TRANSFER,          true,  7500000,  0,       7500000",
  })
  void landPriceForEachCase(String landCase, boolean threeOlds, double appraised, double base, double expected) {
    DmnDecisionTableResult result = evaluate(landCase, threeOlds, appraised, base);
    assertThat(result).hasSize(1);
    DmnDecisionRuleResult row = result.getSingleResult();
    assertThat((Double) row.getEntry("landPrice")).isEqualTo(expected);
    assertThat((String) row.getEntry("priceBasis")).contains("第十八条").doesNotContain("null");
  }

  @Test
  void fractionalFiguresAreComputedExactly() {
    assertThat((Double) evaluate("COLLECTIVE_TO_STATE_SELF", true, 1234567.0, 0).getSingleResult().getEntry("landPrice"))
        .isEqualTo(370370.1);
    assertThat((Double) evaluate("TENURE_EXTENSION", true, 3000001.0, 1000000.0).getSingleResult().getEntry("landPrice"))
        .isEqualTo(1000000.5);
    assertThat((Double) evaluate("ALLOCATED_TO_TRANSFER", true, 2500000.0, 1000005.0).getSingleResult().getEntry("landPrice"))
        .isEqualTo(599998.0);
  }

  @Test
  void basisTextCitesTheParagraph() {
    assertThat((String) evaluate("TENURE_EXTENSION", true, 6000000, 2000000).getSingleResult().getEntry("priceBasis"))
        .isEqualTo("第十八条第三款:仅延长土地使用年限且符合“三旧”改造政策,按延长年限后与剩余年限土地市场评估价差额的50%计收土地出让价款");
    assertThat((String) evaluate("FAR_INCREASE_ONLY", false, 1, 0).getSingleResult().getEntry("priceBasis"))
        .isEqualTo("第十八条第二款:提高容积率但不改变土地用途、不延长土地使用年限,不再增缴土地出让价款");
  }

  @Test
  void missingThreeOldsFlagIsTreatedAsNotQualifying() {
    assertThat((Double) evaluate("TENURE_EXTENSION", null, 6000000, 2000000).getSingleResult().getEntry("landPrice"))
        .isEqualTo(4000000.0);
    assertThat((Double) evaluate("ALLOCATED_TO_TRANSFER", null, 5000000, 1500000).getSingleResult().getEntry("landPrice"))
        .isEqualTo(3500000.0);
  }

  @Test
  void unknownLandCaseMatchesNoRow() {
    assertThat(evaluate("SOMETHING_ELSE", true, 1000000, 0)).isEmpty();
  }
}
