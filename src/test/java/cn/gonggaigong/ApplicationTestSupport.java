package cn.gonggaigong;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
        // The warning e-mails go to a real SMTP server in this JVM (TestMailServer).
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMailServer::port);
    }

    private static Path freshDataDir() {
        try {
            Path parent = Files.createDirectories(Path.of("target", "it-postgres"));
            return Files.createTempDirectory(parent.toAbsolutePath(), "data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A project application that passes every check, changed by {@code change}. */
    protected static Map<String, Object> validApplication(Consumer<Map<String, Object>> change) {
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("name", "占陇镇某纺织厂“工改工”项目");
        app.put("townCode", "zhanlong");
        app.put("applicantName", "普宁市某纺织有限公司");
        app.put("applicantUserId", "applicant-chen");
        app.put("applicantType", "OWNER");
        app.put("renovationMode", "SELF");
        app.put("renovationType", "FULL");
        app.put("ownership", "SINGLE");
        app.put("parcelIds", List.of("BT-445281-0001", "BT-445281-0002"));
        app.put("landAreaSqm", 10000);
        app.put("landAreaMu", 15);
        app.put("existingFloorArea", 8000);
        app.put("currentPlotRatio", 0.8);
        app.put("plannedFloorArea", 30000);
        app.put("plannedPlotRatio", 3.0);
        app.put("industryCategory", "LIGHT_TEXTILE");
        app.put("investment", 50000000);
        app.put("keyIndustryProject", false);
        app.put("pilotProject", false);
        app.put("contiguousAreaMu", 0);
        app.put("historicalLandProcedures", false);
        app.put("unitPlanInForce", false);
        change.accept(app);
        return app;
    }

    /**
     * EXPLAIN of {@code sql} with sequential scans discouraged, in a transaction that is rolled back: the test database
     * is small, so PostgreSQL would read whole tables anyway; this way the plan shows which index can serve the
     * statement (with none that fits, it still names the table scan).
     */
    protected static String planWithoutSeqScans(javax.sql.DataSource dataSource, String sql) {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("set local enable_seqscan = off");
                List<String> lines = new java.util.ArrayList<>();
                try (java.sql.ResultSet rs = statement.executeQuery("explain " + sql)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                return String.join("\n", lines);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
