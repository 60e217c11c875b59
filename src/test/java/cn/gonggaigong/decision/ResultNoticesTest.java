package cn.gonggaigong.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which answers a step's mark tells the applicant: every one ({@code *}) or those listed. */
class ResultNoticesTest {

    @Test
    void aMarkTellsEveryAnswerOrThoseItLists() {
        assertThat(ResultNotices.tells("*", "APPROVED")).isTrue();
        assertThat(ResultNotices.tells(" * ", "false")).isTrue();
        assertThat(ResultNotices.tells("PASS,REVISE", "REVISE")).isTrue();
        assertThat(ResultNotices.tells(" PASS , REVISE ", "PASS")).isTrue();
        assertThat(ResultNotices.tells("PASS,REVISE", "REJECT")).isFalse();
        assertThat(ResultNotices.tells("PASS,REVISE", "PAS")).isFalse();
    }
}
