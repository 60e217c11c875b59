package cn.gonggaigong.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

/** The warm-up's loop: at least so many steps and at least so long, each index once. */
class RawCamundaBaselineTest {

    @Test
    void withoutATimeItRunsExactlyTheCountEachIndexOnce() throws Exception {
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        int ran = RawCamundaBaseline.parallelAtLeast(3, 17, 0, i -> assertThat(seen.add(i)).isTrue());
        assertThat(ran).isEqualTo(17);
        assertThat(seen).hasSize(17).allSatisfy(i -> assertThat(i).isBetween(0, 16));
    }

    @Test
    void itGoesOnUntilTheTimeHasPassedEvenWhenTheCountIsReached() throws Exception {
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        long begin = System.nanoTime();
        int ran = RawCamundaBaseline.parallelAtLeast(2, 1, 0.2, i -> {
            seen.add(i);
            Thread.sleep(5);
        });
        assertThat((System.nanoTime() - begin) / 1e9).isGreaterThanOrEqualTo(0.2);
        assertThat(ran).isGreaterThan(1).isEqualTo(seen.size());
    }

    @Test
    void aFailingStepFailsTheWholeLoop() {
        assertThatThrownBy(() -> RawCamundaBaseline.parallelAtLeast(2, 5, 0, i -> {
            if (i == 3) {
                throw new IllegalStateException("step 3");
            }
        })).hasRootCauseMessage("step 3");
    }
}
