package cn.gonggaigong.benchmark;

import java.util.List;

/**
 * Sizes of one benchmark run.
 *
 * @param threads            worker threads of P1, the raw baseline and the database's own limit
 * @param lifecycleProjects  P1: projects driven from application to completion acceptance
 * @param lifecycleWarmup    P1: projects driven the same way before, unmeasured, at least (and a fifth of
 *                           {@code rawInstances} for the baseline), so that neither is measured while the JIT is still
 *                           compiling its code
 * @param lifecycleWarmupSeconds P1: and for at least this long, the product's warm-up and the baseline's each
 * @param lifecycleRounds    P1: the measured projects and the baseline's instances are split into this many rounds,
 *                           taken in turn (baseline, product, baseline, product, …), so that a change of the machine's
 *                           speed during the run weighs on both sides alike
 * @param rawInstances       P1 baseline: bare one-task instances started and completed
 * @param commitSeconds      how long the plain JDBC commit loop runs
 * @param templates          P2/P3: real projects driven to a spread of steps, then copied
 * @param sizes              P2/P3: active projects measured at (multiples of {@code templates})
 * @param samples            P2/P3: measured calls per figure, at least (within {@link Latencies#BUDGET_SECONDS})
 * @param measureSeconds     P2/P3: and measured calls for at least this long, so a fast call's series spans as much
 *                           time as a slow baseline's (a pause of the machine then weighs on both alike)
 * @param warmupSeconds      P2/P3: unmeasured calls before each series for at least this long (and at least
 *                           {@code samples / 5 + 1}, at most 10, calls)
 * @param escalationTasks    P4: tasks falling due at the same moment
 * @param secondNode         P4: also with a second node (the application jar on the same database)
 * @param startAndMemory     P5: start the built application as a process of its own
 */
record BenchmarkSettings(String mode, int threads, int lifecycleProjects, int lifecycleWarmup,
                         double lifecycleWarmupSeconds, int lifecycleRounds, int rawInstances, double commitSeconds,
                         int templates, List<Integer> sizes, int samples, double measureSeconds, double warmupSeconds, int escalationTasks, boolean secondNode,
                         boolean startAndMemory) {

    static BenchmarkSettings full() {
        return new BenchmarkSettings("full", 4, 80, 20, 60, 4, 3000, 10, 50, List.of(10_000, 100_000), 100, 5, 5, 10_000, true, true);
    }

    /** Small enough for the normal test suite: proves every step still works, measures nothing worth keeping. */
    static BenchmarkSettings quick() {
        return new BenchmarkSettings("quick", 2, 2, 1, 0, 2, 50, 1, 10, List.of(500, 1_000), 5, 0, 0, 40, false, false);
    }

    /**
     * {@code -Dbenchmark.appArgs="--a=b;--c=d"} (or spaces where the shell keeps them in one argument): settings to try
     * against application.yaml's (e.g. job executor settings), given to the application and to P4's second node.
     */
    static List<String> appArgs() {
        String extra = System.getProperty("benchmark.appArgs", "").trim();
        return extra.isEmpty() ? List.of() : List.of(extra.split("[\\s;]+"));
    }

    static BenchmarkSettings fromSystemProperties() {
        BenchmarkSettings base = "quick".equals(System.getProperty("benchmark.mode")) ? quick() : full();
        return new BenchmarkSettings(base.mode,
                Integer.getInteger("benchmark.threads", base.threads),
                Integer.getInteger("benchmark.lifecycleProjects", base.lifecycleProjects),
                Integer.getInteger("benchmark.lifecycleWarmup", base.lifecycleWarmup),
                Double.parseDouble(System.getProperty("benchmark.lifecycleWarmupSeconds", String.valueOf(base.lifecycleWarmupSeconds))),
                Integer.getInteger("benchmark.lifecycleRounds", base.lifecycleRounds),
                Integer.getInteger("benchmark.rawInstances", base.rawInstances),
                Double.parseDouble(System.getProperty("benchmark.commitSeconds", String.valueOf(base.commitSeconds))),
                Integer.getInteger("benchmark.templates", base.templates),
                System.getProperty("benchmark.sizes") == null ? base.sizes
                        : List.of(System.getProperty("benchmark.sizes").split(",")).stream().map(Integer::parseInt).toList(),
                Integer.getInteger("benchmark.samples", base.samples),
                Double.parseDouble(System.getProperty("benchmark.measureSeconds", String.valueOf(base.measureSeconds))),
                Double.parseDouble(System.getProperty("benchmark.warmupSeconds", String.valueOf(base.warmupSeconds))),
                Integer.getInteger("benchmark.escalationTasks", base.escalationTasks),
                Boolean.parseBoolean(System.getProperty("benchmark.secondNode", String.valueOf(base.secondNode))),
                Boolean.parseBoolean(System.getProperty("benchmark.startAndMemory", String.valueOf(base.startAndMemory))));
    }
}
