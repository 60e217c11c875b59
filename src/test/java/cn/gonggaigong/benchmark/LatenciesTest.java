package cn.gonggaigong.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** How a series of P2/P3 is measured: by count and by time, within its limits. */
class LatenciesTest {

    @Test
    void aFastCallIsMeasuredForTheWholeWindowNotOnlyItsSamples() {
        AtomicInteger calls = new AtomicInteger();
        long begin = System.nanoTime();
        Latencies measured = Latencies.measure(2, 0, 5, 0.2, () -> {
            Thread.sleep(1);
            return calls.incrementAndGet();
        });
        double seconds = (System.nanoTime() - begin) / 1e9;

        assertThat(seconds).isGreaterThanOrEqualTo(0.2);
        assertThat(measured.samples()).isGreaterThan(5).isEqualTo(calls.get() - 2);
        assertThat(measured.lastResult()).isEqualTo(calls.get());
        assertThat(measured.p50()).isGreaterThanOrEqualTo(1.0).isLessThanOrEqualTo(measured.p95());
        assertThat(measured.p95()).isLessThanOrEqualTo(measured.p99());
    }

    @Test
    void withoutAWindowTheSamplesAreTheCount() {
        AtomicInteger calls = new AtomicInteger();
        Latencies measured = Latencies.measure(3, 0, 7, 0, calls::incrementAndGet);

        assertThat(measured.samples()).isEqualTo(7);
        assertThat(calls.get()).isEqualTo(10);
    }

    @Test
    void aLongWindowStopsAtTheMostSamples() {
        AtomicInteger calls = new AtomicInteger();
        Latencies measured = Latencies.measure(0, 0, 1, Latencies.BUDGET_SECONDS, calls::incrementAndGet);

        assertThat(measured.samples()).isEqualTo(Latencies.MAX_SAMPLES);
        assertThat(calls.get()).isEqualTo(Latencies.MAX_SAMPLES);
    }
}
