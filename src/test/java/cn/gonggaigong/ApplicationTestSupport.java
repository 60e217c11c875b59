package cn.gonggaigong;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import cn.gonggaigong.escalation.WarningJobHandler;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests that boot the whole application: always on the embedded PostgreSQL (even when
 * SPRING_DATASOURCE_URL is set in the environment), on a fresh data directory under target/ and any free port.
 * All subclasses share one application context.
 */
// The calendar warnings' minute-by-minute flush is left to the tests that call it (CalendarWarningsIT).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ggg.calendar-warnings.flush-interval=PT24H")
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
    private static final java.util.concurrent.atomic.AtomicInteger PARCELS = new java.util.concurrent.atomic.AtomicInteger();

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
        // Parcels of their own: a parcel of a project under way cannot be applied for again.
        int n = PARCELS.incrementAndGet();
        app.put("parcelIds", List.of("BT-T" + n + "-1", "BT-T" + n + "-2"));
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
     * Makes {@code call} (an action that ends tasks) meet the job executor of another node locking the tasks'
     * escalation timers — a deadline falling due while the action runs — deterministically: the "other node" updates
     * the timer jobs as Camunda's acquisition does (a new revision and its lock) in a transaction it holds open; the
     * action reads the old revision, waits on that row lock when it deletes the timers, and finds the revision changed
     * once the other node commits (Camunda's OptimisticLockingException). Returns the action's answer, after checking
     * that the timers are gone.
     */
    protected static <T> T whileAnotherNodeLocksTheTimersOf(DataSource dataSource, List<String> taskIds, Callable<T> call)
            throws Exception {
        JdbcTemplate sql = new JdbcTemplate(dataSource);
        List<String> timers = timersOf(sql, taskIds);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Connection otherNode = dataSource.getConnection()) {
            otherNode.setAutoCommit(false);
            try (PreparedStatement lock = otherNode.prepareStatement("update act_ru_job set rev_ = rev_ + 1, lock_owner_ = 'node-2',"
                    + " lock_exp_time_ = now() + interval '5 minutes' where id_ = any (?)")) {
                lock.setArray(1, otherNode.createArrayOf("varchar", timers.toArray()));
                assertThat(lock.executeUpdate()).isEqualTo(timers.size());
            }
            Future<T> answer = caller.submit(call);
            assertThat(waitsOnALockOfTheJobTable(sql, answer))
                    .as("the action's deletion of the timers waits for the other node's transaction").isTrue();
            otherNode.commit();
            T done = answer.get(60, TimeUnit.SECONDS);
            assertThat(sql.queryForObject("select count(*) from act_ru_job where id_ = any (?)", Long.class,
                    (Object) timers.toArray(String[]::new))).as("the timers the other node had locked, after the action").isZero();
            return done;
        } finally {
            caller.shutdownNow();
        }
    }

    /**
     * Runs {@code call} while every attempt to delete the tasks' escalation timers finds them changed: a trigger skips
     * those deletes, so Camunda's {@code DELETE ... where ID_ = ? and REV_ = ?} changes no row and Camunda reports a
     * concurrent change (OptimisticLockingException) each time — the case where retrying does not help. The trigger is
     * dropped afterwards, whatever happens.
     */
    protected static <T> T whileTheTimersOfKeepChanging(DataSource dataSource, List<String> taskIds, Callable<T> call)
            throws Exception {
        JdbcTemplate sql = new JdbcTemplate(dataSource);
        List<String> timers = timersOf(sql, taskIds);
        sql.execute("create table test_undeletable_job (id_ varchar(64) primary key)");
        try {
            sql.update("insert into test_undeletable_job select unnest(?)", (Object) timers.toArray(String[]::new));
            sql.execute("""
                    create function test_skip_undeletable_job() returns trigger language plpgsql as $$
                    begin
                        if exists (select 1 from test_undeletable_job where id_ = old.id_) then
                            return null;
                        end if;
                        return old;
                    end $$""");
            sql.execute("create trigger test_skip_undeletable_job before delete on act_ru_job"
                    + " for each row execute function test_skip_undeletable_job()");
            return call.call();
        } finally {
            sql.execute("drop trigger if exists test_skip_undeletable_job on act_ru_job");
            sql.execute("drop function if exists test_skip_undeletable_job()");
            sql.execute("drop table test_undeletable_job");
        }
    }

    /** The ids of the tasks' escalation timer jobs; each task must have some. */
    private static List<String> timersOf(JdbcTemplate sql, List<String> taskIds) {
        List<String> timers = new ArrayList<>();
        for (String taskId : taskIds) {
            List<String> own = sql.queryForList("select id_ from act_ru_job where handler_type_ = ? and handler_cfg_ like ?",
                    String.class, WarningJobHandler.TYPE, taskId + ":%");
            assertThat(own).as("escalation timers of task %s", taskId).isNotEmpty();
            timers.addAll(own);
        }
        return timers;
    }

    /** Whether, before the call has ended, a session waits on a lock while it changes act_ru_job. */
    private static boolean waitsOnALockOfTheJobTable(JdbcTemplate sql, Future<?> call) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && !call.isDone()) {
            Long waiting = sql.queryForObject("select count(*) from pg_stat_activity where datname = current_database()"
                    + " and wait_event_type = 'Lock' and query ilike '%act_ru_job%'", Long.class);
            if (waiting != null && waiting > 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /**
     * EXPLAIN of {@code sql} with sequential scans discouraged, in a transaction that is rolled back: the test database
     * is small, so PostgreSQL would read whole tables anyway; this way the plan shows which index can serve the
     * statement (with none that fits, it still names the table scan). {@code before}: statements run first in the same
     * transaction (e.g. dropping an index that competes on so few rows), undone with it.
     */
    protected static String planWithoutSeqScans(DataSource dataSource, String sql, String... before) {
        try (Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("set local enable_seqscan = off");
                for (String first : before) {
                    statement.execute(first);
                }
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
