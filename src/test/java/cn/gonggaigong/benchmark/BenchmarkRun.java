package cn.gonggaigong.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.gonggaigong.benchmark.LifecycleDriver.Driven;
import cn.gonggaigong.platform.EmbeddedPostgresServer;
import cn.gonggaigong.project.ProjectService;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.gonggaigong.benchmark.BenchmarkReport.f;
import static cn.gonggaigong.benchmark.BenchmarkReport.ratio;
import static cn.gonggaigong.benchmark.BenchmarkReport.verdict;

/**
 * The steps of one benchmark run against a running application context; shared by {@link Benchmark} (the command)
 * and BenchmarkQuickIT (the quick mode in the test suite). Each step records its figures in the report and returns
 * the counts it checked.
 */
final class BenchmarkRun {

    static final String RAW_DATABASE = "bench_raw";

    final BenchmarkSettings settings;
    final BenchmarkReport report;
    final ApplicationContext context;
    final JdbcTemplate jdbc;
    final LifecycleDriver driver;
    final EmbeddedPostgresServer server;
    final ProcessEngineConfigurationImpl engine;

    /** Counts checked by the quick mode. */
    int lifecycleCompleted;
    long lifecycleTasksInHistory;
    final List<Long> madeProjects = java.util.Collections.synchronizedList(new ArrayList<>());
    final Map<Long, String> templateStops = new java.util.concurrent.ConcurrentHashMap<>();
    long lifecycleCompletions;
    /** P1: the product's completions counted in the rounds' windows, and each round's ratio to the baseline's. */
    long lifecycleCountedCompletions;
    List<Double> lifecycleRoundRatios = List.of();
    long rawCompleted;
    int lifecycleWarmupCompleted;
    int rawWarmup;
    double rawWarmupSeconds;
    final List<Long> templates = new ArrayList<>();
    final List<Long> activeProjectCounts = new ArrayList<>();
    final List<Long> expectedActiveProjects = new ArrayList<>();

    BenchmarkRun(ApplicationContext context, BenchmarkSettings settings, BenchmarkReport report) {
        this.context = context;
        this.settings = settings;
        this.report = report;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.server = context.getBean(EmbeddedPostgresServer.class);
        this.engine = (ProcessEngineConfigurationImpl) context.getBean(ProcessEngine.class).getProcessEngineConfiguration();
        this.driver = new LifecycleDriver(context.getBean(ProjectService.class), context.getBean(TaskService.class),
                context.getBean(IdentityService.class));
    }

