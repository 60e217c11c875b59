package cn.gonggaigong.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
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
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** processes/GuidedIndustry.dmn — Art. 9 guided industries. */
class GuidedIndustryDecisionTest {

  private static final String DECISION_ID = "GuidedIndustry";
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
    InputStream in = GuidedIndustryDecisionTest.class.getClassLoader().getResourceAsStream(RESOURCE);
    assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
    return in;
  }

  private static DmnDecisionTableResult evaluate(String industryCategory) {
    return engine.evaluateDecisionTable(
        decision, Variables.createVariables().putValue("industryCategory", industryCategory));
  }

  @Test
  void tableFollowsTheContract() throws IOException {
    try (InputStream in = resource()) {
      DmnModelInstance model = Dmn.readModelFromStream(in);
      Definitions definitions = model.getDefinitions();
      assertThat(definitions.getId()).isEqualTo("Definitions_" + DECISION_ID);
      assertThat(definitions.getName()).isEqualTo("重点引导产业判定");
      Decision d = model.getModelElementById(DECISION_ID);
      assertThat(d.getCamundaHistoryTimeToLiveString()).isEqualTo("P3650D");
      DecisionTable table = (DecisionTable) d.getExpression();
      assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
      assertThat(table.getInputs())
          .extracting(i -> i.getInputExpression().getText().getTextContent(), i -> i.getInputExpression().getTypeRef())
          .containsExactly(org.assertj.core.groups.Tuple.tuple("industryCategory", "string"));
      assertThat(table.getOutputs())
          .extracting(Output::getName, Output::getTypeRef)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("priorityIndustry", "boolean"));
      assertThat(table.getRules()).hasSize(8)
          .allSatisfy(r -> assertThat(r.getDescription().getTextContent()).contains("第九条"));
    }
  }

  @ParameterizedTest(name = "{0} is a guided industry")
  @ValueSource(strings = {"LIGHT_TEXTILE", "BIOMEDICINE", "AGRI_FOOD", "ELECTRONICS", "ENV_EQUIPMENT",
      "NEW_MATERIALS", "EMERGING"})
  void guidedCategoriesArePriorityIndustries(String category) {
    DmnDecisionTableResult result = evaluate(category);
    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap()).isEqualTo(Map.of("priorityIndustry", true));
  }

  @Test
  void otherIsNotAPriorityIndustry() {
    assertThat((Boolean) evaluate("OTHER").getSingleEntry()).isFalse();
  }

  @Test
  void unlistedCategoryIsNotAPriorityIndustry() {
    assertThat((Boolean) evaluate("SHIPBUILDING").getSingleEntry()).isFalse();
  }

  @Test
  void missingCategoryIsNotAPriorityIndustry() {
    assertThat((Boolean) evaluate(null).getSingleEntry()).isFalse();
  }
}
