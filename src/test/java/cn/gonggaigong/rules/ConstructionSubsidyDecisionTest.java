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
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** processes/ConstructionSubsidy.dmn — Art. 19 (一) 3 construction subsidy, 18 yuan/m², cap 1,000,000. */
class ConstructionSubsidyDecisionTest {

  private static final String DECISION_ID = "ConstructionSubsidy";
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
    InputStream in = ConstructionSubsidyDecisionTest.class.getClassLoader().getResourceAsStream(RESOURCE);
    assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
    return in;
  }

  /** A qualifying full renovation: FAR 2.5, 6 floors, lift, compliant, not contiguous. */
  private static VariableMap qualifying(double productiveFloorArea) {
    return Variables.createVariables()
        .putValue("renovationType", "FULL")
        .putValue("plotRatio", 2.5)
        .putValue("floors", 6)
        .putValue("hasIndustrialLift", true)
        .putValue("safetyEnvCompliant", true)
        .putValue("agreementMet", true)
        .putValue("contiguousRenovation", false)
        .putValue("productiveFloorArea", productiveFloorArea);
  }

  private static DmnDecisionRuleResult evaluate(VariableMap variables) {
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, variables);
    assertThat(result).hasSize(1);
    return result.getSingleResult();
  }

  private static double subsidy(VariableMap variables) {
    return evaluate(variables).<Double>getEntry("subsidy");
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
              tuple("renovationType", "string"),
              tuple("plotRatio", "double"),
              tuple("floors", "integer"),
              tuple("hasIndustrialLift", "boolean"),
              tuple("safetyEnvCompliant", "boolean"),
              tuple("agreementMet", "boolean"),
              tuple("contiguousRenovation", "boolean"),
              tuple("productiveFloorArea", "double"),
              tuple("productiveFloorArea * 18", "double"));
      assertThat(table.getInputs().stream().reduce((a, b) -> b).orElseThrow().getLabel()).isEqualTo("补贴测算额");
      assertThat(table.getOutputs())
          .extracting(Output::getName, Output::getTypeRef)
          .containsExactly(tuple("subsidy", "double"), tuple("subsidyBasis", "string"));
      assertThat(table.getRules()).hasSize(9)
          .allSatisfy(r -> assertThat(r.getDescription().getTextContent()).contains("第十九条"));
    }
  }

  @Test
  void belowTheCapPays18YuanPerSquareMetre() {
    DmnDecisionRuleResult row = evaluate(qualifying(40_000));
    assertThat(row.<Double>getEntry("subsidy")).isEqualTo(720_000.0);
    assertThat(row.<String>getEntry("subsidyBasis"))
        .isEqualTo("第十九条(一)3:全面改造高标准厂房,按改造后生产性建筑面积18元/平方米给予一次性补贴");
  }

  @Test
  void integerAreaIsAccepted() {
    assertThat(subsidy(qualifying(0).putValue("productiveFloorArea", 12_345))).isEqualTo(222_210.0);
  }

  @Test
  void justBelowTheCap() {
    assertThat(subsidy(qualifying(55_555))).isEqualTo(999_990.0);
  }

  @Test
  void justAboveTheCapIsCapped() {
    DmnDecisionRuleResult row = evaluate(qualifying(55_556));
    assertThat(row.<Double>getEntry("subsidy")).isEqualTo(1_000_000.0);
    assertThat(row.<String>getEntry("subsidyBasis")).contains("最高不超过100万元");
  }

  @Test
  void wellAboveTheCapIsCapped() {
    assertThat(subsidy(qualifying(150_000))).isEqualTo(1_000_000.0);
  }

  @Test
  void contiguousRenovationIsNotCapped() {
    DmnDecisionRuleResult row = evaluate(qualifying(150_000).putValue("contiguousRenovation", true));
    assertThat(row.<Double>getEntry("subsidy")).isEqualTo(2_700_000.0);
    assertThat(row.<String>getEntry("subsidyBasis")).contains("整体连片改造项目");
    assertThat(subsidy(qualifying(40_000).putValue("contiguousRenovation", true))).isEqualTo(720_000.0);
  }

  @Test
  void lowestQualifyingFigures() {
    // FAR exactly 2.0 and exactly 4 floors still qualify
    assertThat(subsidy(qualifying(10_000).putValue("plotRatio", 2.0).putValue("floors", 4))).isEqualTo(180_000.0);
  }

  @Test
  void microRenovationGetsNothing() {
    DmnDecisionRuleResult row = evaluate(qualifying(40_000).putValue("renovationType", "MICRO"));
    assertThat(row.<Double>getEntry("subsidy")).isEqualTo(0.0);
    assertThat(row.<String>getEntry("subsidyBasis")).isEqualTo("第十九条(一)3:改造建设补贴仅适用于全面改造项目");
  }

  @Test
  void mixedRenovationGetsNothing() {
    assertThat(subsidy(qualifying(40_000).putValue("renovationType", "MIXED"))).isEqualTo(0.0);
  }

  @Test
  void plotRatioBelow2GetsNothing() {
    DmnDecisionRuleResult row = evaluate(qualifying(40_000).putValue("plotRatio", 1.99));
    assertThat(row.<Double>getEntry("subsidy")).isEqualTo(0.0);
    assertThat(row.<String>getEntry("subsidyBasis")).contains("容积率原则上在2.0以上");
  }

  @Test
  void threeFloorsGetNothing() {
    DmnDecisionRuleResult row = evaluate(qualifying(40_000).putValue("floors", 3));
    assertThat(row.<Double>getEntry("subsidy")).isEqualTo(0.0);
    assertThat(row.<String>getEntry("subsidyBasis")).contains("不低于4层");
  }

  @Test
  void noIndustrialLiftGetsNothing() {
    DmnDecisionRuleResult row = evaluate(qualifying(40_000).putValue("hasIndustrialLift", false));
    assertThat(row.<Double>getEntry("subsidy")).isEqualTo(0.0);
    assertThat(row.<String>getEntry("subsidyBasis")).contains("工业电梯");
  }

  @Test
  void notSafetyAndEnvironmentCompliantGetsNothing() {
    DmnDecisionRuleResult row = evaluate(qualifying(40_000).putValue("safetyEnvCompliant", false));
    assertThat(row.<Double>getEntry("subsidy")).isEqualTo(0.0);
    assertThat(row.<String>getEntry("subsidyBasis")).contains("安全生产和环境保护");
  }

  @Test
  void agreementNotMetGetsNothing() {
    DmnDecisionRuleResult row = evaluate(qualifying(40_000).putValue("agreementMet", false));
    assertThat(row.<Double>getEntry("subsidy")).isEqualTo(0.0);
    assertThat(row.<String>getEntry("subsidyBasis")).contains("监管协议");
    assertThat(subsidy(qualifying(150_000).putValue("contiguousRenovation", true).putValue("agreementMet", false)))
        .isEqualTo(0.0);
  }

  @Test
  void disqualifiersWinOverContiguousRenovation() {
    assertThat(subsidy(qualifying(150_000).putValue("contiguousRenovation", true).putValue("renovationType", "MICRO")))
        .isEqualTo(0.0);
    assertThat(subsidy(qualifying(150_000).putValue("contiguousRenovation", true).putValue("floors", 3)))
        .isEqualTo(0.0);
  }

  @Test
  void missingFiguresGetNothing() {
    assertThat(subsidy(qualifying(40_000).putValue("plotRatio", null))).isEqualTo(0.0);
    assertThat(subsidy(qualifying(40_000).putValue("floors", null))).isEqualTo(0.0);
    assertThat(subsidy(qualifying(40_000).putValue("hasIndustrialLift", null))).isEqualTo(0.0);
    assertThat(subsidy(qualifying(40_000).putValue("safetyEnvCompliant", null))).isEqualTo(0.0);
  }
}
