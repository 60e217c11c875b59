package cn.gonggaigong.platform;

import javax.sql.DataSource;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Order of schema creation at start: Camunda's tables, then our Flyway migrations, then JPA validation. */
@Configuration(proxyBeanMethods = false)
public class MigrationConfiguration {

    @Bean
    FlywayMigrationStrategy camundaSchemaFirstMigrationStrategy(DataSource dataSource, CamundaBpmProperties camunda) {
        return new CamundaSchemaFirstMigrationStrategy(dataSource, camunda);
    }
}
