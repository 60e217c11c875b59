package cn.gonggaigong.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Where the data lives. Without {@code spring.datasource.url} the application starts its own PostgreSQL
 * server ({@link EmbeddedPostgresServer}) and uses it for the Camunda engine, JPA and Flyway alike; with it
 * (e.g. {@code SPRING_DATASOURCE_URL}, {@code SPRING_DATASOURCE_USERNAME}, {@code SPRING_DATASOURCE_PASSWORD})
 * nothing is started and Spring Boot builds the usual connection pool.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    static final String URL_PROPERTY = "spring.datasource.url";

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    @Conditional(NoDataSourceUrl.class)
    @EnableConfigurationProperties(EmbeddedPostgresProperties.class)
    static class EmbeddedDatabase {

        /**
         * The server EarlyEmbeddedPostgres started while the application was built (or, without it, started now).
         * Closed after the pool below (it depends on the server), so the pool never outlives the server.
         */
        @Bean
        EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresProperties properties,
                                                      ObjectProvider<EarlyEmbeddedPostgres.Starting> early) {
            log.info("Database mode: embedded PostgreSQL ({} not set), data directory {}",
                    URL_PROPERTY, properties.dataDir().toAbsolutePath().normalize());
            EarlyEmbeddedPostgres.Starting starting = early.getIfAvailable();
            EmbeddedPostgresServer server;
            if (starting != null && starting.properties().equals(properties)) {
                server = starting.take();
            } else {
                if (starting != null) {
                    starting.destroy(); // bound differently (not expected): never two servers on one data directory
                }
                server = EmbeddedPostgresServer.start(properties);
            }
            log.info("Started {} (fsync={}, synchronous_commit={})", server, server.show("fsync"),
                    server.show("synchronous_commit"));
            return server;
        }

        @Bean
        @ConfigurationProperties("spring.datasource.hikari")
        HikariDataSource dataSource(EmbeddedPostgresServer server) {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(server.jdbcUrl());
            dataSource.setUsername(EmbeddedPostgresServer.USER);
            dataSource.setPoolName("ggg-embedded-postgres");
            return dataSource;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(DataSourceUrlSet.class)
    static class ExternalDatabase {

        ExternalDatabase(@Value("${" + URL_PROPERTY + "}") String url) {
            log.info("Database mode: external database at {} (embedded PostgreSQL not started)", withoutSecrets(url));
        }
    }

    /** A JDBC URL for the log: query parameters (which may carry a password) are dropped. */
    static String withoutSecrets(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }

    static boolean hasDataSourceUrl(ConditionContext context) {
        return hasDataSourceUrl(context.getEnvironment());
    }

    static boolean hasDataSourceUrl(Environment environment) {
        return StringUtils.hasText(environment.getProperty(URL_PROPERTY));
    }

    static class NoDataSourceUrl extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return hasDataSourceUrl(context)
                    ? ConditionOutcome.noMatch(URL_PROPERTY + " is set")
                    : ConditionOutcome.match(URL_PROPERTY + " is not set");
        }
    }

    static class DataSourceUrlSet extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return hasDataSourceUrl(context)
                    ? ConditionOutcome.match(URL_PROPERTY + " is set")
                    : ConditionOutcome.noMatch(URL_PROPERTY + " is not set");
        }
    }
}