    void describeSetup(String command) throws Exception {
        report.setup("date (UTC)", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        report.setup("command", "`" + command + "`");
        report.setup("mode", settings.mode());
        report.setup("machine", Runtime.getRuntime().availableProcessors() + " cores, " + memTotal() + " memory, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        report.setup("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        report.setup("PostgreSQL", jdbc.queryForObject("select version()", String.class) + " (embedded, zonky "
                + "binaries, started by the application)");
        report.setup("durability", "fsync=" + server.show("fsync") + ", synchronous_commit=" + server.show("synchronous_commit"));
        report.setup("Camunda", org.camunda.bpm.engine.ProcessEngine.class.getPackage().getImplementationVersion()
                + ", history level " + engine.getHistory() + ", authorizations " + (engine.isAuthorizationEnabled() ? "on" : "off")
                + ", job executor " + (engine.getJobExecutor().isActive() ? "active" : "not active"));
        report.setup("connection pool", "HikariCP, maximum " + ((HikariDataSource) context.getBean(javax.sql.DataSource.class))
                .getMaximumPoolSize());
        report.setup("threads (P1, baselines)", settings.threads());
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(java.util.Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (Exception e) {
            // no /proc
        }
        return "unknown";
    }

    String rawJdbcUrl() {
        try (Connection c = ((javax.sql.DataSource) context.getBean(javax.sql.DataSource.class)).getConnection()) {
            var rs = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + RAW_DATABASE + "'");
            if (!rs.next()) {
                c.createStatement().execute("create database " + RAW_DATABASE);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the baseline database", e);
        }
        return "jdbc:postgresql://localhost:" + server.port() + "/" + RAW_DATABASE;
    }

    // ------------------------------------------------------------------------------------------------------------
    // The database's own limit and P1

    double commitLimit;

    void databaseLimit() throws Exception {
        commitLimit = CommitBaseline.commitsPerSecond(rawJdbcUrl(), EmbeddedPostgresServer.USER, settings.threads(),
                settings.commitSeconds());
        report.row("DB", "plain JDBC INSERT + COMMIT, " + settings.threads() + " threads", f(commitLimit, "commits/s"),
                "–", "–", "(reference)", "–");
    }

    void lifecycleThroughput() throws Exception {
        int threads = settings.threads();
        int rounds = Math.max(1, settings.lifecycleRounds());
        String[][] towns = {{"zhanlong", "applicant1"}, {"liushadong", "applicant2"}};
        double rawStart;
        double applyRate;
        double warmupSeconds;
        List<Driven> warmup = Collections.synchronizedList(new ArrayList<>());
        List<Driven> projects = Collections.synchronizedList(new ArrayList<>());
        List<RawCamundaBaseline.Window> rawRounds = new ArrayList<>();
        List<RawCamundaBaseline.Window> productRounds = new ArrayList<>();
        long[] rawRows = new long[3];
        long[] productRows = new long[3];
        long productCommits = 0;
        double productRoundSeconds = 0;
        // Raw Camunda on its own database in the same server, open until the last round.
        try (RawCamundaBaseline raw = new RawCamundaBaseline(rawJdbcUrl(), EmbeddedPostgresServer.USER,
                engine.getHistory(), ((HikariDataSource) context.getBean(javax.sql.DataSource.class)).getMaximumPoolSize())) {
            // Unmeasured first, as on an engine that has been running: a JFR profile of a P1 trial without a warm-up
            // found the JIT's compiler threads using a fifth of the machine throughout the product's measured run.
            long rawWarmupBegin = System.nanoTime();
            rawWarmup = RawCamundaBaseline.parallelAtLeast(threads, Math.max(1, settings.rawInstances() / 5),
                    settings.lifecycleWarmupSeconds(), i -> raw.startAndComplete(RawCamundaBaseline.WARMUP_KEY, i));
            rawWarmupSeconds = (System.nanoTime() - rawWarmupBegin) / 1e9;
            RawCamundaBaseline.Result<List<String>> started = raw.start(settings.rawInstances(), threads,
                    RawCamundaBaseline.MEASURED_KEY);
            rawStart = started.perSecond();

            // The product: the warm-up drives whole lifecycles, then the measured projects are applied for.
            long warmupBegin = System.nanoTime();
            RawCamundaBaseline.parallelAtLeast(threads, settings.lifecycleWarmup(), settings.lifecycleWarmupSeconds(), i -> {
                Driven project = driver.apply(towns[i % 2][0], towns[i % 2][1], 300_000 + i);
                warmup.add(project);
                driver.drive(project, LifecycleDriver.toTheEnd());
            });
            warmupSeconds = (System.nanoTime() - warmupBegin) / 1e9;
            warmup.forEach(p -> madeProjects.add(p.id()));
            lifecycleWarmupCompleted = warmup.isEmpty() ? 0 : jdbc.queryForObject("select count(*) from project where status = "
                    + "'COMPLETED' and id in (" + warmup.stream().map(p -> String.valueOf(p.id())).reduce((a, b) -> a + "," + b)
                    .orElseThrow() + ")", Integer.class);
            long begin = System.nanoTime();
            RawCamundaBaseline.parallel(threads, settings.lifecycleProjects(), i ->
                    projects.add(driver.apply(towns[i % 2][0], towns[i % 2][1], 100_000 + i)));
            applyRate = settings.lifecycleProjects() / ((System.nanoTime() - begin) / 1e9);

            // Measured in turns, so that the machine's speed of the moment weighs on both sides alike.
            List<String> instances = started.value();
            for (int round = 0; round < rounds; round++) {
                List<String> rawPart = instances.subList(round * instances.size() / rounds,
                        (round + 1) * instances.size() / rounds);
                long[] rawBefore = rowsWritten(RAW_DATABASE);
                rawRounds.add(raw.completeRound(rawPart, threads));
                add(rawRows, rawBefore, rowsWritten(RAW_DATABASE));

                List<Driven> part = projects.subList(round * projects.size() / rounds, (round + 1) * projects.size() / rounds);
                long commitsBefore = commits();
                long[] rowsBefore = rowsWritten(null);
                long roundBegin = System.nanoTime();
                productRounds.add(RawCamundaBaseline.whileAllBusy(threads, part.size(), (i, completed) ->
                        driver.drive(part.get(i), LifecycleDriver.toTheEnd(), completed)));
                productRoundSeconds += (System.nanoTime() - roundBegin) / 1e9;
                productCommits += commits() - commitsBefore;
                add(productRows, rowsBefore, rowsWritten(null));
            }
            long open = raw.openInstances();
            if (open != 0) {
                throw new IllegalStateException(open + " bare instances still open");
            }
            rawCompleted = raw.completedInHistory();
        }
        int rawCompletions = rawRounds.stream().mapToInt(RawCamundaBaseline.Window::all).sum();
        rawRowsPerCompletion = perCompletion(new long[3], rawRows, rawCompletions);
        double rawComplete = perSecond(rawRounds);
        double rate = perSecond(productRounds);
        lifecycleRoundRatios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            lifecycleRoundRatios.add(productRounds.get(round).perSecond() / rawRounds.get(round).perSecond());
        }
        int all = productRounds.stream().mapToInt(RawCamundaBaseline.Window::all).sum();
        lifecycleCompletions = all;
        lifecycleCountedCompletions = productRounds.stream().mapToInt(RawCamundaBaseline.Window::counted).sum();
        double[] productRowsPerCompletion = perCompletion(new long[3], productRows, all);
        double transactions = productCommits / productRoundSeconds;
        projects.forEach(p -> madeProjects.add(p.id()));
        lifecycleTasksInHistory = count("select count(*) from act_hi_taskinst t join act_hi_procinst p on p.id_ = t.proc_inst_id_ "
                + "where t.end_time_ is not null and p.business_key_ in (" + projects.stream().map(p -> "'" + p.code() + "','"
                + p.unitCode() + "'").reduce((a, b) -> a + "," + b).orElseThrow() + ")");
        String ids = projects.stream().map(p -> String.valueOf(p.id())).reduce((a, b) -> a + "," + b).orElse("0");
        lifecycleCompleted = jdbc.queryForObject("select count(*) from project where status = 'COMPLETED' and id in (" + ids + ")",
                Integer.class);
        if (lifecycleCompleted != projects.size()) {
            throw new IllegalStateException(lifecycleCompleted + " of " + projects.size() + " projects completed their lifecycle");
        }
        double r = rate / rawComplete;
        report.row("P1", "lifecycle: task completions/s, " + threads + " threads (" + projects.size() + " projects, "
                + all + " tasks; " + rounds + " rounds in turn with the baseline's, counted while every thread had work: "
                + lifecycleCountedCompletions + " tasks in " + seconds(productRounds) + ")", f(rate, "/s"),
                f(rawComplete, "/s") + " raw bare-task completions (" + rawRounds.stream()
                        .mapToInt(RawCamundaBaseline.Window::counted).sum() + " in " + seconds(rawRounds) + ")",
                ratio(r) + " (rounds " + lifecycleRoundRatios.stream().map(BenchmarkReport::ratio)
                        .collect(java.util.stream.Collectors.joining(" / ")) + ")", "ratio ≥ 0.7", verdict(r >= 0.7));
        report.row("P1", "projects applied for (ProjectService.submit, starts the lifecycle), " + threads + " threads",
                f(applyRate, "/s"), f(rawStart, "/s") + " raw bare starts", ratio(applyRate / rawStart), "–", "–");
        report.row("P1", "database commits/s while driving (all transactions of the application's database, "
                + "pg_stat_database)", f(transactions, "/s") + " = " + ratio(transactions / commitLimit) + " of the limit",
                f(commitLimit, "/s") + " plain JDBC", "–", "–", "–");
        report.row("P1", "rows written per task completion (inserted / updated / deleted, pg_stat_database of each "
                + "database; the product's include the timer jobs' work in the same seconds)",
                rows(productRowsPerCompletion), rows(rawRowsPerCompletion) + " raw bare-task completion", ratio(
                        (productRowsPerCompletion[0] + productRowsPerCompletion[1] + productRowsPerCompletion[2])
                                / (rawRowsPerCompletion[0] + rawRowsPerCompletion[1] + rawRowsPerCompletion[2])) + "× as many",
                "–", "–");
        report.note("P1: " + projects.size() + " projects applied for through ProjectService.submit (as an NRB officer, "
                + "towns 占陇镇 and 流沙东街道 alternately) and driven to completion acceptance on the happy path (fast track, "
                + "a renovation unit of its own, every department agreeing), each step completed through TaskService.complete "
                + "as the owning office's user with Camunda authorizations on (the engine call behind the REST API), "
                + threads + " threads, one project at a time per thread; each step reads the project's open tasks first. "
                + "All " + lifecycleCompleted + " reached status COMPLETED. Measured in " + rounds + " rounds, each 1/"
                + rounds + " of the baseline's instances and then 1/" + rounds + " of the projects, so that the "
                + "machine's speed, which changes within minutes here, weighs on both sides alike; the rate of each side is "
                + "its counted completions over its counted seconds: a round is counted until the first of its threads "
                + "finds no more work (the others then finish the project or task in hand, uncounted), so the uneven "
                + "end of a round is not measured as idle threads. Rows and commits are of whole rounds. Before them, unmeasured, " + warmup.size()
                + " projects driven the same way in " + String.format(java.util.Locale.ROOT, "%.0f", warmupSeconds) + " s ("
                + lifecycleWarmupCompleted + " completed), so that the code is measured compiled, as on a node that has been "
                + "running (without it the JIT compiled throughout the measured run, BENCHMARKS.md item 30). Baseline: " + settings.rawInstances()
                + " instances of a bare start → user task → end process on a Camunda engine of its own (no Spring, no "
                + "listeners or plugins, authorizations off), database `" + RAW_DATABASE + "` in the same PostgreSQL "
                + "server, same history level, id generator and pool size; all started before the first round; each "
                + "completion finds its task by instance first; "
                + "before them, unmeasured, " + rawWarmup + " instances started and completed one by one in "
                + String.format(java.util.Locale.ROOT, "%.0f", rawWarmupSeconds) + " s.");
    }

    // ------------------------------------------------------------------------------------------------------------
    // Seeding for P2/P3

    double seedingProjectsPerSecond;

    /** Drives {@code settings.templates()} real projects to a spread of steps (STOPS) over all towns. */
    void seedTemplates() throws Exception {
        List<String> townCodes = jdbc.queryForList("select code from town order by code", String.class);
        int count = settings.templates();
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger completions = new AtomicInteger();
        long begin = System.nanoTime();
        RawCamundaBaseline.parallel(settings.threads(), count, i -> {
            Driven project = driver.apply(townCodes.get(i % townCodes.size()), i % 2 == 0 ? "applicant1" : "applicant2", 200_000 + i);
            // Fewer templates than steps (the quick mode): spread over all of them, so that later phases (the
            // monitoring agreement's deadlines, P3) are among them too; otherwise round-robin, as always.
            int steps = LifecycleDriver.STOPS.size();
            String stop = LifecycleDriver.STOPS.get(count >= steps ? i % steps : i * steps / count);
            completions.addAndGet(driver.drive(project, LifecycleDriver.stopAt(stop)));
            ids.add(project.id());
            templateStops.put(project.id(), stop);
        });
        double elapsed = (System.nanoTime() - begin) / 1e9;
        seedingProjectsPerSecond = count / elapsed;
        templates.addAll(ids.stream().sorted().toList());
        report.note(String.format(java.util.Locale.ROOT, "Seeding rate through the engine: %d real projects applied for and driven "
                + "to their step (%d task completions) in %.1f s = %.1f projects/s with %d threads; 100,000 that way would "
                + "take about %.0f minutes, so the large sizes are made by copying (below).", count, completions.get(), elapsed,
                seedingProjectsPerSecond, settings.threads(), 100_000 / seedingProjectsPerSecond / 60));
    }

    int copiesMade;

    /** Copies the templates until {@code activeProjects} projects are active. */
    Map<String, Integer> growTo(int activeProjects) {
        int copiesWanted = activeProjects / templates.size() - 1;
        long begin = System.nanoTime();
        DataReplicator replicator = new DataReplicator(jdbc, false);
        Map<String, Integer> rows = replicator.replicate(templates, copiesMade + 1, copiesWanted);
        replicator.dropHelpers();
        copiesMade = copiesWanted;
        double seconds = (System.nanoTime() - begin) / 1e9;
        String templateIds = templates.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        long active = count("select count(*) from project where status = 'ACTIVE' and id % " + DataReplicator.ID_OFFSET
                + " in (" + templateIds + ")");
        activeProjectCounts.add(active);
        expectedActiveProjects.add((long) templates.size() * (copiesWanted + 1));
        report.note(String.format(java.util.Locale.ROOT, "Copies to %,d active projects: %d templates, each "
                + "now %d times, in %.1f s; rows inserted %s; seconds per table %s.", active, templates.size(), copiesWanted + 1,
                seconds, rows, replicator.timings.entrySet().stream().filter(e -> e.getValue() >= 0.5)
                        .map(e -> e.getKey() + " " + Math.round(e.getValue())).toList()));
        return rows;
    }

    // ------------------------------------------------------------------------------------------------------------
    // P2 and P3

    /** The users whose inboxes are measured: a town officer and an NRB officer. */
    static final String TOWN_OFFICER = "zhanlong1";
    static final String TOWN_GROUP = "town-zhanlong";
    static final String TOWN_CODE = "zhanlong";
    static final String NRB_OFFICER = "nrb-clerk";

    /** Rows each baseline call returned, by size and user (checked by the quick mode). */
    final Map<String, Integer> baselineRows = new java.util.LinkedHashMap<>();

    private boolean latenciesNoted;

    void inboxes(int size) {
        if (!latenciesNoted) {
            latenciesNoted = true;
            report.note(String.format(java.util.Locale.ROOT, "P2, P3: every series of calls, a baseline's and the product's "
                    + "alike, is measured after unmeasured warm-up calls for %.0f s (at least %d calls), then measured: "
                    + "at least %d calls and for at least %.0f s (at most %,d calls; stopped after %.0f s once there are 20); "
                    + "p50 / p95 / p99 are nearest-rank percentiles of those. "
                    + "The warm-up is by time because the product's calls take a few milliseconds: with 10 calls a town "
                    + "officer's inbox, the first figure to run the task-list code, was measured while it was still being "
                    + "compiled (its calls fell from 5–9 ms to 2.2–2.5 ms over the first 60 measured ones). The measuring "
                    + "is by time as well, so a fast series spans as long as a slow baseline's: 100 calls of 3 ms are "
                    + "0.3 s, and one pause of the machine in those was their p95 (BENCHMARKS.md, item 28).",
                    settings.warmupSeconds(), warmup(), settings.samples(), settings.measureSeconds(), Latencies.MAX_SAMPLES,
                    Latencies.BUDGET_SECONDS));
        }
        TaskService tasks = context.getBean(TaskService.class);
        IdentityService identity = context.getBean(IdentityService.class);
        for (String[] who : new String[][]{{TOWN_OFFICER, TOWN_GROUP, "town officer (占陇镇)"}, {NRB_OFFICER, "nrb", "NRB officer"}}) {
            String user = who[0];
            List<String> groups = driver.groupsOf(user);
            java.util.concurrent.Callable<Integer> taskQuery = () -> {
                identity.setAuthentication(user, groups);
                try {
                    return tasks.createTaskQuery().taskCandidateGroup(who[1])
                            .processVariableValueEquals("townGroup", TOWN_GROUP)
                            .processVariableValueGreaterThan("projectId", 0L)
                            .orderByTaskCreateTime().desc().listPage(0, 50).size();
                } finally {
                    identity.clearAuthentication();
                }
            };
            // The baseline is Camunda as shipped; the same query on the product's engine (its group lookup) is shown.
            Latencies baseline = withCamundasGroupLookup(() -> measure(taskQuery));
            Latencies onProductEngine = measure(taskQuery);
            baselineRows.put(size + " " + user, (Integer) baseline.lastResult());
            ProductProbes.Probe product = ProductProbes.taskList(context, user, groups);
            String figure = String.format(java.util.Locale.ROOT, "inbox, %s, %,d active projects: p50 / p95 / p99", who[2], size);
            String base = ms(baseline) + " (TaskQuery, " + baseline.lastResult() + " rows; " + baseline.samples() + " calls; "
                    + "on the product's engine " + ms(onProductEngine) + ")";
            if (product == null) {
                report.notMeasured("P2", figure + "; baseline " + base, "p95 ≤ 20 ms at 100,000; ≥ 10× faster",
                        ProductProbes.TASK_LIST_MISSING);
                continue;
            }
            Latencies measured = measure(product::call);
            double speedup = baseline.p95() / measured.p95();
            boolean met = speedup >= 10 && (size < 100_000 || measured.p95() <= 20);
            report.row("P2", figure, ms(measured) + " (" + measured.lastResult() + "; " + measured.samples() + " calls)", base, ratio(speedup) + "× (p95)",
                    size >= 100_000 ? "p95 ≤ 20 ms, ≥ 10×" : "≥ 10×", verdict(met));
        }
    }

    /**
     * Before each authorization check Camunda reads the groups that hold any authorization, once per command; the
     * product reads them through the group index (AuthorizedGroupsPlugin) instead of Camunda's DISTINCT over the table.
     */
    void authorizedGroups(int size) {
        long rows = count("select count(*) from act_ru_authorization");
        Latencies camunda = measure(() -> jdbc.queryForList(
                "SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A", String.class).stream()
                .filter(java.util.Objects::nonNull).count());
        Latencies indexed = measure(() -> {
            try (Connection c = context.getBean(javax.sql.DataSource.class).getConnection()) {
                return (long) cn.gonggaigong.security.AuthorizedGroupsPlugin.distinctGroups(c, engine.getDatabaseTablePrefix())
                        .size();
            }
        });
        if (!camunda.lastResult().equals(indexed.lastResult())) {
            throw new IllegalStateException("Group lookups disagree: " + camunda.lastResult() + " vs " + indexed.lastResult());
        }
        report.row("P2", String.format(java.util.Locale.ROOT, "groups holding authorizations, read before each authorization "
                        + "check (every task completion, task query, Tasklist call), %,d projects, %,d authorization rows: "
                        + "p50 / p95 / p99", size, rows), ms(indexed) + " (" + indexed.lastResult() + " groups; group index)",
                ms(camunda) + " (Camunda's SELECT DISTINCT)", ratio(camunda.p95() / indexed.p95()) + "× (p95)", "–", "–");
    }

    /**
     * The project page (GET /api/projects/{id}/overview, as the NRB officer) of a project with open tasks, and what its two
     * task lookups by the project's id cost with Flyway V33's index on the variables' values against how they were
     * before: the product's statement without its proc_inst_id_ filter and Camunda's TaskQuery statement, both
     * without the index (dropped in a transaction that is rolled back, on one connection; nothing else runs then).
     */
    void projectPage(int size) {
        // A project driven through the engine (a template): copies have no history rows, which the page's diagrams read.
        Long projectId = jdbc.queryForObject("select max(i.project_id) from task_inbox i where i.project_id < ?",
                Long.class, DataReplicator.ID_OFFSET);
        if (projectId == null) {
            throw new IllegalStateException("No template project with an open task");
        }
        String now = cn.gonggaigong.task.TaskQueries.OF_PROJECT.replace(":projectId", projectId.toString());
        String before = now.replaceAll("(?s)\\s+and t\\.proc_inst_id_ in \\(select pv\\..*?is null\\)", "");
        if (before.equals(now)) {
            throw new IllegalStateException("TaskQueries.OF_PROJECT no longer has the filter this figure compares");
        }
        String camunda = cn.gonggaigong.task.ProjectTasksLookupIT.camundaTaskQueryByProjectId(projectId);
        int samples = Math.max(5, settings.samples() / 5);
        Latencies indexed;
        Latencies unindexed;
        try (Connection c = context.getBean(javax.sql.DataSource.class).getConnection();
             java.sql.Statement st = c.createStatement()) {
            indexed = Latencies.measure(Math.min(warmup(), 5), samples, () -> rows(st, now) + rows(st, camunda));
            c.setAutoCommit(false);
            try {
                st.execute("drop index ggg_idx_act_ru_variable_name_long");
                unindexed = Latencies.measure(Math.min(warmup(), 2), samples, () -> rows(st, before) + rows(st, camunda));
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        if (!indexed.lastResult().equals(unindexed.lastResult())) {
            throw new IllegalStateException("The project's task lookups disagree: " + indexed.lastResult() + " vs " + unindexed.lastResult());
        }
        projectPageTasks.put(size, (Integer) indexed.lastResult());
        report.row("P2", String.format(java.util.Locale.ROOT, "project page's open-task lookups by project id (the page's "
                        + "own statement + Camunda's TaskQuery of the project's details), %,d projects: p50 / p95 / p99", size),
                ms(indexed) + " (" + indexed.lastResult() + " rows; V33's index on variable values)",
                ms(unindexed) + " (as before V33: without the index, the page's statement without its process filter)",
                ratio(unindexed.p95() / indexed.p95()) + "× (p95)", "–", "–");
        ProductProbes.Probe page = ProductProbes.projectPage(context, NRB_OFFICER, driver.groupsOf(NRB_OFFICER), projectId);
        if (page != null) {
            Latencies measured = measure(page::call);
            report.row("P2", String.format(java.util.Locale.ROOT, "project page (GET /api/projects/{id}/overview, as the "
                    + "NRB officer), %,d projects: p50 / p95 / p99", size), ms(measured) + " (" + measured.lastResult() + ")",
                    "–", "–", "–", "–");
        }
        ProductProbes.Probe done = ProductProbes.doneList(context, NRB_OFFICER, driver.groupsOf(NRB_OFFICER));
        if (done != null) {
            Latencies measured = measure(done::call);
            doneListed.put(size, String.valueOf(measured.lastResult()));
            report.row("P2", String.format(java.util.Locale.ROOT, "我的已办 (GET /api/tasks/done, first page of 20 and the "
                    + "count up to 1,000, as the NRB officer, who completed the bureau's steps of every project), %,d "
                    + "projects: p50 / p95 / p99", size), ms(measured) + " (" + measured.lastResult() + ")",
                    "–", "–", "–", "–");
        }
    }

    /** 我的已办's first page as the NRB officer, per size: "rows of total" (checked by the quick mode). */
    final Map<Integer, String> doneListed = new java.util.LinkedHashMap<>();

    /** Open tasks the project page's lookups found, per size (checked by the quick mode). */
    final Map<Integer, Integer> projectPageTasks = new java.util.LinkedHashMap<>();

    private static int rows(java.sql.Statement st, String sql) throws java.sql.SQLException {
        int n = 0;
        try (java.sql.ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    /** Runs {@code call} with Camunda's own AuthorizationManager in place of the product's (AuthorizedGroupsPlugin). */
    <T> T withCamundasGroupLookup(java.util.concurrent.Callable<T> call) {
        Map<Class<?>, org.camunda.bpm.engine.impl.interceptor.SessionFactory> factories = engine.getSessionFactories();
        Class<?> type = org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager.class;
        org.camunda.bpm.engine.impl.interceptor.SessionFactory product = factories.put(type,
                new org.camunda.bpm.engine.impl.persistence.GenericManagerFactory(
                        org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager.class));
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            factories.put(type, product);
        }
    }

    void dashboard(int size) throws Exception {
        String figure = String.format(java.util.Locale.ROOT, "leading group's dashboard, %,d projects", size);
        if (ProductProbes.dashboard(context, "leader1", driver.groupsOf("leader1"), "page") == null) {
            report.notMeasured("P3", figure, "p95 ≤ 50 ms at 100,000", ProductProbes.DASHBOARD_MISSING);
            return;
        }
        long late = makeSomeTasksOverdue();
        long breached = breachSomeMilestones();
        try {
            dashboardParts(size, figure);
        } finally {
            dueDatesNotPutBack.put(size, restoreDueDates());
            breachesNotPutBack.put(size, restoreMilestones());
        }
        breachesMade.put(size, breached);
        overdueMade.put(size, late);
        if (!overdueNoted) {
            overdueNoted = true;
            report.note(String.format(java.util.Locale.ROOT, "P3: while the dashboard is measured, one in %d of the projects' "
                    + "open tasks with a due date is overdue (%,d at %,d projects): their due dates moved 1–60 days back by SQL "
                    + "(in ACT_RU_TASK and the task lists' read model task_inbox) before and put back after, so that the "
                    + "overdue list has the leading group's late tasks to find "
                    + "(the seeded projects were driven a minute ago, none of their deadlines has passed).", OVERDUE_ONE_IN,
                    late, size));
            report.note(String.format(java.util.Locale.ROOT, "P3: and one in %d of the monitoring agreements' open "
                    + "deadlines is marked missed (%,d at %,d projects, breached_at 1–60 days ago, put back after), so that "
                    + "the list of missed agreement deadlines (/api/monitor/agreement-breaches, the page's fifth call) has "
                    + "rows to find.", BREACH_ONE_IN, breached, size));
        }
    }

    /** P3: one in this many open agreement deadlines is marked missed while the dashboard is measured. */
    static final int BREACH_ONE_IN = 10;

    /** Milestones marked missed for P3, and those not put back after (none), per size (checked by the quick mode). */
    final Map<Integer, Long> breachesMade = new java.util.LinkedHashMap<>();
    final Map<Integer, Long> breachesNotPutBack = new java.util.LinkedHashMap<>();

    /** Marks one in {@link #BREACH_ONE_IN} open, unbreached agreement deadlines missed 1–60 days ago. */
    long breachSomeMilestones() {
        jdbc.execute("drop table if exists bench_p3_breach");
        jdbc.execute("create table bench_p3_breach as select id from agreement_milestone where breached_at is null "
                + "and completed_at is null and abs(hashtext(id::text)) % " + BREACH_ONE_IN + " = 0");
        long marked = jdbc.update("update agreement_milestone m set breached_at = now() - make_interval(days => 1 + "
                + "abs(hashtext(m.id::text || 'b')) % 60) from bench_p3_breach b where b.id = m.id");
        jdbc.execute("analyze agreement_milestone");
        return marked;
    }

    /** Puts back what {@link #breachSomeMilestones} marked; returns the rows still marked (none). */
    long restoreMilestones() {
        jdbc.update("update agreement_milestone m set breached_at = null from bench_p3_breach b where b.id = m.id");
        long left = count("select count(*) from agreement_milestone m join bench_p3_breach b on b.id = m.id "
                + "where m.breached_at is not null");
        jdbc.execute("drop table bench_p3_breach");
        jdbc.execute("analyze agreement_milestone");
        return left;
    }

    /** P3: one in this many of the projects' open tasks with a due date is made overdue while the dashboard is measured. */
    static final int OVERDUE_ONE_IN = 20;

    /** Rows of the overdue list's first page while some tasks were overdue, per size (checked by the quick mode). */
    final Map<Integer, Integer> overdueListed = new java.util.LinkedHashMap<>();

    /** Rows whose due date P3 moved and did not put back, per size (checked by the quick mode: none). */
    final Map<Integer, Long> dueDatesNotPutBack = new java.util.LinkedHashMap<>();

    /** Tasks made overdue for P3, per size (checked by the quick mode). */
    final Map<Integer, Long> overdueMade = new java.util.LinkedHashMap<>();

    private boolean overdueNoted;

    /** Open tasks under a project's lifecycle instance that are not yet due: those P3 may make overdue. */
    static final String LIFECYCLE_TASKS_DUE_LATER = "select t.id_, t.due_date_ from act_ru_task t"
            + " join act_ru_execution e on e.id_ = t.proc_inst_id_"
            + " join project p on p.process_instance_id = e.root_proc_inst_id_"
            + " where t.due_date_ is not null and t.due_date_ > now()";

    /** Ids of the tasks {@link #makeSomeTasksOverdue} chooses from (one in {@link #OVERDUE_ONE_IN} of them). */
    List<String> tasksThatMayBeMadeOverdue() {
        return jdbc.queryForList("select id_ from (" + LIFECYCLE_TASKS_DUE_LATER + ") x", String.class);
    }

    /**
     * Moves the due date of one in {@link #OVERDUE_ONE_IN} open tasks of the projects' lifecycles 1–60 days back; keeps
     * the old ones to put back. Only tasks under a project's lifecycle instance, as the product makes every task of a
     * project: the quick mode shares its database with tests that start a phase process on its own for a project (with
     * projectId and townGroup, as MeetingIT's CommitteeReview), whose task one town's list finds through the project
     * (task_inbox) and the list as before V35 does not (through the root instance); chosen by its random id one run
     * in twenty, it made the two lists differ.
     */
    long makeSomeTasksOverdue() {
        jdbc.execute("drop table if exists bench_p3_due");
        jdbc.execute("create table bench_p3_due as " + LIFECYCLE_TASKS_DUE_LATER + " and abs(hashtext(t.id_)) % "
                + OVERDUE_ONE_IN + " = 0");
        long moved = jdbc.update("update act_ru_task t set due_date_ = now() - make_interval(days => 1 + abs(hashtext(t.id_ || 'd')) % 60) "
                + "from bench_p3_due b where b.id_ = t.id_");
        // The task lists' read model follows a due date moved through the engine (TaskInbox); here it is moved by SQL.
        jdbc.update("update task_inbox i set due_date = t.due_date_ from bench_p3_due b join act_ru_task t on t.id_ = b.id_ "
                + "where i.task_id = b.id_");
        jdbc.execute("analyze act_ru_task");
        jdbc.execute("analyze task_inbox");
        return moved;
    }

    /** Puts back the due dates {@link #makeSomeTasksOverdue} moved; returns the rows that still differ (none). */
    long restoreDueDates() {
        jdbc.update("update act_ru_task t set due_date_ = b.due_date_ from bench_p3_due b where b.id_ = t.id_");
        jdbc.update("update task_inbox i set due_date = b.due_date_ from bench_p3_due b where i.task_id = b.id_");
        long differ = count("select count(*) from act_ru_task t join bench_p3_due b on b.id_ = t.id_ "
                + "where t.due_date_ is distinct from b.due_date_")
                + count("select count(*) from task_inbox i join bench_p3_due b on b.id_ = i.task_id "
                + "where i.due_date is distinct from b.due_date_");
        jdbc.execute("drop table bench_p3_due");
        jdbc.execute("analyze act_ru_task");
        jdbc.execute("analyze task_inbox");
        return differ;
    }

    private void dashboardParts(int size, String figure) throws Exception {
        String oneTown = "overdue:" + TOWN_CODE;
        for (String part : List.of("phase-town-grade", "overdue", oneTown, "agreement-breaches", "league", "offices", "trend",
                "page")) {
            ProductProbes.Probe probe = ProductProbes.dashboard(context, "leader1", driver.groupsOf("leader1"), part);
            Latencies measured = measure(probe::call);
            dashboardResults.put(size + " " + part, String.valueOf(measured.lastResult()));
            String what = switch (part) {
                case "page" -> "the whole page (its six API calls in a row)";
                case "offices" -> "/api/monitor/offices (各单位办理时效, this month: V60's counts, the overdue steps by V59's index)";
                case "agreement-breaches" -> "/api/monitor/agreement-breaches?limit=" + ProductProbes.BREACH_ROWS
                        + " (missed agreement deadlines, as the page asks)";
                case "overdue" -> "/api/monitor/overdue?limit=" + ProductProbes.OVERDUE_ROWS + " (as the page asks)";
                default -> part.equals(oneTown) ? "/api/monitor/overdue?town=" + TOWN_CODE + "&limit="
                        + ProductProbes.OVERDUE_ROWS + " (one town, 占陇镇, chosen on the page)" : "/api/monitor/" + part;
            };
            String baseline = "–";
            String ratio = "–";
            java.util.concurrent.Callable<Map<String, Long>> fromRows = switch (part) {
                case "phase-town-grade" -> this::phaseTownGradeFromRows;
                case "offices" -> this::officesFromRows;
                case "trend" -> this::trendFromRows;
                case "league" -> this::leagueFromRows;
                default -> null;
            };
            if (part.startsWith("overdue")) {
                String town = part.equals(oneTown) ? TOWN_CODE : null;
                java.util.concurrent.Callable<List<String>> baselineCall = town == null ? this::overdueByTaskQuery
                        : this::overdueOfATownBeforeV35;
                List<String> served = overdueServed(town);
                List<String> expected = baselineCall.call();
                boolean same = expected.equals(served);
                dashboardSame.put(size + " " + part, same);
                if (!same) {
                    dashboardDifferences.put(size + " " + part, overdueDifference(expected, served));
                }
                if (town == null) {
                    overdueListed.put(size, served.size());
                }
                Latencies taskQuery = measure(() -> baselineCall.call().size());
                baseline = ms(taskQuery) + (town == null ? " (Camunda's TaskQuery: overdue tasks by due date, "
                        + ProductProbes.OVERDUE_ROWS + " rows and the count, each row's project variables and candidate "
                        + "groups read through the engine; " : " (as before V35: every overdue task joined to its project "
                        + "to keep the town's, the count and " + ProductProbes.OVERDUE_ROWS + " rows; ")
                        + overdueTotal(town) + " overdue; the same tasks: " + (same ? "yes" : "NO") + ")";
                ratio = ratio(taskQuery.p95() / measured.p95()) + "× (p95)";
            } else if (part.equals("page")) {
                ProductProbes.Probe breaches = ProductProbes.dashboard(context, "leader1", driver.groupsOf("leader1"),
                        "agreement-breaches");
                ProductProbes.Probe offices = ProductProbes.dashboard(context, "leader1", driver.groupsOf("leader1"),
                        "offices");
                Latencies parts = measure(() -> {
                    phaseTownGradeFromRows();
                    overdueByTaskQuery();
                    breaches.call();
                    leagueFromRows();
                    offices.call();
                    return trendFromRows().size();
                });
                baseline = ms(parts) + " (four parts by their baselines, the missed deadlines and the offices as served "
                        + "(no baseline), in a row)";
                ratio = ratio(parts.p95() / measured.p95()) + "× (p95)";
            } else if (fromRows != null) {
                Map<String, Long> expected = fromRows.call();
                boolean same = expected.equals(switch (part) {
                    case "trend" -> trendServed();
                    case "offices" -> officesServed();
                    case "league" -> leagueServed();
                    default -> phaseTownGradeServed();
                });
                dashboardSame.put(size + " " + part, same);
                Latencies rows = measure(fromRows);
                baseline = ms(rows) + " (" + switch (part) {
                    case "trend" -> "projects entered, warnings raised and closed per month counted from the rows (no V32 "
                            + "counts); ";
                    case "league" -> "completed tasks (the town office's own), on time, phases and their working days per "
                            + "town counted from the engine's history, as before V37; ";
                    case "offices" -> "this month's completed steps and now's open ones per office counted from "
                            + "task_clock's rows (no V60 counts); ";
                    default -> "projects per phase, town and highest open warning counted from the rows (no V32 counts); ";
                }
                        + "the same figures: " + (same ? "yes" : "NO") + ")";
                ratio = ratio(rows.p95() / measured.p95()) + "× (p95)";
            }
            report.row("P3", figure + ", " + what + ": p50 / p95 / p99", ms(measured) + " (" + measured.lastResult() + ")",
                    baseline, ratio, "p95 ≤ 50 ms at 100,000", size >= 100_000 ? verdict(measured.p95() <= 50) : "–");
        }
    }

    /** Per size and dashboard part with a baseline: whether the baseline counted from the rows what the product serves. */
    final Map<String, Boolean> dashboardSame = new java.util.LinkedHashMap<>();

    /** Where an overdue list differed from its baseline: the tasks in one and not the other, described. */
    final Map<String, String> dashboardDifferences = new java.util.LinkedHashMap<>();

    /** The tasks in only one of two overdue lists, with what decides which list finds them. */
    String overdueDifference(List<String> expected, List<String> served) {
        List<String> onlyExpected = expected.stream().filter(id -> !served.contains(id)).toList();
        List<String> onlyServed = served.stream().filter(id -> !expected.contains(id)).toList();
        StringBuilder out = new StringBuilder("baseline " + expected.size() + " rows, served " + served.size()
                + (onlyExpected.isEmpty() && onlyServed.isEmpty() ? " (the same tasks in another order)" : ""));
        for (List<String> ids : List.of(onlyExpected, onlyServed)) {
            for (String id : ids) {
                out.append(ids == onlyExpected ? "; only in the baseline: " : "; only served: ").append(jdbc.queryForList(
                        "select t.id_, t.name_, t.task_def_key_, t.proc_def_id_, t.due_date_, t.assignee_, e.root_proc_inst_id_,"
                                + " p.id as project, p.town_code, (select string_agg(i.party || '/' || coalesce(i.town_group, '-')"
                                + " || '/' || i.due_date, ',') from task_inbox i where i.task_id = t.id_) as inbox"
                                + " from act_ru_task t left join act_ru_execution e on e.id_ = t.proc_inst_id_"
                                + " left join project p on p.process_instance_id = e.root_proc_inst_id_ where t.id_ = ?", id));
            }
        }
        return out.toString();
    }

    /** Projects in work by phase, town and highest open warning grade, from project and task_warning (no V32 counts). */
    Map<String, Long> phaseTownGradeFromRows() {
        Map<String, Long> cells = new java.util.TreeMap<>();
        jdbc.query("""
                select p.phase, p.town_code, coalesce(w.rank, 0), count(*)
                  from project p
                  left join lateral (select max(%s) as rank
                                       from task_warning w where w.project_id = p.id and w.closed_at is null) w on true
                 where p.status = 'ACTIVE' and p.phase is not null
                 group by 1, 2, 3""".formatted(cn.gonggaigong.monitor.Grade.RANK_SQL), rs -> {
            cells.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3), rs.getLong(4));
        });
        return cells;
    }

    /**
     * 各单位办理时效 from task_clock's rows: per office, this month's (China's) completed steps on its own clock and those
     * on time, and the steps open now and overdue ("office|figure").
     */
    Map<String, Long> officesFromRows() {
        java.time.YearMonth month = java.time.YearMonth.now(cn.gonggaigong.clock.WorkingDayCalendar.ZONE);
        java.time.Instant from = month.atDay(1).atStartOfDay(cn.gonggaigong.clock.WorkingDayCalendar.ZONE).toInstant();
        java.time.Instant to = month.plusMonths(1).atDay(1).atStartOfDay(cn.gonggaigong.clock.WorkingDayCalendar.ZONE).toInstant();
        Map<String, Long> figures = new java.util.TreeMap<>();
        jdbc.query("""
                select c.responsible_group, count(*) filter (where c.ended_at >= ? and c.ended_at < ? and c.ended_reason = 'COMPLETED'),
                       count(*) filter (where c.ended_at >= ? and c.ended_at < ? and c.ended_reason = 'COMPLETED' and c.ended_at <= c.due_at),
                       count(*) filter (where c.ended_at is null),
                       count(*) filter (where c.ended_at is null and c.due_at < now())
                  from task_clock c where c.clock = 'OFFICE' and (c.ended_at is null or (c.ended_at >= ? and c.ended_at < ?))
                 group by 1""", rs -> {
            String office = rs.getString(1);
            for (int i = 2; i <= 5; i++) {
                figures.put(office + "|" + List.of("done", "onTime", "open", "overdue").get(i - 2), rs.getLong(i));
            }
        }, java.sql.Timestamp.from(from), java.sql.Timestamp.from(to), java.sql.Timestamp.from(from),
                java.sql.Timestamp.from(to), java.sql.Timestamp.from(from), java.sql.Timestamp.from(to));
        return figures;
    }

    Map<String, Long> officesServed() {
        Map<String, Long> figures = new java.util.TreeMap<>();
        context.getBean(cn.gonggaigong.monitor.MonitorQueries.class)
                .offices(java.time.YearMonth.now(cn.gonggaigong.clock.WorkingDayCalendar.ZONE)).forEach(r -> {
                    figures.put(r.office() + "|done", r.completedTasks());
                    figures.put(r.office() + "|onTime", r.onTimeTasks());
                    figures.put(r.office() + "|open", r.openTasks());
                    figures.put(r.office() + "|overdue", r.overdueTasks());
                });
        return figures;
    }

    Map<String, Long> phaseTownGradeServed() {
        Map<String, Long> cells = new java.util.TreeMap<>();
        context.getBean(cn.gonggaigong.monitor.MonitorQueries.class).phaseTownGrade().cells().forEach(c -> cells.put(
                c.phase() + "|" + c.town() + "|" + cn.gonggaigong.monitor.Grade.valueOf(c.grade()).rank(), c.count()));
        return cells;
    }

    /** The dashboard's months (the last 12, as /api/monitor/trend by default), first and last, 'YYYY-MM'. */
    private static String[] trendMonths() {
        java.time.YearMonth end = java.time.YearMonth.now(cn.gonggaigong.clock.WorkingDayCalendar.ZONE);
        return new String[]{end.minusMonths(11).toString(), end.toString()};
    }

    /** Projects entered, warnings raised and closed per month of the last 12, from project and task_warning. */
    Map<String, Long> trendFromRows() {
        String[] months = trendMonths();
        Map<String, Long> counts = new java.util.TreeMap<>();
        java.time.ZoneId zone = cn.gonggaigong.clock.WorkingDayCalendar.ZONE;
        java.sql.Timestamp from = java.sql.Timestamp.from(java.time.YearMonth.parse(months[0]).atDay(1).atStartOfDay(zone).toInstant());
        java.sql.Timestamp to = java.sql.Timestamp.from(java.time.YearMonth.parse(months[1]).plusMonths(1).atDay(1)
                .atStartOfDay(zone).toInstant());
        // Time ranges on the indexed columns, so PostgreSQL reads only the year's rows (V26's indexes).
        jdbc.query("""
                select 'entered', monitor_month(created_at), count(*) from project
                 where created_at >= ? and created_at < ? group by 2
                union all
                select 'raised', monitor_month(raised_at), count(*) from task_warning
                 where raised_at >= ? and raised_at < ? group by 2
                union all
                select 'closed', monitor_month(closed_at), count(*) from task_warning
                 where closed_at >= ? and closed_at < ? group by 2""", rs -> {
            counts.put(rs.getString(2) + "|" + rs.getString(1), rs.getLong(3));
        }, from, to, from, to, from, to);
        return counts;
    }

    /** The league's task and phase figures per town counted from the engine's history (the product's query before V37;
     * the town office's own steps, V51). */
    Map<String, Long> leagueFromRows() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query("""
                select p.town_code, count(*), count(*) filter (where h.end_time_ <= h.due_date_), 0, 0
                  from act_hi_taskinst h join project p on p.process_instance_id = h.root_proc_inst_id_
                  join town tw on tw.code = p.town_code
                 where h.end_time_ is not null and h.due_date_ is not null and h.delete_reason_ = 'completed'
                   and monitor_town_task(h.id_, tw.group_id)
                 group by p.town_code
                union all
                select p.town_code, 0, 0, count(*), sum(de.ordinal - ds.ordinal)
                  from act_hi_actinst a join project p on p.process_instance_id = a.proc_inst_id_
                  join working_day ds on ds.day = cast((a.start_time_ at time zone ?) at time zone 'Asia/Shanghai' as date)
                  join working_day de on de.day = cast((a.end_time_ at time zone ?) at time zone 'Asia/Shanghai' as date)
                 where a.act_type_ = 'callActivity' and a.end_time_ is not null group by p.town_code""", rs -> {
            String[] names = {"tasks", "onTime", "phases", "phaseDays"};
            for (int i = 0; i < names.length; i++) {
                if (rs.getLong(i + 2) != 0) {
                    counts.put(rs.getString(1) + "|" + names[i], rs.getLong(i + 2));
                }
            }
        }, java.time.ZoneId.systemDefault().getId(), java.time.ZoneId.systemDefault().getId());
        return counts;
    }

    /** The league as the product serves it, in the shape of {@link #leagueFromRows()} (the days: average × phases). */
    Map<String, Long> leagueServed() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        context.getBean(cn.gonggaigong.monitor.MonitorQueries.class).league().forEach(r -> {
            long[] values = {r.completedTasks(), r.onTimeTasks(), r.completedPhases(), r.averageWorkingDaysPerPhase() == null
                    ? 0 : Math.round(r.averageWorkingDaysPerPhase() * r.completedPhases())};
            String[] names = {"tasks", "onTime", "phases", "phaseDays"};
            for (int i = 0; i < names.length; i++) {
                if (values[i] != 0) {
                    counts.put(r.townCode() + "|" + names[i], values[i]);
                }
            }
        });
        return counts;
    }

    Map<String, Long> trendServed() {
        String[] months = trendMonths();
        Map<String, Long> counts = new java.util.TreeMap<>();
        context.getBean(cn.gonggaigong.monitor.MonitorQueries.class)
                .trend(java.time.YearMonth.parse(months[0]), java.time.YearMonth.parse(months[1])).forEach(m -> {
                    if (m.projectsEntered() > 0) {
                        counts.put(m.month() + "|entered", m.projectsEntered());
                    }
                    if (m.warningsRaised() > 0) {
                        counts.put(m.month() + "|raised", m.warningsRaised());
                    }
                    if (m.warningsClosed() > 0) {
                        counts.put(m.month() + "|closed", m.warningsClosed());
                    }
                });
        return counts;
    }

    final Map<String, String> dashboardResults = new java.util.LinkedHashMap<>();

    /**
     * The overdue list of {@link #TOWN_CODE} as MonitorQueries made it before V35 (the same rows, found by joining every
     * overdue task to its project): the count and the first page's task ids, with the page's per-row work.
     */
    List<String> overdueOfATownBeforeV35() {
        String from = " from act_ru_task t left join act_ru_execution e on e.id_ = t.proc_inst_id_"
                + " left join project p on p.process_instance_id = e.root_proc_inst_id_"
                + " left join monthly_report r on r.task_id = t.id_"
                + " left join town tw on tw.code = coalesce(p.town_code, r.town_code)"
                + " where t.due_date_ < ? and (cast(? as varchar) is null or tw.code = ?)";
        java.sql.Timestamp now = java.sql.Timestamp.from(cn.gonggaigong.monitor.MonitorQueries.now());
        jdbc.queryForObject("select count(*)" + from, Long.class, now, TOWN_CODE, TOWN_CODE);
        return jdbc.queryForList("select t.id_, p.code, tw.name,"
                + " (select string_agg(il.group_id_, ',' order by il.group_id_) from act_ru_identitylink il"
                + "   where il.task_id_ = t.id_ and il.type_ = 'candidate' and il.group_id_ is not null) as groups,"
                + " (select max(" + cn.gonggaigong.monitor.Grade.RANK_SQL + ") from task_warning w"
                + "   where w.task_id = t.id_ and w.closed_at is null) as rank"
                + from + " order by t.due_date_, t.id_ limit " + ProductProbes.OVERDUE_ROWS, now, TOWN_CODE, TOWN_CODE)
                .stream().map(row -> (String) row.get("id_")).toList();
    }

    /** Rows the overdue list serves: the first page of the overdue tasks of {@code town} (null: every town's), ids in order. */
    List<String> overdueServed(String town) {
        return context.getBean(cn.gonggaigong.monitor.MonitorQueries.class).overdue(town, 0, ProductProbes.OVERDUE_ROWS)
                .items().stream().map(cn.gonggaigong.monitor.MonitorViews.OverdueTask::taskId).toList();
    }

    long overdueTotal(String town) {
        return context.getBean(cn.gonggaigong.monitor.MonitorQueries.class).overdue(town, 0, 1).total();
    }

    /**
     * The overdue list through Camunda's API, as a client of its REST API would make it (GET /task?dueBefore=…, its
     * count, then each row's variables and identity links): the first page of overdue tasks by due date, the count,
     * each row's project (the variables projectId, projectCode, townGroup of its instance) and candidate groups.
     * Without authorization checks (the leading group reads every task; with them Camunda's query would only be
     * slower). One town's has no such baseline: Camunda has nothing that finds a task's project through its root
     * instance (not every phase process is given the variable townGroup), so {@link #overdueOfATownBeforeV35} is.
     */
    List<String> overdueByTaskQuery() {
        TaskService tasks = context.getBean(TaskService.class);
        org.camunda.bpm.engine.RuntimeService runtime = context.getBean(org.camunda.bpm.engine.RuntimeService.class);
        java.util.Date now = java.util.Date.from(cn.gonggaigong.monitor.MonitorQueries.now());
        org.camunda.bpm.engine.task.TaskQuery overdue = tasks.createTaskQuery().dueBefore(now);
        long total = overdue.count();
        List<String> ids = new ArrayList<>();
        for (org.camunda.bpm.engine.task.Task task : overdue.orderByDueDate().asc().orderByTaskId().asc()
                .listPage(0, ProductProbes.OVERDUE_ROWS)) {
            runtime.getVariables(task.getProcessInstanceId(), List.of("projectId", "projectCode", "townGroup"));
            tasks.getIdentityLinksForTask(task.getId());
            ids.add(task.getId());
        }
        if (total < ids.size()) {
            throw new IllegalStateException("TaskQuery counted " + total + " overdue tasks and listed " + ids.size());
        }
        return ids;
    }

    // ------------------------------------------------------------------------------------------------------------
    // P4

    /** The escalation timers of issue 5: one Camunda timer job per grade of each office task. */
    static final String WARNING_JOB = "ggg-task-warning";

    /** Per run of P4: how many warnings were raised, and how many twice (checked by the quick mode). */
    final Map<String, long[]> escalationCounts = new java.util.LinkedHashMap<>();

    /**
     * P4: the RED timers (the deadline) of {@code escalationTasks} open office tasks all set to fall due at the same
     * moment, a few seconds ahead; measured from that moment until every one of them has its RED warning. First with
     * this JVM's job executor alone, then (other tasks) with a second node: the application jar started against the
     * same database.
     */
    void escalation() throws Exception {
        String figure = String.format(java.util.Locale.ROOT, "escalation: %,d tasks due at the same moment, until all have "
                + "their RED warning", settings.escalationTasks());
        String goal = "≤ 60 s one node; two ≥ 1.6× faster; 0 duplicates";
        if (count("select count(*) from information_schema.tables where table_name = 'task_warning'") == 0
                || count("select count(*) from act_ru_job where handler_type_ = ?", WARNING_JOB) == 0) {
            report.notMeasured("P4", figure, goal, "no escalation timers (" + WARNING_JOB + " jobs of issue 5) in this build");
            return;
        }
        long history = warningHistory();
        rawTimers = rawTimersFallingDue(settings.escalationTasks());
        escalate("one node", null, warmupEscalations(), false);
        double one = escalate("one node", null, settings.escalationTasks(), true);
        java.util.Optional<Path> jar = StartAndMemory.applicationJar();
        double two = Double.NaN;
        String twoWhy = null;
        if (!settings.secondNode()) {
            twoWhy = "switched off for this run";
        } else if (jar.isEmpty()) {
            twoWhy = "no application jar in target/ for the second node";
        } else {
            List<String> arguments = new ArrayList<>(List.of(
                    "--spring.datasource.url=" + ((HikariDataSource) context.getBean(javax.sql.DataSource.class)).getJdbcUrl(),
                    "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                    // Its job log names it, so the run can tell which node executed which escalation.
                    "--camunda.bpm.generic-properties.properties.hostname=" + NODE2));
            arguments.addAll(BenchmarkSettings.appArgs());
            StartAndMemory.Launched node2 = StartAndMemory.launch(jar.get(), Path.of("target", "benchmark", "node2.log")
                    .toAbsolutePath(), List.of(), arguments.toArray(String[]::new));
            try {
                escalate("two nodes", node2.process().pid(), warmupEscalations(), false);
                two = escalate("two nodes", node2.process().pid(), settings.escalationTasks(), true);
            } finally {
                node2.stop();
            }
        }
        long[] c1 = escalationCounts.get("one node");
        report.row("P4", figure + ", one node", f(one, "s") + " (" + c1[0] + " warnings, " + c1[1] + " duplicates; "
                + escalationCpu.get("one node") + ")", f(rawTimers.seconds(), "s") + " raw Camunda: as many bare timers ("
                + rawTimers.executed() + " executed; " + rawTimers.cpu() + ")", ratio(rawTimers.seconds() / one) + " of raw's speed",
                "≤ 60 s, 0 duplicates", verdict(one <= 60 && c1[1] == 0));
        if (twoWhy != null) {
            report.notMeasured("P4", figure + ", two nodes", "≥ 1.6× faster than one node", twoWhy);
        } else {
            long[] c2 = escalationCounts.get("two nodes");
            report.row("P4", figure + ", two nodes (this JVM + the jar on the same database)", f(two, "s") + " (" + c2[0]
                    + " warnings, " + c2[1] + " duplicates; " + escalationCpu.get("two nodes") + ")", f(one, "s") + " one node",
                    ratio(one / two) + "× faster", "≥ 1.6×, 0 duplicates", verdict(one / two >= 1.6 && c2[1] == 0));
        }
        report.note("P4: open office tasks of the seeded projects that have a RED timer (" + WARNING_JOB + ") and no RED "
                + "warning yet; their RED jobs' due date set by SQL to one moment 3 s ahead (the other grades' timers left "
                + "as they are); time from that moment until the last of them has its RED row in task_warning, polled every "
                + "100 ms; duplicates = rows beyond one per (task, grade) plus notifications beyond one per (user, warning). "
                + "CPU: this JVM's process CPU time, the second node's (utime + stime of /proc/<pid>/stat) and the PostgreSQL "
                + "server's (its postmaster with the backends it has waited for, and the live backends) from the moment until "
                + "the last warning, per 1,000 escalations (less affected by the machine's speed of the day than the wall "
                + "time); machine busy = the share of all cores' time in that interval not idle (/proc/stat), whoever used it. "
                + String.format(java.util.Locale.ROOT, "Before each measured round, an unmeasured one of %,d other tasks on the same "
                + "node(s) (the code compiled, as on a node that has been running), checked for duplicates like it. ",
                warmupEscalations())
                + "Before it, " + String.format(java.util.Locale.ROOT, "%,d", history) + " closed warnings of earlier deadlines "
                + "(one per copied project, written with the triggers off, the dashboard's counts made again, the table "
                + "analysed): the copies have none, and a warnings table that is empty when 10,000 warnings arrive within a "
                + "minute is a first day, not the years of use the sizes stand for (see BENCHMARKS.md, P4). "
                + "Job executor settings as in application.yaml. Baseline: raw Camunda (an engine of its own, no Spring, "
                + "no product code, authorizations off, database `" + RAW_DATABASE + "` in the same server, the same "
                + "history level) with a job executor of the same settings: as many instances of a bare process whose "
                + "user task has a non-interrupting boundary timer leading straight to an end event, their timer jobs' "
                + "due date set by SQL to one moment 3 s ahead, time until none of those jobs is left; before it, an "
                + "unmeasured round of a fifth as many; Camunda's tables as shipped (without the product's indexes on the "
                + "job table, Flyway V30 and V34). The product's escalation is a timer job too (" + WARNING_JOB + "), "
                + "which raises the warning and notifies the responsible office; the bare timer only ends a path. "
                + "The second node is the packaged application started with "
                + "SPRING_DATASOURCE_URL pointing at this run's database, ready before the moment; its log: "
                + "target/benchmark/node2.log.");
    }

    /** P4's baseline: seconds until raw Camunda has executed its bare timers, how many it executed, CPU used. */
    record RawTimers(double seconds, long executed, String cpu) {
    }

    RawTimers rawTimers;

    /**
     * P4's baseline on raw Camunda (RawCamundaBaseline) with the application's job executor settings: {@code n} bare
     * timers falling due at one moment, after an unmeasured round of a fifth as many (as the product's rounds).
     */
    RawTimers rawTimersFallingDue(int n) throws Exception {
        org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty pool = context
                .getBean(org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties.class).getJobExecution();
        org.camunda.bpm.engine.impl.jobexecutor.JobExecutor jobs = engine.getJobExecutor();
        RawCamundaBaseline.JobSettings same = new RawCamundaBaseline.JobSettings(jobs.getMaxJobsPerAcquisition(),
                pool.getCorePoolSize(), pool.getMaxPoolSize(), pool.getQueueCapacity(), jobs.getWaitTimeInMillis(),
                jobs.getMaxWait(), jobs.getLockTimeInMillis());
        try (RawCamundaBaseline raw = new RawCamundaBaseline(rawJdbcUrl(), EmbeddedPostgresServer.USER, engine.getHistory(),
                ((HikariDataSource) context.getBean(javax.sql.DataSource.class)).getMaximumPoolSize(), same)) {
            raw.startJobExecutor();
            long executedBefore = raw.executedTimers();
            rawTimerRound(raw, warmupEscalations());
            RawRound round = rawTimerRound(raw, n);
            double[] cpuBefore = round.cpuAtMoment();
            double[] cpuAfter = cpuSeconds();
            long[] machineAfter = machineTicks();
            long executed = raw.executedTimers() - executedBefore - warmupEscalations();
            if (executed != n) {
                throw new IllegalStateException("Raw Camunda executed " + executed + " of " + n + " bare timers");
            }
            double perThousand = 1000.0 / n;
            return new RawTimers(round.seconds(), executed, String.format(java.util.Locale.ROOT,
                    "CPU per 1,000 timers: JVM %.1f s, PostgreSQL %.1f s; %s",
                    (cpuAfter[0] - cpuBefore[0]) * perThousand, (cpuAfter[1] - cpuBefore[1]) * perThousand,
                    machineBusy(round.machineAtMoment(), machineAfter)));
        }
    }

    /** One round of raw timers: seconds until all had run, and the CPU snapshots taken at the moment they fell due. */
    private record RawRound(double seconds, double[] cpuAtMoment, long[] machineAtMoment) {
    }

    /** Starts {@code n} timer instances, makes their timers fall due 3 s ahead and waits until all have run. */
    private RawRound rawTimerRound(RawCamundaBaseline raw, int n) throws Exception {
        raw.startTimers(n, settings.threads());
        java.sql.Timestamp moment = new java.sql.Timestamp(System.currentTimeMillis() + 3_000);
        int due = raw.timersDueAt(moment);
        if (due != n) {
            throw new IllegalStateException(due + " bare timers made due, " + n + " wanted");
        }
        Thread.sleep(Math.max(0, moment.getTime() - System.currentTimeMillis()));
        double[] cpuAtMoment = cpuSeconds();
        long[] machineAtMoment = machineTicks();
        long deadline = System.currentTimeMillis() + 900_000;
        while (raw.openTimers() > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Raw Camunda: " + raw.openTimers() + " bare timers still open after 15 minutes");
            }
            Thread.sleep(100);
        }
        return new RawRound((System.currentTimeMillis() - moment.getTime()) / 1000.0, cpuAtMoment, machineAtMoment);
    }

