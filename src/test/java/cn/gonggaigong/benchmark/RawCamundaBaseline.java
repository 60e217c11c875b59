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
 * size; one bare process (start → one user task → end).
 */
final class RawCamundaBaseline implements AutoCloseable {

    static final String PROCESS_ID = "BareOneTask";

    private final HikariDataSource dataSource;
    private final ProcessEngine engine;

    RawCamundaBaseline(String jdbcUrl, String user, String historyLevel, int poolSize) {
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
        configuration.setMetricsEnabled(false);
        configuration.setDbMetricsReporterActivate(false);
        engine = configuration.buildProcessEngine();
        BpmnModelInstance bare = Bpmn.createExecutableProcess(PROCESS_ID).camundaHistoryTimeToLive(180)
                .startEvent().userTask("Task_Bare").name("办理").endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance(PROCESS_ID + ".bpmn", bare).deploy();
    }

    /** Starts {@code count} instances; returns their ids and the start rate. */
    Result<List<String>> start(int count, int threads) throws Exception {
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        long begin = System.nanoTime();
        parallel(threads, count, i -> ids.add(engine.getRuntimeService()
                .startProcessInstanceByKey(PROCESS_ID, "BARE-" + i).getId()));
        return new Result<>(ids, count / ((System.nanoTime() - begin) / 1e9));
    }

    /** Completes the one task of each instance (found by its instance, as a worker would), {@code threads} at once. */
    double complete(List<String> instanceIds, int threads) throws Exception {
        long begin = System.nanoTime();
        parallel(threads, instanceIds.size(), i -> {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceIds.get(i)).singleResult();
            engine.getTaskService().complete(task.getId());
        });
        double rate = instanceIds.size() / ((System.nanoTime() - begin) / 1e9);
        long open = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count();
        if (open != 0) {
            throw new IllegalStateException(open + " bare instances still open");
        }
        return rate;
    }

    long completedInHistory() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .completed().count();
    }

    record Result<T>(T value, double perSecond) {
    }

    interface Step {
        void run(int index) throws Exception;
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
        engine.close();
        dataSource.close();
    }
}
