package cn.gonggaigong.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
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

/** processes/FastTrackEligibility.dmn — Art. 12 (二) 随报随审. */
class FastTrackEligibilityDecisionTest {

  private static final String DECISION_ID = "FastTrackEligibility";
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
    InputStream in = FastTrackEligibilityDecisionTest.class.getClassLoader().getResourceAsStream(RESOURCE);
    assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
    return in;
  }

  private static Boolean fastTrack(boolean keyIndustry, boolean pilot, double contiguousAreaMu, boolean inAnnualPlan) {
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("keyIndustryProject", keyIndustry)
        .putValue("pilotProject", pilot)
        .putValue("contiguousAreaMu", contiguousAreaMu)
        .putValue("inAnnualPlan", inAnnualPlan));
    assertThat(result).hasSize(1);
    return result.getSingleResult().getEntry("fastTrack");
  }

  @Test
  void tableFollowsTheContract() throws IOException {
    try (InputStream in = resource()) {
      DmnModelInstance model = Dmn.readModelFromStream(in);
      assertThat(model.getDefinitions().getId()).isEqualTo("Definitions_" + DECISION_ID);
      Decision d = model.getModelElementById(DECISION_ID);
      assertThat(d.getCamundaHistoryTimeToLiveString()).isEqualTo("P3650D");
      DecisionTable table = (DecisionTable) d.getExpression();
      assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
      assertThat(table.getInputs())
          .extracting(i -> i.getInputExpression().getText().getTextContent(), i -> i.getInputExpression().getTypeRef())
          .containsExactly(
              tuple("keyIndustryProject", "boolean"),
              tuple("pilotProject", "boolean"),
              tuple("contiguousAreaMu", "double"),
              tuple("inAnnualPlan", "boolean"));
      assertThat(table.getOutputs())
          .extracting(Output::getName, Output::getTypeRef)
          .containsExactly(tuple("fastTrack", "boolean"));
      assertThat(table.getRules()).hasSize(5)
          .allSatisfy(r -> assertThat(r.getDescription().getTextContent()).contains("第十二条"));
    }
  }

  @ParameterizedTest(name = "key={0} pilot={1} {2} mu annualPlan={3} -> {4}")
  @CsvSource({
      "true,  false, 0.0,   false, true",   // 省、揭阳市、本市重点产业项目
      "false, true,  0.0,   false, true",   // 先行试点项目
      "false, false, 50.0,  false, true",   // 整体连片改造面积不小于50亩
      "false, false, 120.0, false, true",
      "false, false, 49.9,  false, false",
      "false, false, 0.0,   true,  true",   // 已纳入年度实施计划
      "false, false, 49.9,  true,  true",
      "false, false, 0.0,   false, false",  // none of the criteria
      "true,  true,  80.0,  true,  true",   // all of them
  })
  void fastTrackWhenAnyCriterionHolds(boolean keyIndustry, boolean pilot, double mu, boolean annualPlan,
      boolean expected) {
    assertThat(fastTrack(keyIndustry, pilot, mu, annualPlan)).isEqualTo(expected);
  }
}
