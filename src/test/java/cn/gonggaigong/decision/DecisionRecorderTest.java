package cn.gonggaigong.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a step records besides its decision reads as it was entered (DecisionRecorder's decisionFacts). */
class DecisionRecorderTest {

    @Test
    void numbersAreRecordedWithoutATrailingPointZeroAndTextTrimmed() {
        assertThat(DecisionRecorder.factText(92)).isEqualTo("92");
        assertThat(DecisionRecorder.factText(95.0)).isEqualTo("95");
        assertThat(DecisionRecorder.factText(9000000.0)).isEqualTo("9000000");
        assertThat(DecisionRecorder.factText(0.9)).isEqualTo("0.9");
        assertThat(DecisionRecorder.factText(50L)).isEqualTo("50");
        assertThat(DecisionRecorder.factText(Double.NaN)).isEqualTo("NaN");
        assertThat(DecisionRecorder.factText(" 2026-03-11 ")).isEqualTo("2026-03-11");
        assertThat(DecisionRecorder.factText(true)).isEqualTo("true");
        assertThat(DecisionRecorder.factText("x".repeat(600))).hasSize(500);
    }

    @Test
    void emptyAnswersAreNotRecorded() {
        assertThat(DecisionRecorder.factText(null)).isNull();
        assertThat(DecisionRecorder.factText("  ")).isNull();
    }

    @Test
    void theModelsListOfFieldsIsSplitAtCommas() {
        assertThat(DecisionRecorder.factFields("noticeStartDate, noticeEndDate,")).containsExactly("noticeStartDate",
                "noticeEndDate");
        assertThat(DecisionRecorder.factFields("")).isEmpty();
    }
}
