package cn.gonggaigong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server on a real PostgreSQL: durability settings, persistence, recovery after hard kills. */
class EmbeddedPostgresServerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path tempDir;

    private EmbeddedPostgresServer start(Path dataDir) {
        return EmbeddedPostgresServer.start(new EmbeddedPostgresProperties(dataDir, 0, "gonggaigong", TIMEOUT));
    }

    @Test
    void startsWithFsyncAndSynchronousCommitOn() throws SQLException {
        try (EmbeddedPostgresServer server = start(tempDir.resolve("pg"))) {
            assertThat(server.port()).isPositive();
            assertThat(query(server, "SHOW fsync")).isEqualTo("on");
            assertThat(query(server, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(query(server, "SELECT current_database()")).isEqualTo("gonggaigong");
            assertThat(query(server, "SHOW server_encoding")).isEqualTo("UTF8");
        }
    }

    @Test
    void aServerStartedEarlyIsTakenOnceAndWorks() throws SQLException {
        EarlyEmbeddedPostgres.Starting starting = new EarlyEmbeddedPostgres.Starting(
                new EmbeddedPostgresProperties(tempDir.resolve("pg"), 0, "gonggaigong", TIMEOUT));
        try (EmbeddedPostgresServer server = starting.take()) {
            assertThat(query(server, "SHOW fsync")).isEqualTo("on");
            assertThatThrownBy(starting::take).isInstanceOf(IllegalStateException.class);
            starting.destroy(); // taken: the server stays up for its owner
            assertThat(query(server, "SELECT current_database()")).isEqualTo("gonggaigong");
        }
    }

    @Test
    void aServerStartedEarlyThatNothingTookIsStoppedWhenTheContextIsDestroyed() {
        Path dataDir = tempDir.resolve("pg");
        EarlyEmbeddedPostgres.Starting starting = new EarlyEmbeddedPostgres.Starting(
                new EmbeddedPostgresProperties(dataDir, 0, "gonggaigong", TIMEOUT));
        starting.destroy();
        assertThat(starting.taken()).isTrue();
        assertThat(dataDir.resolve("PG_VERSION")).exists();
        assertThat(dataDir.resolve(StalePostmasterPid.PID_FILE)).doesNotExist();
    }

    @Test
    void keepsCommittedDataAcrossRestarts() throws SQLException {
        Path dataDir = tempDir.resolve("pg");
        try (EmbeddedPostgresServer server = start(dataDir)) {
            update(server, "create table note (text text)", "insert into note values ('占陇镇')");
        }
        assertThat(dataDir.resolve(StalePostmasterPid.PID_FILE)).doesNotExist();
        try (EmbeddedPostgresServer server = start(dataDir)) {
            assertThat(query(server, "SELECT text FROM note")).isEqualTo("占陇镇");
        }
    }

    @Test
    void recoversFromAStalePidFileWhosePidBelongsToAnotherProcess() throws Exception {
        Path dataDir = tempDir.resolve("pg");
        EmbeddedPostgresServer server = start(dataDir);
        update(server, "create table note (text text)", "insert into note values ('before the crash')");
        Path pidFile = dataDir.resolve(StalePostmasterPid.PID_FILE);
        long postmasterPid = StalePostmasterPid.readPid(pidFile).orElseThrow();
        // The server dies without a clean shutdown (power loss, OOM killer, container stop).
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid).orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        server.close(); // only releases the directory lock: there is no server left to stop
        // After a reboot the PID in postmaster.pid often belongs to an unrelated live process, and PostgreSQL
        // then refuses to start. Simulate that with this test's own PID.
        List<String> lines = new ArrayList<>(Files.readAllLines(pidFile));
        lines.set(0, Long.toString(ProcessHandle.current().pid()));
        Files.write(pidFile, lines);

        try (EmbeddedPostgresServer restarted = start(dataDir)) {
            assertThat(query(restarted, "SELECT text FROM note")).isEqualTo("before the crash");
            assertThat(StalePostmasterPid.readPid(pidFile)).isPresent().get().isNotEqualTo(ProcessHandle.current().pid());
        }
    }

    @Test
    void stopsTheOrphanedServerOfAKilledApplicationAndTakesOver() throws Exception {
        Path dataDir = tempDir.resolve("pg");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedPostgresChild.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .start();
        long orphanPid;
        try {
            awaitReady(child);
            orphanPid = StalePostmasterPid.readPid(dataDir.resolve(StalePostmasterPid.PID_FILE)).orElseThrow();
        } finally {
            child.destroyForcibly(); // kill -9 of the application; its PostgreSQL server keeps running
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(orphanPid)).get().matches(ProcessHandle::isAlive, "orphaned postmaster alive");

        try (EmbeddedPostgresServer server = start(dataDir)) {
            assertThat(query(server, "SELECT note FROM survivor")).isEqualTo("committed before kill -9");
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).isEmpty();
        }
    }

    @Test
    void refusesADataDirectoryAnotherRunningServerOwns() throws Exception {
        Path dataDir = tempDir.resolve("pg");
        try (EmbeddedPostgresServer server = start(dataDir)) {
            assertThatThrownBy(() -> StalePostmasterPid.recover(dataDir, TIMEOUT))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running application");
            assertThat(query(server, "SELECT 1")).isEqualTo("1");
        }
    }

    private static void awaitReady(Process child) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith(EmbeddedPostgresChild.READY + " ")) {
                return;
            }
            seen.append(line).append('\n');
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        throw new AssertionError("child JVM did not start its server:\n" + seen);
    }

    private static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = connect(server);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    private static void update(EmbeddedPostgresServer server, String... sql) throws SQLException {
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, "");
    }
}