    /** "machine busy N % of C cores" between two {@link #machineTicks()} snapshots: the share not idle, whoever used it. */
    static String machineBusy(long[] before, long[] after) {
        return String.format(java.util.Locale.ROOT, "machine busy %.0f %% of %d cores",
                100.0 * (after[0] - before[0]) / Math.max(1, after[1] - before[1]), Runtime.getRuntime().availableProcessors());
    }

    /**
     * One closed warning of an earlier deadline per copied project. The copies carry no warnings (their templates were
     * driven through the engine a minute ago), so without this P4 starts on a nearly empty task_warning: each
     * connection's cached plan of the foreign-key check of notification.warning_id was then a sequential scan of
     * the table, which grew to 10,000 rows during the run (19.5 of PostgreSQL's 70 s in a 10,000-timer trial).
     */
    long warningHistory() throws java.sql.SQLException {
        long inserted;
        try (Connection connection = context.getBean(javax.sql.DataSource.class).getConnection()) {
            JdbcTemplate one = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
            one.execute("set session_replication_role = replica");
            try {
                inserted = one.update("""
                        insert into task_warning (project_id, town_code, task_id, task_definition_key, task_name,
                            responsible_group, grade, due_at, raised_at, message, notified, closed_at, closed_reason)
                        select p.id, p.town_code, 'history-' || p.id, 'Task_SurveyWillingness', '开展改造意愿调查',
                               t.group_id, 'YELLOW', now() - interval '38 days', now() - interval '40 days',
                               '（基准测试：较早期限的预警）', null, now() - interval '39 days', '任务已办结'
                          from project p join town t on t.code = p.town_code
                         where p.id >= ? and not exists (select 1 from task_warning w where w.task_id = 'history-' || p.id)""",
                        DataReplicator.ID_OFFSET);
            } finally {
                one.execute("set session_replication_role = origin");
            }
        }
        jdbc.queryForList("select monitor_rebuild()");
        jdbc.execute("vacuum (analyze) task_warning");
        return inserted;
    }

