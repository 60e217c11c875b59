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

    private final String version;
    private final String description;

    public LeagueCountsBackfill() {
        this("37.1", "league counts backfill");
    }

    LeagueCountsBackfill(String version, String description) {
        this.version = version;
        this.description = description;
    }

    /** Flyway V51.1: the counts made again after V51 told the towns' own steps from the other offices'. */
    @Component
    public static class Recount extends LeagueCountsBackfill {

        public Recount() {
            super("51.1", "league counts by whose step");
        }
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public String getDescription() {
        return description;
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
