package cn.gonggaigong.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.DatabaseProperty;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.util.StringUtils;

/**
 * Lets Flyway run after the Camunda engine has created its schema, so our migrations may touch the engine's
 * tables (V2 indexes {@code ACT_RU_TASK}).
 * <p>
 * The obvious way, making Flyway's initializer depend on the process engine bean, cannot work with JPA: the engine
 * runs every command, schema creation included, in a Spring transaction of the shared {@code JpaTransactionManager},
 * which needs the {@code EntityManagerFactory}; that validates the business tables ({@code ddl-auto: validate}) and
 * so needs Flyway to have run first. The circle is broken here instead: before migrating, a database without the
 * engine's tables gets them from the SQL scripts Camunda ships in its engine jar and runs itself when it creates a
 * schema ({@code org/camunda/bpm/engine/db/create/activiti.<database>.create.<component>.sql}), for the components
 * the migrations use: engine, history (unless the history level is none) and identity, in one transaction. The real
 * engine starts later as usual, finds them in place and adds what is missing ({@code schema-update: true}: the
 * decision and case tables, the history level property; it also upgrades the schema after a Camunda update).
 * <p>
 * Until 2 December 2026 a short-lived second engine created these tables; building it cost about 3.4 s of a first
 * start on 2 cores (its MyBatis configuration, its expression and script engines) that the real engine then spent
 * again; the scripts take well under a second (BENCHMARKS.md, P5, item 18). CamundaSchemaFirstMigrationStrategyIT
 * checks that the schema ends up the one the engine makes by itself.
 */
public class CamundaSchemaFirstMigrationStrategy implements FlywayMigrationStrategy {

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
            } else if (StringUtils.hasText(camunda.getDatabase().getTablePrefix())) {
                // Camunda's scripts create the tables without a prefix; a prefixed schema is made by hand.
                log.warn("The Camunda engine's tables are missing and camunda.bpm.database.table-prefix is set; create "
                        + "them with Camunda's SQL scripts (with the prefix) before starting; migrations that use them will fail");
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

    /** The scripts run, in this order, for a database without the engine's tables. */
    List<String> schemaScripts(String databaseType) {
        List<String> components = new ArrayList<>(List.of("engine"));
        if (!"none".equalsIgnoreCase(camunda.getHistoryLevel())) {
            components.add("history");
        }
        components.add("identity");
        return components.stream()
                .map(c -> "org/camunda/bpm/engine/db/create/activiti." + databaseType + ".create." + c + ".sql").toList();
    }

    void createEngineSchema() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            String databaseType = StringUtils.hasText(camunda.getDatabase().getType()) ? camunda.getDatabase().getType()
                    : "PostgreSQL".equals(product) ? "postgres" : null;
            if (databaseType == null) {
                // The migrations are PostgreSQL's dialect (partial indexes, arrays) too.
                throw new IllegalStateException("The application runs on PostgreSQL; the database is " + product);
            }
            List<String> scripts = schemaScripts(databaseType);
            log.info("Creating the Camunda engine's schema before the Flyway migrations: {}", scripts);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                for (String script : scripts) {
                    ScriptUtils.executeSqlScript(connection, new ClassPathResource(script, ProcessEngine.class.getClassLoader()));
                }
                connection.commit();
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the Camunda engine's tables", e);
        }
    }
}
