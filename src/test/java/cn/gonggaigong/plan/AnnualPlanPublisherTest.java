package cn.gonggaigong.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The project codes NRB leaves out of a plan, as typed: with a Chinese input method's separators too. */
class AnnualPlanPublisherTest {

    @Test
    void codesAreSeparatedByAsciiAndFullWidthCommasAndSemicolonsEnumerationCommasAndWhiteSpace() {
        assertThat(AnnualPlanPublisher.codes("GGG-2026-0001，GGG-2026-0002；GGG-2026-0003、GGG-2026-0004,GGG-2026-0005;"
                + "GGG-2026-0006\nGGG-2026-0007  GGG-2026-0008"))
                .containsExactlyInAnyOrder("GGG-2026-0001", "GGG-2026-0002", "GGG-2026-0003", "GGG-2026-0004",
                        "GGG-2026-0005", "GGG-2026-0006", "GGG-2026-0007", "GGG-2026-0008");
        assertThat(AnnualPlanPublisher.codes(null)).isEmpty();
        assertThat(AnnualPlanPublisher.codes(" ，、 ")).isEmpty();
    }
}
