package cn.gonggaigong.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

/**
 * The warm-up's loop: at least so many steps and at least so long, each index once; P1's rounds: counted while every
 * thread has work.
 */
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

    @Test
    void aRoundCountsOnlyUntilTheFirstThreadHasNothingLeft() throws Exception {
        java.util.concurrent.CountDownLatch shortOnesDone = new java.util.concurrent.CountDownLatch(2);
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        // Two threads, three steps: one thread takes the long step 0; the other does 1 and 2, then finds nothing left
        // and closes the window. Step 0 completes its two tasks well after that, so they are not counted.
        RawCamundaBaseline.Window window = RawCamundaBaseline.whileAllBusy(2, 3, (i, completed) -> {
            seen.add(i);
            if (i == 0) {
                shortOnesDone.await();
                Thread.sleep(1000);
                completed.run();
                completed.run();
            } else {
                completed.run();
                shortOnesDone.countDown();
            }
        });
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(window.all()).isEqualTo(4);
        assertThat(window.counted()).isEqualTo(2);
        assertThat(window.seconds()).isLessThan(1.0);
        assertThat(window.perSecond()).isEqualTo(2 / window.seconds());
    }

    @Test
    void aRoundWithFewerStepsThanThreadsCountsToItsEnd() throws Exception {
        // The second thread has nothing to take before anything was completed: the window stays open.
        RawCamundaBaseline.Window window = RawCamundaBaseline.whileAllBusy(3, 1, (i, completed) -> {
            Thread.sleep(50);
            completed.run();
            completed.run();
            completed.run();
        });
        assertThat(window.all()).isEqualTo(3);
        assertThat(window.counted()).isEqualTo(3);
        assertThat(window.seconds()).isGreaterThanOrEqualTo(0.05);
    }

    @Test
    void aFailingStepFailsTheRound() {
        assertThatThrownBy(() -> RawCamundaBaseline.whileAllBusy(2, 4, (i, completed) -> {
            if (i == 2) {
                throw new IllegalStateException("step 2");
            }
            completed.run();
        })).hasRootCauseMessage("step 2");
    }
}
