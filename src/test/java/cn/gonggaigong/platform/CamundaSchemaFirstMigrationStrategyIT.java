package cn.gonggaigong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The engine's tables made from Camunda's scripts before the Flyway migrations ({@link CamundaSchemaFirstMigrationStrategy})
 * end up the same as the engine makes them itself: after the real engine has started on each (schema-update true,
 * history full, decisions and cases on), both databases have the same columns, indexes, constraints, engine
 * properties and schema log, on a real PostgreSQL.
 */
class CamundaSchemaFirstMigrationStrategyIT {

    @TempDir
    Path tempDir;

    @Test
    void scriptsMakeTheSchemaTheEngineMakesItself() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                new EmbeddedPostgresProperties(tempDir.resolve("pg"), 0, "gonggaigong", Duration.ofSeconds(60)))) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, "");
                 Statement s = c.createStatement()) {
                s.execute("create database by_scripts");
                s.execute("create database by_engine");
            }
            DataSource byScripts = dataSource(server, "by_scripts");
            DataSource byEngine = dataSource(server, "by_engine");

            CamundaBpmProperties properties = new CamundaBpmProperties();
            properties.setHistoryLevel("full");
            CamundaSchemaFirstMigrationStrategy strategy = new CamundaSchemaFirstMigrationStrategy(byScripts, properties);
            assertThat(strategy.engineSchemaExists()).isFalse();
            strategy.createEngineSchema();
            assertThat(strategy.engineSchemaExists()).isTrue();
            // Only the components the migrations use; the engine adds the rest.
            assertThat(tables(byScripts)).contains("act_ru_task", "act_hi_procinst", "act_id_user")
                    .doesNotContain("act_re_decision_def", "act_re_case_def");

            startAndCloseEngine(byScripts, "by-scripts");
            startAndCloseEngine(byEngine, "by-engine");

            assertThat(tables(byScripts)).contains("act_re_decision_def", "act_re_case_def").hasSizeGreaterThan(45);
            for (String description : List.of(
                    "select table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')"
                            + " || ' ' || is_nullable || ' ' || coalesce(column_default, '') from information_schema.columns"
                            + " where table_schema = 'public' order by 1",
                    "select indexdef from pg_indexes where schemaname = 'public' order by 1",
                    "select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint"
                            + " where connamespace = 'public'::regnamespace order by 1",
                    "select name_ || case when name_ in ('schema.version', 'schema.history', 'historyLevel') then ' ' || value_ else '' end"
                            + " from act_ge_property order by 1",
                    "select id_ || ' ' || version_ from act_ge_schema_log order by 1")) {
                List<String> scripts = new JdbcTemplate(byScripts).queryForList(description, String.class);
                assertThat(scripts).as(description).isNotEmpty()
                        .containsExactlyElementsOf(new JdbcTemplate(byEngine).queryForList(description, String.class));
            }
        }
    }

    private static DataSource dataSource(EmbeddedPostgresServer server, String database) {
        return new DriverManagerDataSource(server.jdbcUrl().replace("/" + server.database(), "/" + database),
                EmbeddedPostgresServer.USER, "");
    }

    private static List<String> tables(DataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class);
    }

    /** The real engine's start on the database: what it finds missing it creates (as the application's does). */
    private static void startAndCloseEngine(DataSource dataSource, String name) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setMetricsEnabled(false);
        configuration.setDbMetricsReporterActivate(false);
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.close();
    }
}
