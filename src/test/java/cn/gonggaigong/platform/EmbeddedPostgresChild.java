package cn.gonggaigong.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

/**
 * A separate JVM for {@link EmbeddedPostgresServerIT}: starts the server on the data directory given as argument,
 * commits a row, prints {@code READY <port>} and waits to be killed hard (the test's stand-in for kill -9 of the
 * application).
 */
public final class EmbeddedPostgresChild {

    static final String READY = "READY";

    private EmbeddedPostgresChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                new EmbeddedPostgresProperties(Path.of(args[0]), 0, "gonggaigong", Duration.ofSeconds(60)));
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists survivor (note text)");
            statement.execute("insert into survivor values ('committed before kill -9')");
        }
        System.out.println(READY + " " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
