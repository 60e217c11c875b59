package cn.gonggaigong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gonggaigong.ApplicationTestSupport;
import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.project.ApplicantType;
import cn.gonggaigong.project.IndustryCategory;
import cn.gonggaigong.project.Ownership;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.project.ProjectRepository;
import cn.gonggaigong.project.RenovationMode;
import cn.gonggaigong.project.RenovationType;
import cn.gonggaigong.project.TownRepository;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The application on its embedded database: durability, schema order (engine, Flyway, JPA), one transaction. */
class ApplicationIT extends ApplicationTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    EmbeddedPostgresServer server;
    @Autowired
    TownRepository towns;
    @Autowired
    ProjectRepository projects;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TransactionTemplate transactionTemplate;
    @Autowired
    List<JavaMigration> javaMigrations;

    @Test
    void runsOnTheEmbeddedServerWithDurableCommits() {
        assertThat(dataSource).isInstanceOf(HikariDataSource.class);
        assertThat(((HikariDataSource) dataSource).getJdbcUrl()).isEqualTo(server.jdbcUrl());
        assertThat(server.dataDir()).isEqualTo(DATA_DIR.toAbsolutePath().normalize());
        assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
    }

    @Autowired
    EarlyEmbeddedPostgres.Starting earlyStart;

    @Test
    void theServerWasStartedWhileTheApplicationWasBuiltAndTakenByTheServerBean() {
        // Started by EarlyEmbeddedPostgres with the settings the test gave (its data directory, any port), not a second one.
        assertThat(earlyStart.taken()).isTrue();
        assertThat(earlyStart.properties().dataDir()).isEqualTo(DATA_DIR);
        assertThat(earlyStart.properties().port()).isZero();
    }

    @Test
    void flywayAppliedOurMigrationsAfterTheEngineCreatedItsTables() {
        List<Map<String, Object>> history = jdbc.queryForList(
                "select version, success from flyway_schema_history where version is not null order by installed_rank");
        assertThat(history).extracting(row -> row.get("version")).startsWith("0", "1", "2", "3")
                .containsExactlyElementsOf(migrationVersions());
        assertThat(history).allSatisfy(row -> assertThat(row.get("success")).isEqualTo(true));

        String index = jdbc.queryForObject("""
                select indexdef from pg_indexes
                where tablename = 'act_ru_task' and indexname = 'ggg_idx_act_ru_task_parent_task'""", String.class);
        assertThat(index).contains("(parent_task_id_)");
        assertThat(jdbc.queryForObject(
                "select obj_description('ggg_idx_act_ru_task_parent_task'::regclass, 'pg_class')", String.class))
                .startsWith("gonggaigong: not part of the Camunda schema");
        assertThat(jdbc.queryForObject("select value_ from act_ge_property where name_ = 'historyLevel'", String.class))
                .isEqualTo("3"); // full
        // The short-lived engine before Flyway makes only the tables the migrations use; the real engine adds the
        // decision and case tables: every component of Camunda's schema is there.
        assertThat(jdbc.queryForList("select tablename from pg_tables where schemaname = current_schema()", String.class))
                .contains("act_ru_task", "act_hi_procinst", "act_id_user", "act_re_decision_def", "act_hi_decinst",
                        "act_re_case_def", "act_hi_caseinst");
    }

    @Autowired
    org.camunda.bpm.engine.ProcessEngine processEngine;

    @Test
    void aPersonsWorkOnATaskThatMetAConcurrentChangeRunsAgainInATransactionOfItsOwn() {
        List<String> chain = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine
                .getProcessEngineConfiguration()).getCommandInterceptorsTxRequired().stream()
                .map(interceptor -> interceptor.getClass().getName()).toList();
        int retry = chain.indexOf(EngineCommandRetry.Interceptor.class.getName());
        int transaction = chain.indexOf(org.camunda.bpm.engine.spring.SpringTransactionInterceptor.class.getName());
        assertThat(retry).as(chain.toString()).isGreaterThanOrEqualTo(0);
        assertThat(transaction).as(chain.toString()).isGreaterThan(retry);
    }

    @Test
    void noneOfTheProductsProcessesIsStartedFromTasklist() throws IOException {
        // Each is started by the product: a project by its application (ProjectService, which writes the project's rows
        // first), a year's plan and a renovation unit by the steps that need them, the phases as call activities, the
        // monthly reports by their timer. Started from Tasklist's 发起流程, one would run without its project.
        List<String> keys;
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            keys = models.filter(model -> model.toString().endsWith(".bpmn"))
                    .map(model -> model.getFileName().toString().replace(".bpmn", "")).sorted().toList();
        }
        assertThat(keys).hasSize(17).contains("ProjectLifecycle", "ProjectIntake", "AnnualPlan", "MonthlyProgressReport");
        assertThat(repositoryService.createProcessDefinitionQuery().latestVersion().notStartableInTasklist().list())
                .extracting(definition -> definition.getKey()).containsAll(keys);
        assertThat(repositoryService.createProcessDefinitionQuery().latestVersion().startableInTasklist().list())
                .extracting(definition -> definition.getKey()).doesNotContainAnyElementsOf(keys);
    }

    @Test
    void seedsTheTownsOfPuning() {
        assertThat(towns.count()).isEqualTo(29);
        assertThat(towns.findById("zhanlong")).get()
                .satisfies(town -> {
                    assertThat(town.getName()).isEqualTo("占陇镇");
                    assertThat(town.getGroupId()).isEqualTo("town-zhanlong");
                });
        assertThat(towns.findByGroupId("town-liushadong")).get().extracting(t -> t.getName()).isEqualTo("流沙东街道");
    }

    @Test
    void theEngineAndJpaCommitOrRollBackTogether() {
        BpmnModelInstance probe = Bpmn.createExecutableProcess("GggTransactionProbe").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Probe").endEvent().done();
        String deploymentId = repositoryService.createDeployment().addModelInstance("probe.bpmn", probe).deploy().getId();
        try {
            long projectsBefore = projects.count();
            transactionTemplate.executeWithoutResult(status -> {
                Project project = projects.saveAndFlush(probeProject());
                runtimeService.startProcessInstanceByKey("GggTransactionProbe", project.getCode());
                assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("GggTransactionProbe").count())
                        .isEqualTo(1);
                status.setRollbackOnly();
            });
            assertThat(projects.count()).isEqualTo(projectsBefore);
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("GggTransactionProbe").count())
                    .isZero();
        } finally {
            repositoryService.deleteDeployment(deploymentId, true);
        }
    }

    /** The history of ended processes is removed 10 years after the end (every model's historyTimeToLive), by
     * Camunda's history cleanup, which the engine schedules only with a batch window: 01:00–05:00 Beijing time. */
    @Test
    void historyIsCleanedUpAtNightOnceItsTimeToLiveHasPassed() {
        List<Job> cleanups = historyService.findHistoryCleanupJobs();
        assertThat(cleanups).isNotEmpty();
        for (Job cleanup : cleanups) {
            LocalTime due = cleanup.getDuedate().toInstant().atZone(WorkingDayCalendar.ZONE).toLocalTime();
            assertThat(due).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
        }

        BpmnModelInstance ended = Bpmn.createExecutableProcess("GggHistoryProbe").camundaHistoryTimeToLive(3650)
                .startEvent().endEvent().done();
        String deploymentId = repositoryService.createDeployment().addModelInstance("history-probe.bpmn", ended).deploy().getId();
        try {
            String id = runtimeService.startProcessInstanceByKey("GggHistoryProbe").getId();
            HistoricProcessInstance history = historyService.createHistoricProcessInstanceQuery().processInstanceId(id)
                    .singleResult();
            assertThat(history.getRemovalTime().toInstant())
                    .isEqualTo(history.getEndTime().toInstant().plus(Duration.ofDays(3650)));
        } finally {
            repositoryService.deleteDeployment(deploymentId, true);
        }
    }

    private Project probeProject() {
        Project project = new Project("GGG-1999-9999", "事务探针", towns.findById("zhanlong").orElseThrow());
        project.setApplicantName("探针");
        project.setApplicantUserId("probe");
        project.setApplicantType(ApplicantType.OWNER);
        project.setRenovationMode(RenovationMode.SELF);
        project.setRenovationType(RenovationType.FULL);
        project.setOwnership(Ownership.SINGLE);
        project.setParcelIds(List.of("P-1"));
        project.setLandAreaSqm(new BigDecimal("1000.00"));
        project.setLandAreaMu(new BigDecimal("1.5000"));
        project.setExistingFloorArea(BigDecimal.ZERO);
        project.setCurrentPlotRatio(BigDecimal.ZERO);
        project.setPlannedFloorArea(BigDecimal.ZERO);
        project.setPlannedPlotRatio(BigDecimal.ZERO);
        project.setIndustryCategory(IndustryCategory.OTHER);
        project.setInvestment(BigDecimal.ZERO);
        project.setContiguousAreaMu(BigDecimal.ZERO);
        project.setPlanYear(1999);
        return project;
    }

    /**
     * "0" (the baseline under the engine's tables), the version of every file in db/migration and of every Java
     * migration the application declares as a bean (Flyway picks those up too), in order.
     */
    private List<String> migrationVersions() {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            var versions = Stream.concat(
                            files.map(f -> f.getFileName().toString())
                                    .filter(n -> n.matches("V[0-9_]+__.*\\.sql"))
                                    .map(n -> MigrationVersion.fromVersion(
                                            n.substring(1, n.indexOf("__")).replace('_', '.'))),
                            javaMigrations.stream().map(JavaMigration::getVersion))
                    .sorted()
                    .map(MigrationVersion::getVersion)
                    .collect(Collectors.toCollection(ArrayList::new));
            versions.add(0, "0");
            return versions;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
