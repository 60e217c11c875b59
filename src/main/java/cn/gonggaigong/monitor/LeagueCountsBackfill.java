package cn.gonggaigong.monitor;

import java.sql.PreparedStatement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway V37.1: the league's counts of V37 made once from the history already in the database. A Java migration
 * because the engine's history timestamps are in the JVM's zone, which only the application knows (Spring Boot
 * hands JavaMigration beans to Flyway).
 */
@Component
public class LeagueCountsBackfill implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("37.1");
    }

    @Override
    public String getDescription() {
        return "league counts backfill";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement statement = context.getConnection().prepareStatement("select monitor_rebuild_league(?)")) {
            statement.setString(1, MonitorQueries.jvmZone());
            statement.execute();
        }
    }
}
