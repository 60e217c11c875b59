package cn.gonggaigong.benchmark;

import java.util.Arrays;
import java.util.concurrent.Callable;

/** Latencies of repeated calls, in milliseconds: p50, p95, p99 (nearest rank). */
record Latencies(int samples, double p50, double p95, double p99, Object lastResult) {

    /** Measuring one figure stops after this many seconds (slow baselines at 100,000 projects), with at least 20 calls. */
    static final double BUDGET_SECONDS = 15;

    /** Calls {@code call} {@code warmup} times unmeasured, then up to {@code samples} times measured. */
    static Latencies measure(int warmup, int samples, Callable<?> call) {
        return measure(warmup, 0, samples, 0, call);
    }

    /** Most measured calls of one series: a 1 ms call measured for 15 s. */
    static final int MAX_SAMPLES = 20_000;

    /**
     * Calls {@code call} unmeasured at least {@code warmup} times and for at least {@code warmupSeconds}, then measured
     * at least {@code samples} times and for at least {@code measureSeconds} (at most {@link #MAX_SAMPLES} calls; stopped
     * after {@link #BUDGET_SECONDS} once there are 20). The warm-up time matters for fast calls: a few milliseconds' call
     * needs thousands of runs before the JIT has compiled its whole path (BENCHMARKS.md, P2). The measured time
     * matters for them too: 100 calls of 3 ms are 0.3 s, and one pause of the machine in those (a collection, a
     * compilation, PostgreSQL's autovacuum) is their p95, while the same pause is one call in a 50 ms baseline's 5 s.
     */
    static Latencies measure(int warmup, double warmupSeconds, int samples, double measureSeconds, Callable<?> call) {
        try {
            Object last = null;
            long warmupBegin = System.nanoTime();
            for (int i = 0; i < warmup || (System.nanoTime() - warmupBegin) / 1e9 < warmupSeconds; i++) {
                last = call.call();
            }
            long[] nanos = new long[MAX_SAMPLES];
            long begin = System.nanoTime();
            int n = 0;
            while (n < MAX_SAMPLES) {
                double elapsed = (System.nanoTime() - begin) / 1e9;
                boolean wanted = n < samples || elapsed < measureSeconds;
                boolean allowed = n < 20 || elapsed < BUDGET_SECONDS;
                if (!wanted || !allowed) {
                    break;
                }
                long start = System.nanoTime();
                last = call.call();
                nanos[n++] = System.nanoTime() - start;
            }
            nanos = Arrays.copyOf(nanos, n);
            Arrays.sort(nanos);
            return new Latencies(n, ms(rank(nanos, 0.50)), ms(rank(nanos, 0.95)), ms(rank(nanos, 0.99)), last);
        } catch (Exception e) {
            throw new IllegalStateException("Measured call failed", e);
        }
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
