package cn.gonggaigong.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MilestoneStateTest {

    private static final Instant BREACHED = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void theTownsSentencesAreClausesOfOneLine() {
        assertThat(MilestoneState.explanation(BREACHED, BREACHED.plusSeconds(60), "补偿安置谈判拖延。", true,
                "镇政府牵头协调，限期完成；", LocalDate.of(2027, 1, 31)))
                .isEqualTo("逾期原因：补偿安置谈判拖延；属改造主体责任：是；整改措施：镇政府牵头协调，限期完成；预计完成：2027-01-31");
    }

    @Test
    void aBreachNotYetExplainedSaysSoAndAMilestoneNotBreachedSaysNothing() {
        assertThat(MilestoneState.explanation(BREACHED, null, null, null, null, null)).isEqualTo("乡镇尚未说明逾期情况");
        assertThat(MilestoneState.explanation(null, null, null, null, null, null)).isNull();
    }
}
