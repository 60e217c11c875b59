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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/PlanningIndicators.dmn — Art. 7 planning and construction indicators (COLLECT, one row per broken rule). */
class PlanningIndicatorsDecisionTest {

  private static final String DECISION_ID = "PlanningIndicators";
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
    InputStream in = PlanningIndicatorsDecisionTest.class.getClassLoader().getResourceAsStream(RESOURCE);
    assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
    return in;
  }

  private static List<Map<String, Object>> violations(String renovationType, Boolean priorityIndustry,
      Boolean farExemption, Double plotRatio, double officeLivingRatio, double rdTestingRatio,
      double separateFacilityLandRatio) {
    VariableMap variables = Variables.createVariables()
        .putValue("renovationType", renovationType)
        .putValue("priorityIndustry", priorityIndustry)
        .putValue("farExemption", farExemption)
        .putValue("plotRatio", plotRatio)
        .putValue("officeLivingRatio", officeLivingRatio)
        .putValue("rdTestingRatio", rdTestingRatio)
        .putValue("separateFacilityLandRatio", separateFacilityLandRatio);
    return engine.evaluateDecisionTable(decision, variables).getResultList();
  }

  /** A scheme that satisfies every Art. 7 ratio, varying only the plot ratio. */
  private static List<Map<String, Object>> farViolations(String type, boolean priority, boolean exempt, double far) {
    return violations(type, priority, exempt, far, 10.0, 10.0, 5.0);
  }

  private static List<Map<String, Object>> ratioViolations(double office, double rd, double separate) {
    return violations("FULL", false, false, 2.5, office, rd, separate);
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
              tuple("priorityIndustry", "boolean"),
              tuple("farExemption", "boolean"),
              tuple("plotRatio", "double"),
              tuple("officeLivingRatio", "double"),
              tuple("rdTestingRatio", "double"),
              tuple("separateFacilityLandRatio", "double"));
      assertThat(table.getOutputs())
          .extracting(Output::getName, Output::getTypeRef)
          .containsExactly(
              tuple("ruleCode", "string"),
              tuple("article", "string"),
              tuple("description", "string"),
              tuple("limit", "double"),
              tuple("actual", "double"));
      assertThat(table.getRules()).hasSize(5)
          .allSatisfy(r -> assertThat(r.getDescription().getTextContent()).contains("第七条"));
    }
  }

  @ParameterizedTest(name = "{0} priority={1} exempt={2} FAR {3} -> [{4}]")
  @CsvSource({
      // not a priority industry: minimum 2.0
      "FULL,  false, false, 1.99, ART7_FAR_MIN",
      "FULL,  false, false, 2.0,  ",
      "FULL,  false, false, 2.99, ",
      "FULL,  false, false, 3.0,  ",
      "MIXED, false, false, 1.99, ART7_FAR_MIN",
      "MIXED, false, false, 2.0,  ",
      // priority industry: minimum 3.0
      "FULL,  true,  false, 1.99, ART7_FAR_MIN_PRIORITY",
      "FULL,  true,  false, 2.0,  ART7_FAR_MIN_PRIORITY",
      "FULL,  true,  false, 2.99, ART7_FAR_MIN_PRIORITY",
      "FULL,  true,  false, 3.0,  ",
      "MIXED, true,  false, 2.99, ART7_FAR_MIN_PRIORITY",
      "MIXED, true,  false, 3.0,  ",
      // special process / existing-building / plot-shape requirements: no FAR minimum
      "FULL,  false, true,  1.99, ",
      "FULL,  true,  true,  1.99, ",
      "FULL,  true,  true,  2.99, ",
      "MIXED, true,  true,  1.0,  ",
      // micro renovation keeps the existing pattern: no FAR row at all
      "MICRO, false, false, 1.0,  ",
      "MICRO, false, false, 1.99, ",
      "MICRO, true,  false, 2.99, ",
  })
  void plotRatioMinimum(String type, boolean priority, boolean exempt, double far, String expectedRule) {
    List<Map<String, Object>> result = farViolations(type, priority, exempt, far);
    if (expectedRule == null) {
      assertThat(result).isEmpty();
    } else {
      assertThat(result)
          .extracting(r -> r.get("ruleCode"), r -> r.get("article"), r -> r.get("limit"), r -> r.get("actual"))
          .containsExactly(tuple(expectedRule, "第七条",
              expectedRule.equals("ART7_FAR_MIN") ? 2.0 : 3.0, far));
    }
  }

  @Test
  void farViolationNamesTheRuleInChinese() {
    Map<String, Object> row = farViolations("FULL", false, false, 1.5).get(0);
    assertThat(row.get("description")).isEqualTo("改造后容积率原则上不低于2.0");
    Map<String, Object> priorityRow = farViolations("FULL", true, false, 2.5).get(0);
    assertThat(priorityRow.get("description")).isEqualTo("引入优先或重点发展产业及新兴产业的项目改造后容积率原则上不低于3.0");
  }

  @Test
  void missingExemptionAndPriorityFlagsCountAsNo() {
    assertThat(violations("FULL", null, null, 1.8, 10.0, 10.0, 0.0))
        .extracting(r -> r.get("ruleCode"), r -> r.get("limit"), r -> r.get("actual"))
        .containsExactly(tuple("ART7_FAR_MIN", 2.0, 1.8));
  }

  @Test
  void officeAndLivingFacilitiesAtMost15Percent() {
    assertThat(ratioViolations(15.0, 0.0, 0.0)).isEmpty();
    assertThat(ratioViolations(15.01, 0.0, 0.0))
        .extracting(r -> r.get("ruleCode"), r -> r.get("article"), r -> r.get("limit"), r -> r.get("actual"),
            r -> r.get("description"))
        .containsExactly(tuple("ART7_OFFICE_LIVING_MAX", "第七条", 15.0, 15.01,
            "行政办公及生活服务等配套设施计容建筑面积不超过总计容建筑面积的15%"));
  }

  @Test
  void researchAndTestingFacilitiesAtMost15Percent() {
    assertThat(ratioViolations(0.0, 15.0, 0.0)).isEmpty();
    assertThat(ratioViolations(0.0, 15.01, 0.0))
        .extracting(r -> r.get("ruleCode"), r -> r.get("article"), r -> r.get("limit"), r -> r.get("actual"),
            r -> r.get("description"))
        .containsExactly(tuple("ART7_RD_TESTING_MAX", "第七条", 15.0, 15.01,
            "研发、设计、检测、中试设施计容建筑面积不超过总计容建筑面积的15%"));
  }

  @Test
  void officeAndResearchAreCountedSeparately() {
    // 15 % offices plus 15 % R&D is allowed: R&D is computed outside the office/living share
    assertThat(ratioViolations(15.0, 15.0, 0.0)).isEmpty();
  }

  @Test
  void separatelySitedFacilitiesAtMost7PercentOfLand() {
    assertThat(ratioViolations(10.0, 10.0, 0.0)).isEmpty();
    assertThat(ratioViolations(10.0, 10.0, 7.0)).isEmpty();
    assertThat(ratioViolations(10.0, 10.0, 7.01))
        .extracting(r -> r.get("ruleCode"), r -> r.get("article"), r -> r.get("limit"), r -> r.get("actual"),
            r -> r.get("description"))
        .containsExactly(tuple("ART7_SEPARATE_FACILITY_LAND_MAX", "第七条", 7.0, 7.01,
            "行政办公及生活服务等配套设施独立占地建设的,用地面积不超过总用地面积的7%"));
  }

  @Test
  void severalViolationsAreAllCollected() {
    List<Map<String, Object>> result = violations("FULL", true, false, 2.5, 20.0, 16.0, 8.0);
    assertThat(result)
        .extracting(r -> r.get("ruleCode"), r -> r.get("limit"), r -> r.get("actual"))
        .containsExactlyInAnyOrder(
            tuple("ART7_FAR_MIN_PRIORITY", 3.0, 2.5),
            tuple("ART7_OFFICE_LIVING_MAX", 15.0, 20.0),
            tuple("ART7_RD_TESTING_MAX", 15.0, 16.0),
            tuple("ART7_SEPARATE_FACILITY_LAND_MAX", 7.0, 8.0));
    assertThat(result).allSatisfy(r -> {
      assertThat(r.get("article")).isEqualTo("第七条");
      assertThat((String) r.get("description")).isNotBlank();
    });
  }

  @Test
  void allFiveRulesBrokenAtOnceForAnOrdinaryIndustry() {
    assertThat(violations("MIXED", false, false, 1.2, 15.5, 30.0, 12.5))
        .extracting(r -> r.get("ruleCode"), r -> r.get("limit"), r -> r.get("actual"))
        .containsExactlyInAnyOrder(
            tuple("ART7_FAR_MIN", 2.0, 1.2),
            tuple("ART7_OFFICE_LIVING_MAX", 15.0, 15.5),
            tuple("ART7_RD_TESTING_MAX", 15.0, 30.0),
            tuple("ART7_SEPARATE_FACILITY_LAND_MAX", 7.0, 12.5));
  }

  @Test
  void microRenovationStillChecksTheRatiosButNotThePlotRatio() {
    assertThat(violations("MICRO", false, false, 0.8, 16.0, 0.0, 7.5))
        .extracting(r -> r.get("ruleCode"), r -> r.get("actual"))
        .containsExactlyInAnyOrder(
            tuple("ART7_OFFICE_LIVING_MAX", 16.0),
            tuple("ART7_SEPARATE_FACILITY_LAND_MAX", 7.5));
  }

  @Test
  void compliantSchemeHasNoViolations() {
    assertThat(violations("FULL", true, false, 3.5, 15.0, 15.0, 7.0)).isEmpty();
  }
}
