package cn.gonggaigong.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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

/** processes/ConsultedDepartments.dmn — Art. 12 (二): departments whose opinion is sought. */
class ConsultedDepartmentsDecisionTest {

  private static final String DECISION_ID = "ConsultedDepartments";
  private static final String RESOURCE = "processes/" + DECISION_ID + ".dmn";

  private static final String[] ALWAYS = {"dept-fgj", "dept-czj", "dept-gxj", "dept-sthj", "dept-swj"};
  private static final String[] DEMOLITION = {"dept-gaj", "dept-xfj", "dept-sfj", "dept-cgzf", "dept-rsj"};

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
    InputStream in = ConsultedDepartmentsDecisionTest.class.getClassLoader().getResourceAsStream(RESOURCE);
    assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
    return in;
  }

  private static List<String> departments(String type, boolean demolition, boolean heritage, String industry) {
    return engine.evaluateDecisionTable(decision, Variables.createVariables()
            .putValue("renovationType", type)
            .putValue("involvesDemolition", demolition)
            .putValue("heritageImpact", heritage)
            .putValue("industryCategory", industry))
        .collectEntries("department");
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
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
              tuple("involvesDemolition", "boolean"),
              tuple("heritageImpact", "boolean"),
              tuple("industryCategory", "string"));
      assertThat(table.getOutputs())
          .extracting(Output::getName, Output::getTypeRef)
          .containsExactly(tuple("department", "string"));
      // one row per department group: 13 rows, 13 distinct group ids
      assertThat(table.getRules()).hasSize(13)
          .allSatisfy(r -> assertThat(r.getDescription().getTextContent()).contains("第十二条"));
      assertThat(table.getRules())
          .extracting(r -> r.getOutputEntries().iterator().next().getText().getTextContent())
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void minimalSchemeConsultsExactlyTheFiveStandingDepartments() {
    assertThat(departments("MICRO", false, false, "OTHER")).containsExactlyInAnyOrder(ALWAYS);
  }

  @Test
  void maximalSchemeConsultsAllThirteenDepartmentsOnce() {
    List<String> result = departments("FULL", true, true, "BIOMEDICINE");
    assertThat(result).hasSize(13).doesNotHaveDuplicates();
    assertThat(result).containsExactlyInAnyOrder(
        "dept-fgj", "dept-czj", "dept-gxj", "dept-sthj", "dept-swj",
        "dept-gaj", "dept-xfj", "dept-sfj", "dept-cgzf", "dept-rsj",
        "dept-jtys", "dept-wglt", "dept-wjj");
  }

  @Test
  void demolitionAddsPoliceLetterAndVisitsJusticeUrbanManagementAndLabour() {
    assertThat(departments("MICRO", true, false, "ELECTRONICS"))
        .containsExactlyInAnyOrder(concat(ALWAYS, DEMOLITION));
  }

  @Test
  void fullAndMixedRenovationAddTransport() {
    assertThat(departments("FULL", false, false, "OTHER")).containsExactlyInAnyOrder(concat(ALWAYS, "dept-jtys"));
    assertThat(departments("MIXED", false, false, "OTHER")).containsExactlyInAnyOrder(concat(ALWAYS, "dept-jtys"));
  }

  @Test
  void heritageImpactAddsCultureAndTourism() {
    assertThat(departments("MICRO", false, true, "OTHER")).containsExactlyInAnyOrder(concat(ALWAYS, "dept-wglt"));
  }

  @Test
  void biomedicineAndAgriFoodAddHealth() {
    assertThat(departments("MICRO", false, false, "BIOMEDICINE"))
        .containsExactlyInAnyOrder(concat(ALWAYS, "dept-wjj"));
    assertThat(departments("MICRO", false, false, "AGRI_FOOD"))
        .containsExactlyInAnyOrder(concat(ALWAYS, "dept-wjj"));
    assertThat(departments("MICRO", false, false, "NEW_MATERIALS")).containsExactlyInAnyOrder(ALWAYS);
  }
}
