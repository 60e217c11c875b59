package cn.gonggaigong.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.DatabaseProperty;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.util.StringUtils;

/**
 * Lets Flyway run after the Camunda engine has created its schema, so our migrations may touch the engine's
 * tables (V2 indexes {@code ACT_RU_TASK}).
 * <p>
 * The obvious way, making Flyway's initializer depend on the process engine bean, cannot work with JPA: the engine
 * runs every command, schema creation included, in a Spring transaction of the shared {@code JpaTransactionManager},
 * which needs the {@code EntityManagerFactory}; that validates the business tables ({@code ddl-auto: validate}) and
 * so needs Flyway to have run first. The circle is broken here instead: before migrating, a database without the
 * engine's tables gets them from Camunda itself, by a short-lived engine with no job executor, no deployments and
 * its own JDBC transactions, configured like the real one ({@code camunda.bpm.history-level}, table prefix,
 * schema). The real engine starts later as usual and finds its schema in place ({@code schema-update: true} also
 * upgrades it after a Camunda update).
 */
public class CamundaSchemaFirstMigrationStrategy implements FlywayMigrationStrategy {

    static final String BOOTSTRAP_ENGINE_NAME = "ggg-schema-bootstrap";

    private static final Logger log = LoggerFactory.getLogger(CamundaSchemaFirstMigrationStrategy.class);

    private final DataSource dataSource;
    private final CamundaBpmProperties camunda;

    public CamundaSchemaFirstMigrationStrategy(DataSource dataSource, CamundaBpmProperties camunda) {
        this.dataSource = dataSource;
        this.camunda = camunda;
    }

    @Override
    public void migrate(Flyway flyway) {
        if (!engineSchemaExists()) {
            if (ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE.equals(camunda.getDatabase().getSchemaUpdate())) {
                log.warn("The Camunda engine's tables are missing and camunda.bpm.database.schema-update is false; "
                        + "migrations that use them will fail");
            } else {
                createEngineSchema();
            }
        }
        flyway.migrate();
    }

    boolean engineSchemaExists() {
        DatabaseProperty database = camunda.getDatabase();
        String table = (StringUtils.hasText(database.getTablePrefix()) ? database.getTablePrefix() : "") + "ACT_GE_PROPERTY";
        String schema = StringUtils.hasText(database.getSchemaName()) ? database.getSchemaName() : null;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            for (String name : new String[] {table, table.toLowerCase(), table.toUpperCase()}) {
                try (ResultSet tables = metaData.getTables(null, schema, name, new String[] {"TABLE"})) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check for the Camunda engine's tables", e);
        }
    }

    private void createEngineSchema() {
        log.info("Creating the Camunda engine's schema before the Flyway migrations");
        DatabaseProperty database = camunda.getDatabase();
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(BOOTSTRAP_ENGINE_NAME);
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        if (StringUtils.hasText(camunda.getHistoryLevel())) {
            configuration.setHistory(camunda.getHistoryLevel());
        }
        if (StringUtils.hasText(database.getType())) {
            configuration.setDatabaseType(database.getType());
        }
        if (StringUtils.hasText(database.getTablePrefix())) {
            configuration.setDatabaseTablePrefix(database.getTablePrefix());
        }
        if (StringUtils.hasText(database.getSchemaName())) {
            configuration.setDatabaseSchema(database.getSchemaName());
        }
        if (ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE.equals(database.getSchemaUpdate())) {
            // Only the tables the migrations use: the real engine adds the decision (DMN) and case (CMMN) tables
            // itself (schema-update true creates what is missing), so their engines, FEEL's above all, start once
            // instead of twice on a first start (about 3 s of it on 2 cores; BENCHMARKS.md, P5).
            configuration.setDmnEnabled(false);
            configuration.setCmmnEnabled(false);
        }
        configuration.setJobExecutorActivate(false);
        configuration.setMetricsEnabled(false);
        configuration.setDbMetricsReporterActivate(false);
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.close();
    }
}
