package cn.gonggaigong.escalation;

import cn.gonggaigong.clock.HolidayData;
import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.clock.WorkingDayCalendarPlugin;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Engines with the statutory clock on one real PostgreSQL (embedded, under target/, shared by the tests of this
 * JVM) with our Flyway migrations: the escalation's process tests and the two-node test. Plain Camunda engines
 * without Spring, each with its own name (Camunda keeps engines in a static registry).
 */
final class ClockTestEngines {

    static final String OFFICE_TASK = "Task_ClockOfficeWork";
    static final String APPLICANT_TASK = "Task_ClockApplicantCorrection";
    static final String ONE_TASK_PROCESS = "ClockOneTask";
    static final String WAIT_PROCESS = "ClockParallelWait";
    static final String OWN_DUE_DATE_PROCESS = "ClockOwnDueDate";
    /** One office task whose due date may not pass the process variable {@code hardDeadline} (dueNoLaterThan). */
    static final String BOUNDED_PROCESS = "ClockBoundedDueDate";
    static final String REPORT_TASK = "Task_ClockSubmitReport";
    static final String TOWN_GROUP = "town-zhanlong";

    static final WorkingDayCalendar CALENDAR = HolidayData.load(null);

    private static DataSource dataSource;

    private ClockTestEngines() {
    }

    static synchronized DataSource dataSource() {
        if (dataSource == null) {
            try {
                Path parent = Files.createDirectories(Path.of("target", "clock-postgres"));
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory(parent.toAbsolutePath(), "data-"))
                        .setCleanDataDirectory(true).start();
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
                config.setMaximumPoolSize(12);
                dataSource = new HikariDataSource(config);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        ((HikariDataSource) dataSource).close();
                        postgres.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataSource;
    }

    /** A new engine on the shared database; the first one creates Camunda's tables, then Flyway adds ours. */
    static synchronized ProcessEngine engine(String name, List<WarningNotifier> notified) {
        StatutoryClock clock = new StatutoryClock(CALENDAR, WorkingDayCalendarPlugin::log);
        WarningRaiser raiser = new WarningRaiser(clock, id -> notified.forEach(n -> n.raised(id)));
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setDataSource(dataSource());
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full");
        // As the application (the Spring Boot starter's default): ids made in the JVM. Camunda's default for a
        // standalone engine takes blocks of ids from the database in a second transaction, so job threads holding
        // every connection of the pool and all needing a new block can wait on each other.
        configuration.setIdGenerator(new org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator());
        configuration.setJobExecutorActivate(false);
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9-]+");
        configuration.setProcessEnginePlugins(new ArrayList<>(List.of(
                new WorkingDayCalendarPlugin(CALENDAR, WorkingDayCalendarPlugin::log),
                new StatutoryClockPlugin(clock, raiser))));
        ProcessEngine engine = configuration.buildProcessEngine();
        migrate();
        return engine;
    }

    private static boolean migrated;

    private static void migrate() {
        if (!migrated) {
            Flyway.configure().dataSource(dataSource()).baselineOnMigrate(true).baselineVersion("0")
                    .locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource());
            jdbc.update("""
                    insert into task_time_limit (task_definition_key, task_name, working_days, yellow_before_days,
                        escalate_after_days, clock, note)
                    values (?, '测试：经办单位事项', 10, 2, 3, null, 'test'), (?, '测试：申请人补正', 5, null, null, 'APPLICANT', 'test')
                    on conflict (task_definition_key) do nothing""", OFFICE_TASK, APPLICANT_TASK);
            migrated = true;
        }
    }

    static void deployModels(ProcessEngine engine) {
        BpmnModelInstance oneTask = Bpmn.createExecutableProcess(ONE_TASK_PROCESS).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask(OFFICE_TASK).name("测试：经办单位事项").camundaCandidateGroups(TOWN_GROUP)
                .endEvent().done();
        BpmnModelInstance parallel = Bpmn.createExecutableProcess(WAIT_PROCESS).camundaHistoryTimeToLive(1)
                .startEvent()
                .parallelGateway("Gateway_Split")
                .userTask(OFFICE_TASK).name("测试：经办单位事项").camundaCandidateGroups(TOWN_GROUP)
                .parallelGateway("Gateway_Join")
                .endEvent()
                .moveToNode("Gateway_Split")
                .userTask(APPLICANT_TASK).name("测试：申请人补正").camundaAssignee("${applicant}")
                .connectTo("Gateway_Join").done();
        BpmnModelInstance ownDueDate = Bpmn.createExecutableProcess(OWN_DUE_DATE_PROCESS).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask(REPORT_TASK).name("测试：报送月报").camundaCandidateGroups(TOWN_GROUP).camundaDueDate("${reportDue}")
                .endEvent().done();
        BpmnModelInstance bounded = Bpmn.createExecutableProcess(BOUNDED_PROCESS).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask(OFFICE_TASK).name("测试：限期内事项").camundaCandidateGroups(TOWN_GROUP)
                .endEvent().done();
        org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties properties =
                bounded.newInstance(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class);
        org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty property =
                bounded.newInstance(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty.class);
        property.setCamundaName("dueNoLaterThan");
        property.setCamundaValue("hardDeadline");
        properties.getCamundaProperties().add(property);
        bounded.<org.camunda.bpm.model.bpmn.instance.UserTask>getModelElementById(OFFICE_TASK).builder()
                .addExtensionElement(properties);
        engine.getRepositoryService().createDeployment().enableDuplicateFiltering(true)
                .addModelInstance(BOUNDED_PROCESS + ".bpmn", bounded)
                .addModelInstance(OWN_DUE_DATE_PROCESS + ".bpmn", ownDueDate)
                .addModelInstance(ONE_TASK_PROCESS + ".bpmn", oneTask)
                .addModelInstance(WAIT_PROCESS + ".bpmn", parallel).deploy();
        IdentityService identity = engine.getIdentityService();
        user(identity, "zhanlong1", "zhanlong1@demo.invalid", TOWN_GROUP);
        user(identity, "office1", "office1@demo.invalid", "leading-group-office");
        user(identity, "leader1", "leader1@demo.invalid", "leading-group");
    }

    private static void user(IdentityService identity, String id, String email, String group) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        User user = identity.newUser(id);
        user.setEmail(email);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    static JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource());
    }

    static ProcessEngineConfigurationImpl configuration(ProcessEngine engine) {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }
}
