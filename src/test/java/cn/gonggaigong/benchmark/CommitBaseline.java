package cn.gonggaigong.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's own limit: a plain JDBC loop of one-row INSERT + COMMIT, each thread on its own connection, for a
 * fixed time. Engine transactions per second read as a fraction of this.
 */
final class CommitBaseline {

    private CommitBaseline() {
    }

    /** Commits per second of {@code threads} threads over {@code seconds}, on a table of its own in {@code jdbcUrl}. */
    static double commitsPerSecond(String jdbcUrl, String user, int threads, double seconds) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, null); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_commit (id bigserial primary key, thread int not null, "
                    + "payload varchar(100) not null, at timestamptz not null default now())");
        }
        AtomicLong commits = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(jdbcUrl, user, null);
                     PreparedStatement insert = c.prepareStatement("insert into bench_commit (thread, payload) values (?, ?)")) {
                    c.setAutoCommit(false);
                    while (System.nanoTime() < deadline) {
                        insert.setInt(1, thread);
                        insert.setString(2, "基准测试提交");
                        insert.executeUpdate();
                        c.commit();
                        commits.incrementAndGet();
                    }
                } catch (SQLException e) {
                    failures.add(e);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return commits.get() / elapsed;
    }
}
