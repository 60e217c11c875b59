package cn.gonggaigong;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests that boot the whole application: always on the embedded PostgreSQL (even when
 * SPRING_DATASOURCE_URL is set in the environment), on a fresh data directory under target/ and any free port.
 * All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class ApplicationTestSupport {

    /** One fresh cluster per test JVM; never ./data. */
    protected static final Path DATA_DIR = freshDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "");
        registry.add("ggg.embedded-postgres.data-dir", DATA_DIR::toString);
        registry.add("ggg.embedded-postgres.port", () -> "0");
    }

    private static Path freshDataDir() {
        try {
            Path parent = Files.createDirectories(Path.of("target", "it-postgres"));
            return Files.createTempDirectory(parent.toAbsolutePath(), "data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
