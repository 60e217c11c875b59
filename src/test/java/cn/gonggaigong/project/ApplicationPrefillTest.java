package cn.gonggaigong.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What a scheme's first version is offered: the town's survey before what the application declared. */
class ApplicationPrefillTest {

    private static Project project() {
        Project p = new Project("GGG-2026-0001", "占陇镇某项目", new Town("zhanlong", "占陇镇", TownKind.TOWN));
        p.setLandAreaSqm(new BigDecimal("10000.00"));
        p.setExistingFloorArea(new BigDecimal("8000.00"));
        p.setPlannedFloorArea(new BigDecimal("25000.00"));
        p.setInvestment(new BigDecimal("30000000.00"));
        return p;
    }

    @Test
    void theSchemeStartsFromTheApplicationUntilTheTownHasSurveyed() {
        assertThat(ApplicationPrefill.values("Task_CompileScheme", project()))
                .containsEntry("landAreaSqm", 10000.0).containsEntry("existingFloorArea", 8000.0)
                .containsEntry("totalFloorArea", 25000.0).containsEntry("investment", 3.0E7);
    }

    @Test
    void theSchemeStartsFromTheSurveyedFiguresOnceThereAreSome() {
        Project p = project();
        p.setSurvey(new ProjectSurvey(new BigDecimal("12000.00"), new BigDecimal("18.0000"), new BigDecimal("9000.00"),
                new BigDecimal("0.7500"), null, LocalDate.parse("2026-03-10")));
        assertThat(ApplicationPrefill.values("Task_CompileScheme", p))
                .containsEntry("landAreaSqm", 12000.0).containsEntry("existingFloorArea", 9000.0)
                .containsEntry("totalFloorArea", 25000.0);
    }

    @Test
    void theSurveysParcelsAreReadFromTheTownsText() {
        assertThat(ParcelRegister.parse(" BT-1，BT-2、BT-3;bt-4；BT-5  BT-6,\u3000")).containsExactly("BT-1", "BT-2", "BT-3",
                "bt-4", "BT-5", "BT-6");
        assertThat(ParcelRegister.parse("  ")).isEmpty();
        assertThat(ParcelRegister.parse(null)).isEmpty();
    }
}
