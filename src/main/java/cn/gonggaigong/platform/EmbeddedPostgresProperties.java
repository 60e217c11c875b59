package cn.gonggaigong.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the PostgreSQL server the application starts itself when {@code spring.datasource.url} is not set.
 *
 * @param dataDir        the cluster's data directory; it is kept across restarts
 * @param port           TCP port on localhost; 0 picks any free port
 * @param database       the database the application uses (created on first start)
 * @param startupTimeout how long to wait for the server to accept connections (crash recovery after a hard
 *                       kill can take a while)
 */
@ConfigurationProperties("ggg.embedded-postgres")
public record EmbeddedPostgresProperties(
        @DefaultValue("./data/postgres") Path dataDir,
        @DefaultValue("5433") int port,
        @DefaultValue("gonggaigong") String database,
        @DefaultValue("60s") Duration startupTimeout) {
}
