package cn.gonggaigong.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;

import cn.gonggaigong.GongGaiGongApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark command (README, "基准测试"): starts the application's engine on a fresh embedded PostgreSQL with
 * the production settings of application.yaml (FULL history, the real listeners, plugins and decision tables,
 * authorizations on, fsync on), measures P1–P5 and the database's own commit limit, prints a table and writes
 * BENCHMARKS.md. Run it with {@code ./mvnw -B -Pbenchmark verify}; sizes can be changed with system properties
 * (see {@link BenchmarkSettings#fromSystemProperties()}), {@code -Dbenchmark.mode=quick} for a smoke run.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        Path work = Files.createDirectories(Path.of("target", "benchmark")).toAbsolutePath();
        Path dataDir = Files.createTempDirectory(work, "postgres-");
        Path reportFile = Path.of(System.getProperty("benchmark.report", "BENCHMARKS.md"));
        String command = System.getProperty("benchmark.command", "./mvnw -B -Pbenchmark verify");
        BenchmarkReport report = new BenchmarkReport();
        long begin = System.nanoTime();
        // As command-line arguments, so they win over application.yaml (and the environment).
        java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of("--spring.datasource.url=",
                "--ggg.embedded-postgres.data-dir=" + dataDir, "--ggg.embedded-postgres.port=0", "--server.port=0"));
        java.util.List<String> extra = BenchmarkSettings.appArgs();
        if (!extra.isEmpty()) {
            arguments.addAll(extra);
            report.setup("settings changed for this run", "`" + String.join(" ", extra) + "`");
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GongGaiGongApplication.class)
                .run(arguments.toArray(String[]::new))) {
            BenchmarkRun run = new BenchmarkRun(context, settings, report);
            run.describeSetup(command);
            // -Dbenchmark.skip=P1,P2,...: leave figures out of a trial run (the data for P2–P4 is always made).
            java.util.Set<String> skip = java.util.Set.of(System.getProperty("benchmark.skip", "").split(","));
            if (!skip.contains("P1")) {
                run.databaseLimit();
                run.lifecycleThroughput();
            }
            run.seedTemplates();
            for (int size : settings.sizes()) {
                run.growTo(size);
                if (!skip.contains("P2")) {
                    run.authorizedGroups(size);
                    run.inboxes(size);
                    run.projectPage(size);
                }
                if (!skip.contains("P3")) {
                    run.dashboard(size);
                }
                if (!skip.contains("P1")) {
                    run.completionAtScale(size);
                }
            }
            run.workOneCopy();
            if (!skip.contains("P4")) {
                run.escalation();
            }
            // A look at the data afterwards (psql on the port in the log), e.g. EXPLAIN of a slow query.
            Thread.sleep(Long.getLong("benchmark.holdSeconds", 0L) * 1000);
        }
        if (settings.startAndMemory() && !System.getProperty("benchmark.skip", "").contains("P5")) {
            StartAndMemory.measure(work, report);
        } else {
            report.notMeasured("P5", "cold start to ready; idle RSS", "≤ 15 s, ≤ 700 MB", "switched off for this run");
        }
        report.setup("benchmark duration", String.format(java.util.Locale.ROOT, "%.0f s", (System.nanoTime() - begin) / 1e9));
        report.write(reportFile);
        System.out.println("[benchmark] written to " + reportFile.toAbsolutePath());
        System.exit(0);
    }
}
