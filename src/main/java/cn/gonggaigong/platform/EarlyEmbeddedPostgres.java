package cn.gonggaigong.platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL server on a thread of its own when the application context starts to refresh —
 * its settings final, before Spring reads the configuration classes and makes any bean — so that initdb and the
 * server's start overlap with Spring building the application; the server bean ({@link DatabaseConfiguration}) then
 * waits for it. Only where the application starts its own server (no {@code spring.datasource.url}). Measured
 * (BENCHMARKS.md, P5): the server's start took 1.7 s of a first start, while everything else waited for it.
 * A server started here that no bean took (the context failed first) is stopped when the context is destroyed.
 * Registered in META-INF/spring.factories.
 */
public final class EarlyEmbeddedPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN = "earlyEmbeddedPostgres";

    private static final Logger log = LoggerFactory.getLogger(EarlyEmbeddedPostgres.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // Run as the refresh begins, not now: later initializers (a test's dynamic properties) may still change the settings.
        context.addBeanFactoryPostProcessor(new Start(context.getEnvironment()));
    }

    /** Added to the context itself, so it runs before the configuration classes are read. */
    private record Start(Environment environment) implements BeanDefinitionRegistryPostProcessor {

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            if (DatabaseConfiguration.hasDataSourceUrl(environment)) {
                return;
            }
            ConfigurableListableBeanFactory beanFactory = (ConfigurableListableBeanFactory) registry;
            EmbeddedPostgresProperties properties = Binder.get(environment)
                    .bindOrCreate("ggg.embedded-postgres", EmbeddedPostgresProperties.class);
            Starting starting = new Starting(properties);
            beanFactory.registerSingleton(BEAN, starting);
            ((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(BEAN, starting);
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        }
    }

    /** The server being started with {@code properties}; {@link #take()} once, by the server bean. */
    static final class Starting implements DisposableBean {

        private final EmbeddedPostgresProperties properties;
        private final CompletableFuture<EmbeddedPostgresServer> server;
        private final AtomicBoolean taken = new AtomicBoolean();

        Starting(EmbeddedPostgresProperties properties) {
            this.properties = properties;
            this.server = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    server.complete(EmbeddedPostgresServer.start(properties));
                } catch (Throwable e) {
                    server.completeExceptionally(e);
                }
            }, "ggg-embedded-postgres-start");
            thread.setDaemon(true);
            thread.start();
        }

        EmbeddedPostgresProperties properties() {
            return properties;
        }

        /** Whether the server bean took the server (or {@link #destroy()} stopped it). */
        boolean taken() {
            return taken.get();
        }

        /** The started server (waits for it); the caller closes it. Fails as the start failed. */
        EmbeddedPostgresServer take() {
            if (!taken.compareAndSet(false, true)) {
                throw new IllegalStateException("The embedded PostgreSQL server was already taken");
            }
            try {
                return server.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }

        /** Stops the server unless a bean took it (then that bean closes it). */
        @Override
        public void destroy() {
            if (taken.compareAndSet(false, true)) {
                try {
                    server.join().close();
                    log.info("Embedded PostgreSQL started early but not used; stopped");
                } catch (CompletionException e) {
                    // it did not start; nothing to stop
                }
            }
        }
    }
}
