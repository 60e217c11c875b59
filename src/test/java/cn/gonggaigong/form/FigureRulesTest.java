package cn.gonggaigong.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.task.TaskRow;
import org.junit.jupiter.api.Test;

/** Figures of one form that must agree: floor areas, progress, the transition period's new business. */
class FigureRulesTest {

    private final FigureRules rules = new FigureRules();

    @Test
    void partsOfTheFloorAreaAreNotLargerThanTheWhole() {
        assertThat(problems("Task_ApplyForAcceptance", Map.of("builtTotalFloorArea", 62000.0, "productiveFloorArea", 70000.0,
                "officeLivingFloorArea", 6000.0)))
                .containsExactly(new FieldProblem("productiveFloorArea",
                        "生产性建筑面积与行政办公及生活服务设施建筑面积之和（76000）不能大于竣工总计容建筑面积（62000）"));
        assertThat(problems("Task_ApplyForAcceptance", Map.of("builtTotalFloorArea", 62000.0, "productiveFloorArea", 56000.0,
                "officeLivingFloorArea", 6000.0))).isEmpty();
    }

    @Test
    void aSchemesPartsAreNotLargerThanTheirWholes() {
        // 99999999 m² renovated of 12500 existing was a database overflow (500) when the scheme was recorded.
        assertThat(problems("Task_CompileScheme", Map.of("landAreaSqm", 20000.0, "totalFloorArea", 40000.0,
                "officeLivingFloorArea", 40001.0, "rdTestingFloorArea", 3000.0, "separateFacilityLandArea", 20000.5,
                "existingFloorArea", 12500.0, "renovatedFloorArea", 99999999.0)))
                .containsExactly(new FieldProblem("officeLivingFloorArea", "不能大于总计容建筑面积（40000平方米）"),
                        new FieldProblem("separateFacilityLandArea", "不能大于项目用地面积（20000平方米）"),
                        new FieldProblem("renovatedFloorArea", "不能大于原有总建筑面积（12500平方米）"));
        assertThat(problems("Task_CompileScheme", Map.of("landAreaSqm", 20000.0, "totalFloorArea", 40000.0,
                "officeLivingFloorArea", 6000.0, "rdTestingFloorArea", 40000.0, "separateFacilityLandArea", 0.0,
                "existingFloorArea", 18000.0, "renovatedFloorArea", 18000.0))).isEmpty();
    }

    @Test
    void aSchemesPlotRatioIsNoLargerThanAnApplicationMayGive() {
        assertThat(problems("Task_CompileScheme", Map.of("landAreaSqm", 2.0, "totalFloorArea", 62000.0)))
                .containsExactly(new FieldProblem("totalFloorArea",
                        "容积率（总计容建筑面积÷项目用地面积＝62000÷2≈31000.0）不能大于20：请核对两项面积"));
        assertThat(problems("Task_CompileScheme", Map.of("landAreaSqm", 20000.0, "totalFloorArea", 400000.0))).isEmpty();
    }

    @Test
    void aFinishedConstructionIsAtAHundredPercentAndATransitionNamesItsNewBusiness() {
        assertThat(problems("Task_ReportProgress", Map.of("progressPercent", 10.0, "constructionCompleted", true)))
                .extracting(FieldProblem::field).containsExactly("progressPercent");
        assertThat(problems("Task_ReportProgress", Map.of("progressPercent", 10.0, "constructionCompleted", false))).isEmpty();
        assertThat(problems("Task_AssessTransitionPeriod", Map.of("transitionEligible", true)))
                .extracting(FieldProblem::field).containsExactly("newBusinessType");
        assertThat(problems("Task_AssessTransitionPeriod", Map.of("transitionEligible", true, "newBusinessType", "工业互联网平台")))
                .isEmpty();
        assertThat(problems("Task_AssessTransitionPeriod", Map.of("transitionEligible", false))).isEmpty();
        assertThat(rules.appliesTo("Task_SurveyWillingness")).isFalse();
    }

    @Test
    void aFinishedConstructionHasStarted() {
        assertThat(problems("Task_ReportProgress", Map.of("progressPercent", 100.0, "constructionCompleted", true,
                "constructionStarted", false)))
                .containsExactly(new FieldProblem("constructionStarted", "建设已完成的项目应已动工建设"));
        assertThat(problems("Task_ReportProgress", Map.of("progressPercent", 100.0, "constructionCompleted", true,
                "constructionStarted", true))).isEmpty();
        assertThat(problems("Task_ReportProgress", Map.of("progressPercent", 0.0, "constructionCompleted", false,
                "constructionStarted", false))).isEmpty();
    }

    private List<FieldProblem> problems(String taskKey, Map<String, Object> variables) {
        return rules.problems(new TaskRow("t1", "任务", taskKey, null, null, "pi", null, null, null, null, null, List.of(),
                List.of(), null, null, null, null, null, null, null, null, null), variables);
    }
}
