package cn.gonggaigong.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Raw Camunda: an engine of its own (no Spring, no product code, no listeners or plugins, authorizations off), on a
 * database of its own in the same PostgreSQL server, with the application's history level, id generator and pool
 * size; one bare process (start → one user task → end) for P1, and for P4 one whose user task has a bare timer
 * (a non-interrupting boundary timer leading straight to an end), executed by a job executor with the application's
 * settings when {@link JobSettings} are given.
 */
final class RawCamundaBaseline implements AutoCloseable {

    static final String PROCESS_ID = "BareOneTask";
    static final String TIMER_PROCESS_ID = "BareTimer";

    /** The application's job executor settings (camunda.bpm.job-execution and the engine's), for P4's baseline. */
    record JobSettings(int maxJobsPerAcquisition, int corePoolSize, int maxPoolSize, int queueCapacity,
                       int waitTimeInMillis, long maxWait, int lockTimeInMillis) {
    }

    private final HikariDataSource dataSource;
    private final ProcessEngine engine;

    RawCamundaBaseline(String jdbcUrl, String user, String historyLevel, int poolSize) {
        this(jdbcUrl, user, historyLevel, poolSize, null);
    }

    /** With {@code jobs}, a job executor of those settings, started by {@link #startJobExecutor()}. */
    RawCamundaBaseline(String jdbcUrl, String user, String historyLevel, int poolSize, JobSettings jobs) {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl);
        dataSource.setUsername(user);
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("raw-camunda-baseline");
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("raw-camunda-baseline");
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(historyLevel);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setJobExecutorActivate(false);
        if (jobs != null) {
            org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor executor =
                    new org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor();
            executor.setMaxJobsPerAcquisition(jobs.maxJobsPerAcquisition());
            executor.setCorePoolSize(jobs.corePoolSize());
            executor.setMaxPoolSize(jobs.maxPoolSize());
            executor.setQueueSize(jobs.queueCapacity());
            executor.setWaitTimeInMillis(jobs.waitTimeInMillis());
            executor.setMaxWait(jobs.maxWait());
            executor.setLockTimeInMillis(jobs.lockTimeInMillis());
            configuration.setJobExecutor(executor);
        }
        configuration.setMetricsEnabled(false);
        configuration.setDbMetricsReporterActivate(false);
        engine = configuration.buildProcessEngine();
        BpmnModelInstance bare = Bpmn.createExecutableProcess(PROCESS_ID).camundaHistoryTimeToLive(180)
                .startEvent().userTask("Task_Bare").name("办理").endEvent().done();
        BpmnModelInstance timer = Bpmn.createExecutableProcess(TIMER_PROCESS_ID).camundaHistoryTimeToLive(180)
                .startEvent().userTask("Task_Waiting").name("办理")
                .boundaryEvent("Timer_Due").cancelActivity(false).timerWithDuration("P1D").endEvent("End_Timer")
                .moveToActivity("Task_Waiting").endEvent().done();
        engine.getRepositoryService().createDeployment().name("raw-camunda-baseline").enableDuplicateFiltering(false)
                .addModelInstance(PROCESS_ID + ".bpmn", bare).addModelInstance(TIMER_PROCESS_ID + ".bpmn", timer).deploy();
    }

    /** Starts {@code count} instances of the timer process (their timers due in a day). */
    void startTimers(int count, int threads) throws Exception {
        parallel(threads, count, i -> engine.getRuntimeService().startProcessInstanceByKey(TIMER_PROCESS_ID, "TIMER-" + i));
    }

    /** Makes every timer of the timer process not yet executed fall due at {@code moment}; returns how many. */
    int timersDueAt(java.sql.Timestamp moment) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement st = c.prepareStatement(
                     "update act_ru_job set duedate_ = ? where process_def_key_ = ?")) {
            st.setTimestamp(1, moment);
            st.setString(2, TIMER_PROCESS_ID);
            return st.executeUpdate();
        }
    }

    /** Timers of the timer process not yet executed. */
    long openTimers() throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement st = c.prepareStatement("select count(*) from act_ru_job where process_def_key_ = ?")) {
            st.setString(1, TIMER_PROCESS_ID);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Timers of the timer process executed (the boundary event's end reached), from the engine's history. */
    long executedTimers() {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("End_Timer").count();
    }

    void startJobExecutor() {
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor().start();
    }

    /** Business keys of the measured instances; the warm-up's are {@link #WARMUP_KEY}. */
    static final String MEASURED_KEY = "BARE-";
    static final String WARMUP_KEY = "WARMUP-";

    /** Starts {@code count} instances with business keys {@code keyPrefix + i}; returns their ids and the start rate. */
    Result<List<String>> start(int count, int threads, String keyPrefix) throws Exception {
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        long begin = System.nanoTime();
        parallel(threads, count, i -> ids.add(engine.getRuntimeService()
                .startProcessInstanceByKey(PROCESS_ID, keyPrefix + i).getId()));
        return new Result<>(ids, count / ((System.nanoTime() - begin) / 1e9));
    }

    /** Starts one instance with business key {@code keyPrefix + index} and completes its task (the warm-up's step). */
    void startAndComplete(String keyPrefix, int index) {
        String id = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_ID, keyPrefix + index).getId();
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
        engine.getTaskService().complete(task.getId());
    }

    /**
     * Completes the one task of each instance (found by its instance, as a worker would), {@code threads} at once, as
     * one round of P1's alternating measure ({@link #whileAllBusy}); the instances of later rounds stay open.
     */
    Window completeRound(List<String> instanceIds, int threads) throws Exception {
        return whileAllBusy(threads, instanceIds.size(), (i, completed) -> {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceIds.get(i)).singleResult();
            engine.getTaskService().complete(task.getId());
            completed.run();
        });
    }

    /** Instances of the bare process still open (after the last round: none). */
    long openInstances() {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count();
    }

    /** Measured instances completed, from the engine's history (the warm-up's not counted). */
    long completedInHistory() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKeyLike(MEASURED_KEY + "%").completed().count();
    }

    record Result<T>(T value, double perSecond) {
    }

    interface Step {
        void run(int index) throws Exception;
    }

    /**
     * Runs {@code step} for 0, 1, 2, … split over {@code threads} until at least {@code minCount} steps have run and
     * {@code minSeconds} have passed (a step under way then finishes); fails on the first failure.
     *
     * @return the steps run
     */
    static int parallelAtLeast(int threads, int minCount, double minSeconds, Step step) throws Exception {
        long end = System.nanoTime() + (long) (minSeconds * 1e9);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        parallel(threads, threads, t -> {
            for (int i = next.getAndIncrement(); i < minCount || System.nanoTime() < end; i = next.getAndIncrement()) {
                step.run(i);
                done.incrementAndGet();
            }
        });
        return done.get();
    }

    /** A step that reports each task it completes. */
    interface CountedStep {
        void run(int index, Runnable completed) throws Exception;
    }

    /**
     * One round of a throughput measure: the completions counted while every thread had work, the seconds that
     * lasted, and all completions of the round (those after it too).
     */
    record Window(int counted, double seconds, int all) {
        double perSecond() {
            return counted / seconds;
        }
    }

    /**
     * Runs {@code step} for 0..count-1 split over {@code threads}, like {@link #parallel}, and measures only while
     * every thread has work: the window closes when the first thread finds nothing left to take (the others finish
     * the step in hand, uncounted), so the last, uneven steps of a round do not count as idle threads. A round with
     * fewer steps than threads, where a thread is idle before anything was completed, counts to its end.
     */
    static Window whileAllBusy(int threads, int count, CountedStep step) throws Exception {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger counted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger all = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong closedAt = new java.util.concurrent.atomic.AtomicLong();
        Runnable completed = () -> {
            all.incrementAndGet();
            if (closedAt.get() == 0) {
                counted.incrementAndGet();
            }
        };
        long begin = System.nanoTime();
        parallel(threads, threads, t -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                step.run(i, completed);
            }
            if (counted.get() > 0) {
                closedAt.compareAndSet(0, System.nanoTime());
            }
        });
        long end = closedAt.get() != 0 ? closedAt.get() : System.nanoTime();
        return new Window(counted.get(), (end - begin) / 1e9, all.get());
    }

    /** Runs {@code step} for 0..count-1, split over {@code threads}; fails on the first failure. */
    static void parallel(int threads, int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        step.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        org.camunda.bpm.engine.impl.jobexecutor.JobExecutor jobs =
                ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                        .getJobExecutor();
        if (jobs != null && jobs.isActive()) {
            jobs.shutdown();
        }
        engine.close();
        dataSource.close();
    }
}
