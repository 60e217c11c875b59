package cn.gonggaigong.land;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gonggaigong.project.FieldProblem;
import org.junit.jupiter.api.Test;

/** Art. 18's conditions for the land case NRB chooses (the decision table LandPrice computes the amount from it). */
class LandTasksTest {

    @Test
    void thirtyPercentOfACollectiveLandTakenOverIsOnlyForThreeOldsLandSoldByAgreement() {
        assertThat(fields(Map.of("landCase", "COLLECTIVE_TO_STATE_SELF", "threeOldsPolicy", false, "supplyMethod", "PUBLIC")))
                .containsExactly("threeOldsPolicy", "supplyMethod");
        assertThat(fields(Map.of("landCase", "COLLECTIVE_TO_STATE_SELF", "threeOldsPolicy", true, "supplyMethod", "AGREEMENT")))
                .isEmpty();
        assertThat(fields(Map.of("landCase", "HISTORICAL_PROCEDURES", "threeOldsPolicy", true, "supplyMethod", "LEASE")))
                .containsExactly("supplyMethod");
    }

    @Test
    void landTheGovernmentTookIntoStorageIsNotSoldByAgreement() {
        Map<String, Object> byAgreement = Map.of("landCase", "PUBLIC_TRANSFER", "supplyMethod", "AGREEMENT");
        assertThat(LandTasks.landCase(byAgreement, cn.gonggaigong.project.RenovationMode.GOVERNMENT_STORAGE))
                .containsExactly(new FieldProblem("supplyMethod", "政府收储的土地按规定划拨或者公开出让，不适用协议出让（第十七条）"));
        assertThat(LandTasks.landCase(Map.of("landCase", "PUBLIC_TRANSFER", "supplyMethod", "PUBLIC"),
                cn.gonggaigong.project.RenovationMode.GOVERNMENT_STORAGE)).isEmpty();
        // Other renovations may sell by agreement (Art. 17).
        assertThat(LandTasks.landCase(byAgreement, cn.gonggaigong.project.RenovationMode.SELF)).isEmpty();

        // NRB's step reads the project's mode.
        cn.gonggaigong.project.ProjectRepository projects = org.mockito.Mockito.mock(cn.gonggaigong.project.ProjectRepository.class);
        cn.gonggaigong.project.Project stored = new cn.gonggaigong.project.Project("GGG-2026-0001", "收储项目", null);
        stored.setRenovationMode(cn.gonggaigong.project.RenovationMode.GOVERNMENT_STORAGE);
        org.mockito.Mockito.when(projects.findById(7L)).thenReturn(java.util.Optional.of(stored));
        cn.gonggaigong.task.TaskRow step = new cn.gonggaigong.task.TaskRow("t1", "确定土地处置情形", "Task_DetermineLandCase",
                null, null, "pi", null, null, null, null, null, List.of(), List.of(), 7L, null, null, null, null, null, null,
                null, null);
        assertThat(new LandTasks(projects).problems(step, byAgreement)).extracting(FieldProblem::field)
                .containsExactly("supplyMethod");
    }

    @Test
    void aDifferenceOfValuesCannotBeNegative() {
        Map<String, Object> extension = new HashMap<>(Map.of("landCase", "TENURE_EXTENSION", "threeOldsPolicy", true,
                "supplyMethod", "AGREEMENT", "appraisedValue", 1_000_000.0, "baseValue", 2_000_000.0));
        List<FieldProblem> problems = LandTasks.landCase(extension);
        assertThat(problems).extracting(FieldProblem::field).containsExactly("appraisedValue");
        assertThat(problems.get(0).reason()).contains("第十八条第三款");
        extension.put("appraisedValue", 2_000_000.0);
        assertThat(LandTasks.landCase(extension)).isEmpty();
        assertThat(fields(Map.of("landCase", "ALLOCATED_TO_TRANSFER", "appraisedValue", 1.0, "baseValue", 2.0,
                "supplyMethod", "AGREEMENT"))).containsExactly("appraisedValue");
        // Public transfer and a higher plot ratio alone take no difference.
        assertThat(fields(Map.of("landCase", "PUBLIC_TRANSFER", "appraisedValue", 1.0, "baseValue", 2.0,
                "supplyMethod", "PUBLIC"))).isEmpty();
    }

    @Test
    void amountsAreShownInYuanWithThousandsSeparators() {
        assertThat(cn.gonggaigong.platform.Amounts.yuan(new java.math.BigDecimal("2000000.00"))).isEqualTo("2,000,000 元");
        assertThat(cn.gonggaigong.platform.Amounts.yuan(new java.math.BigDecimal("1234.50"))).isEqualTo("1,234.50 元");
    }

    private static List<String> fields(Map<String, Object> variables) {
        return LandTasks.landCase(variables).stream().map(FieldProblem::field).toList();
    }
}