    /** CPU seconds used so far by this JVM and by the PostgreSQL server (postmaster, its ended and live backends). */
    double[] cpuSeconds() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        long backend = count("select pg_backend_pid()");
        double server = ProcessHandle.of(backend).flatMap(ProcessHandle::parent)
                .map(postmaster -> procCpu(postmaster.pid(), true)
                        + postmaster.descendants().mapToDouble(d -> procCpu(d.pid(), false)).sum())
                .orElse(Double.NaN);
        return new double[]{jvm, server};
    }

    /** Busy and total CPU ticks of all cores so far: the first line of /proc/stat (busy = all but idle and iowait). */
    static long[] machineTicks() {
        try {
            String[] f = java.nio.file.Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[]{total - idle, total};
        } catch (java.io.IOException | RuntimeException e) {
            return new long[]{0, 0}; // no /proc/stat
        }
    }

    /** utime + stime of a process (and, with {@code children}, of its children it has waited for), in seconds. */
    static double procCpu(long pid, boolean children) {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // f[0] is field 3 (state)
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12])
                    + (children ? Long.parseLong(f[13]) + Long.parseLong(f[14]) : 0);
            return ticks / 100.0; // USER_HZ
        } catch (java.io.IOException | RuntimeException e) {
            return 0; // a backend that ended meanwhile
        }
    }

    /** The second node's name in Camunda's job log (ACT_HI_JOB_LOG.HOSTNAME_). */
    static final String NODE2 = "benchmark-node-2";

    /** Per run of P4: CPU per 1,000 escalations and how busy the machine was, as printed. */
    final Map<String, String> escalationCpu = new java.util.LinkedHashMap<>();

    /** Per run of P4: the unmeasured warm-up round's counts (warnings, duplicates), checked like the measured ones. */
    final Map<String, long[]> escalationWarmups = new java.util.LinkedHashMap<>();

    /**
     * Timers of the unmeasured round before each measured one: a fifth as many. A node that has just started has not
     * compiled the escalation's code yet; in the 05:58 UTC run of 2 December the second node, ready a moment before the
     * timers fell due, used 3.3 s of CPU per 1,000 of its own escalations against about 1.05 s of the warm first node.
     */
    int warmupEscalations() {
        return Math.max(1, settings.escalationTasks() / 5);
    }

    /**
     * Makes the RED timers of {@code n} tasks fall due together; seconds until all are raised. When {@code measured},
     * the CPU used from that moment on is kept in {@link #escalationCpu}: this JVM's, the second node's
     * ({@code node2}, null when there is none) and PostgreSQL's, and the counts in {@link #escalationCounts};
     * otherwise (a warm-up round) the counts in {@link #escalationWarmups}.
     */
    double escalate(String label, Long node2, int n, boolean measured) throws Exception {
        jdbc.execute("drop table if exists bench_p4");
        jdbc.update("create table bench_p4 as select j.id_ as job_id, split_part(j.handler_cfg_, ':', 1) as task_id "
                + "from act_ru_job j where j.handler_type_ = '" + WARNING_JOB + "' and j.handler_cfg_ like '%:RED' "
                + "and j.lock_owner_ is null and not exists (select 1 from task_warning w where w.task_id = "
                + "split_part(j.handler_cfg_, ':', 1) and w.grade = 'RED') order by j.id_ limit " + n);
        long chosen = count("select count(*) from bench_p4");
        if (chosen < n) {
            throw new IllegalStateException("Only " + chosen + " tasks with a RED timer to escalate, " + n + " wanted");
        }
        java.sql.Timestamp moment = new java.sql.Timestamp(System.currentTimeMillis() + 3_000);
        jdbc.update("update act_ru_job set duedate_ = ? where id_ in (select job_id from bench_p4)", moment);
        Thread.sleep(Math.max(0, moment.getTime() - System.currentTimeMillis()));
        double[] cpuBefore = cpuSeconds();
        double node2Before = node2 == null ? 0 : procCpu(node2, false);
        long[] machineBefore = machineTicks();
        long raised = 0;
        long deadline = System.currentTimeMillis() + 900_000;
        // Polled by the new RED rows' count (an index range on the id), exact only once that count is reached: the exact
        // count joined on every poll cost 12.6 of the 63.5 s of the run in PostgreSQL (pg_stat_statements, 10,000 timers).
        long lastIdBefore = count("select coalesce(max(id), 0) from task_warning");
        while (raised < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            if (count("select count(*) from task_warning where id > ? and grade = 'RED'", lastIdBefore) >= n) {
                raised = count("select count(distinct w.task_id) from task_warning w join bench_p4 b on b.task_id = w.task_id "
                        + "where w.grade = 'RED'");
            }
        }
        double seconds = (System.currentTimeMillis() - moment.getTime()) / 1000.0;
        if (measured) {
            escalationCpu.put(label, cpuSince(n, node2, cpuBefore, node2Before, machineBefore));
        }
        if (raised < n) {
            throw new IllegalStateException(label + ": only " + raised + " of " + n + " tasks escalated after 15 minutes");
        }
        long rows = count("select count(*) from task_warning w join bench_p4 b on b.task_id = w.task_id where w.grade = 'RED'");
        long duplicates = rows - raised;
        if (count("select count(*) from information_schema.tables where table_name = 'notification'") > 0) {
            duplicates += count("select count(*) - count(distinct (n.user_id, n.warning_id)) from notification n "
                    + "join task_warning w on w.id = n.warning_id join bench_p4 b on b.task_id = w.task_id where w.grade = 'RED'");
        }
        (measured ? escalationCounts : escalationWarmups).put(label, new long[]{rows, duplicates});
        jdbc.execute("drop table bench_p4");
        return seconds;
    }

    /**
     * What a measured round of {@link #escalate} used since its moment (the snapshots taken then): CPU per 1,000 of its
     * {@code n} escalations, how busy the machine was, the second node's share and failed executions from the job log
     * (bench_p4 still holds the round's jobs).
     */
    private String cpuSince(int n, Long node2, double[] cpuBefore, double node2Before, long[] machineBefore) {
        double[] cpuAfter = cpuSeconds();
        double node2Used = node2 == null ? 0 : procCpu(node2, false) - node2Before;
        long[] machineAfter = machineTicks();
        double perThousand = 1000.0 / n;
        String jvm = node2 == null
                ? String.format(java.util.Locale.ROOT, "JVM %.1f s", (cpuAfter[0] - cpuBefore[0]) * perThousand)
                : String.format(java.util.Locale.ROOT, "JVMs %.1f s (this one %.1f s, the second node %.1f s)",
                        (cpuAfter[0] - cpuBefore[0] + node2Used) * perThousand, (cpuAfter[0] - cpuBefore[0]) * perThousand,
                        node2Used * perThousand);
        // Who ran the timers (successful executions in the job log), and executions that failed and were rolled back.
        Map<String, Object> log = jdbc.queryForMap("""
                select count(*) filter (where job_state_ = 2 and hostname_ = ?) as second,
                       count(*) filter (where job_state_ = 1) as failed
                  from act_hi_job_log where job_id_ in (select job_id from bench_p4)""", NODE2);
        String split = node2 == null ? "" : String.format(java.util.Locale.ROOT, "; the second node ran %,d of them",
                ((Number) log.get("second")).longValue());
        return String.format(java.util.Locale.ROOT,
                "%,d failed attempts%s; CPU per 1,000 escalations: %s, PostgreSQL %.1f s; %s",
                ((Number) log.get("failed")).longValue(), split, jvm, (cpuAfter[1] - cpuBefore[1]) * perThousand,
                machineBusy(machineBefore, machineAfter));
    }

    /** Unmeasured calls before each figure (plans cached, pages in memory). */
    int warmup() {
        return Math.min(10, settings.samples() / 5 + 1);
    }

    /** One series of P2/P3: the same warm-up and samples for a baseline and for the product. */
    Latencies measure(java.util.concurrent.Callable<?> call) {
        return Latencies.measure(warmup(), settings.warmupSeconds(), settings.samples(), settings.measureSeconds(), call);
    }

    static String ms(Latencies l) {
        return String.format(java.util.Locale.ROOT, "%.1f / %.1f / %.1f ms", l.p50(), l.p95(), l.p99());
    }

    double[] rawRowsPerCompletion = {Double.NaN, Double.NaN, Double.NaN};

    /**
     * Rows inserted, updated and deleted so far in a database ({@code null}: the application's). PostgreSQL's
     * statistics lag behind the commits by up to half a second, so this waits a second first.
     */
    long[] rowsWritten(String database) {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return jdbc.queryForObject("select tup_inserted, tup_updated, tup_deleted from pg_stat_database where datname = "
                + (database == null ? "current_database()" : "?"), (rs, n) -> new long[]{rs.getLong(1), rs.getLong(2),
                rs.getLong(3)}, database == null ? new Object[0] : new Object[]{database});
    }

    /** Adds the rows written between {@code before} and {@code after} to {@code sum}. */
    private static void add(long[] sum, long[] before, long[] after) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += after[i] - before[i];
        }
    }

    /** Counted completions per counted second over all rounds. */
    private static double perSecond(List<RawCamundaBaseline.Window> rounds) {
        return rounds.stream().mapToInt(RawCamundaBaseline.Window::counted).sum()
                / rounds.stream().mapToDouble(RawCamundaBaseline.Window::seconds).sum();
    }

    private static String seconds(List<RawCamundaBaseline.Window> rounds) {
        return String.format(java.util.Locale.ROOT, "%.1f s", rounds.stream().mapToDouble(RawCamundaBaseline.Window::seconds).sum());
    }

    private static double[] perCompletion(long[] before, long[] after, int completions) {
        return new double[]{(after[0] - before[0]) / (double) completions, (after[1] - before[1]) / (double) completions,
                (after[2] - before[2]) / (double) completions};
    }

    private static String rows(double[] perCompletion) {
        return String.format(java.util.Locale.ROOT, "%.1f / %.1f / %.1f", perCompletion[0], perCompletion[1], perCompletion[2]);
    }

    /** Transactions committed so far in the application's database. */
    long commits() {
        return count("select xact_commit from pg_stat_database where datname = current_database()");
    }

    /**
     * Proof that a copy is a working instance: the first copy of the template waiting at the first step is worked
     * on through the engine like any project; returns the task keys open before and after.
     */
    List<String> workOneCopy() {
        long template = templateStops.entrySet().stream().filter(e -> e.getValue().equals(LifecycleDriver.STOPS.get(0)))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        long copyId = template + DataReplicator.ID_OFFSET;
        String code = jdbc.queryForObject("select code from project where id = ?", String.class, copyId);
        Driven copy = new Driven(copyId, code, "BU-" + code.substring(4));
        List<org.camunda.bpm.engine.task.Task> before = driver.openTasks(copy);
        before.forEach(task -> driver.complete(copy, task));
        List<org.camunda.bpm.engine.task.Task> after = driver.openTasks(copy);
        leagueFromHistoryAgain();
        List<String> keys = new ArrayList<>();
        before.forEach(t -> keys.add("before:" + t.getTaskDefinitionKey()));
        after.forEach(t -> keys.add("after:" + t.getTaskDefinitionKey()));
        report.note("A copy works like a real project: project " + code + " (a copy) had " + LifecycleDriver.keysOf(before)
                + " open; completed through the engine as its town's officer, it moved on to " + LifecycleDriver.keysOf(after) + ".");
        return keys;
    }

    /**
     * One task completion at {@code size} projects, the way P1 completes them (the office's user, Camunda's
     * authorization checks): the first task of copies of a template waiting at the first step, alternately with the
     * product's group lookup and with Camunda's own. Copy 1 is left to {@link #workOneCopy}.
     */
    void completionAtScale(int size) {
        long template = templateStops.entrySet().stream().filter(e -> e.getValue().equals(LifecycleDriver.STOPS.get(0)))
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
        int available = size / settings.templates() - nextCopy;
        int each = Math.min(Math.max(1, settings.samples() / 5), available / 2);
        if (each < 1) {
            return;
        }
        List<Long> product = new ArrayList<>();
        List<Long> camunda = new ArrayList<>();
        for (int i = 0; i < 2 * each; i++) {
            long copyId = template + nextCopy++ * DataReplicator.ID_OFFSET;
            String code = jdbc.queryForObject("select code from project where id = ?", String.class, copyId);
            Driven copy = new Driven(copyId, code, "BU-" + code.substring(4));
            org.camunda.bpm.engine.task.Task task = driver.openTasks(copy).get(0);
            long begin = System.nanoTime();
            if (i % 2 == 0) {
                driver.complete(copy, task);
                product.add(System.nanoTime() - begin);
            } else {
                withCamundasGroupLookup(() -> {
                    driver.complete(copy, task);
                    return null;
                });
                camunda.add(System.nanoTime() - begin);
            }
            if (driver.openTasks(copy).stream().anyMatch(t -> t.getId().equals(task.getId()))) {
                throw new IllegalStateException("Task " + task.getId() + " of copy " + code + " is still open");
            }
        }
        leagueFromHistoryAgain();
        double p = median(product);
        double c = median(camunda);
        completionsAtScale.put(size, product.size() + camunda.size());
        report.row("P1", String.format(java.util.Locale.ROOT, "one task completion at %,d projects (%s, as its town's "
                        + "officer): median of %d", size, LifecycleDriver.STOPS.get(0), product.size()),
                f(p, "ms"), f(c, "ms") + " with Camunda's own group lookup", ratio(c / p) + "× faster", "–", "–");
    }

    /**
     * The copies carry no engine history (DataReplicator), so a task completed on a copy is counted by the league's
     * counts (V37, as the engine writes its history) while the history holds no row of that task: made again from the
     * history, so that the league and its baseline, counted from the history, are compared like with like.
     */
    private void leagueFromHistoryAgain() {
        jdbc.queryForList("select monitor_rebuild_league(?)", java.time.ZoneId.systemDefault().getId());
    }

    /** The next copy of the template that no completion at scale has moved on yet. */
    private int nextCopy = 2;

    /** Completions made by {@link #completionAtScale}, per size (checked by the quick mode). */
    final Map<Integer, Integer> completionsAtScale = new java.util.LinkedHashMap<>();

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    /** Removes every project this run made (the quick mode shares its database with the other integration tests). */
    void removeWhatThisRunMade() {
        List<Long> ids = new ArrayList<>(madeProjects);
        ids.addAll(templates);
        if (ids.isEmpty()) {
            return;
        }
        String templateIds = templates.isEmpty() ? "0" : templates.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        String projectIds = ids.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        String mine = "id in (" + projectIds + ") or (id > " + DataReplicator.ID_OFFSET + " and id % " + DataReplicator.ID_OFFSET
                + " in (" + templateIds + "))";
        jdbc.execute("drop table if exists bench_cleanup");
        jdbc.execute("create table bench_cleanup as select id, code, process_instance_id from project where " + mine);
        // Engine: the instances of these projects (and their units) with their sub-processes, jobs and history.
        List<String> roots = jdbc.queryForList("select id_ from act_hi_procinst where super_process_instance_id_ is null and "
                + "(business_key_ in (select code from bench_cleanup) or business_key_ in (select 'BU-' || substr(code, 5) "
                + "from bench_cleanup))", String.class);
        org.camunda.bpm.engine.RuntimeService runtime = context.getBean(org.camunda.bpm.engine.RuntimeService.class);
        org.camunda.bpm.engine.HistoryService history = context.getBean(org.camunda.bpm.engine.HistoryService.class);
        List<String> instances = jdbc.queryForList("select id_ from act_hi_procinst where coalesce(root_proc_inst_id_, proc_inst_id_) "
                + "in (select id_ from act_hi_procinst where super_process_instance_id_ is null and (business_key_ in "
                + "(select code from bench_cleanup) or business_key_ in (select 'BU-' || substr(code, 5) from bench_cleanup)))",
                String.class);
        for (int from = 0; from < roots.size(); from += 500) {
            List<String> slice = roots.subList(from, Math.min(roots.size(), from + 500));
            runtime.deleteProcessInstancesIfExists(slice, "基准测试数据清理", true, true, false);
        }
        for (int from = 0; from < instances.size(); from += 500) {
            history.deleteHistoricProcessInstancesIfExists(instances.subList(from, Math.min(instances.size(), from + 500)));
        }
        for (int from = 0; from < instances.size(); from += 1000) {
            String in = instances.subList(from, Math.min(instances.size(), from + 1000)).stream().map(i -> "'" + i + "'")
                    .reduce((a, b) -> a + "," + b).orElseThrow();
            jdbc.update("delete from act_ru_authorization where resource_id_ in (" + in + ")");
        }
        // Notices that are not a warning's (a task handed to the applicant) link to their project without a foreign key.
        jdbc.update("delete from notification where warning_id is null and project_id in (select id from bench_cleanup)");
        // Business rows: children first, each tied to its parent's rows of these projects.
        List<DataReplicator.BusinessTable> tables = new DataReplicator(jdbc, false).businessTables();
        Map<String, String> condition = new java.util.HashMap<>();
        for (DataReplicator.BusinessTable t : tables) {
            condition.put(t.name(), t.parent() == null ? "id in (select id from bench_cleanup)"
                    : t.tieColumn() + " in (select id from " + t.parent() + " where " + condition.get(t.parent()) + ")");
        }
        for (int i = tables.size() - 1; i >= 0; i--) {
            jdbc.update("delete from " + tables.get(i).name() + " where " + condition.get(tables.get(i).name()));
        }
        jdbc.execute("drop table bench_cleanup");
        // The league's counts (V37) counted this run's completed tasks and phases as they happened; their history rows
        // are gone now, so the counts are made again from the history that is left. So are the offices' (V60): the
        // instances went without their listeners, their clocks' rows with the business rows.
        leagueFromHistoryAgain();
        jdbc.queryForList("select monitor_rebuild_offices()");
    }

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
