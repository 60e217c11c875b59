package cn.gonggaigong.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a data directory startable after the previous server or application was killed hard.
 * <p>
 * PostgreSQL refuses to start while {@code postmaster.pid} names a live process. After a power loss or a
 * container restart that PID is often reused by an unrelated process, so the file is removed when the PID is
 * not a live postgres process. When the JVM that owned the server was killed (kill -9), the detached postmaster
 * keeps running: it is recognised (a postgres process working in this data directory while no JVM holds the
 * directory's lock) and shut down, so the new application can start its own server. A directory that another
 * running application still uses is left alone and reported.
 */
final class StalePostmasterPid {

    static final String PID_FILE = "postmaster.pid";
    /** The lock file zonky's EmbeddedPostgres holds (FileChannel.tryLock) while it owns a data directory. */
    static final String OWNER_LOCK_FILE = "epg-lock";

    private static final Logger log = LoggerFactory.getLogger(StalePostmasterPid.class);

    private StalePostmasterPid() {
    }

    /**
     * Prepares {@code dataDir} for a server start.
     *
     * @throws IllegalStateException when another running application owns the data directory
     */
    static void recover(Path dataDir, Duration shutdownTimeout) throws IOException {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<Long> pid = readPid(pidFile);
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !isPostgres(process.get())) {
            stopOrphanedBackends(dataDir, shutdownTimeout);
            Files.deleteIfExists(pidFile);
            log.warn("Removed stale {} (PID {} is not a running PostgreSQL server) from {}; the previous server "
                    + "was stopped without a clean shutdown, PostgreSQL will run crash recovery",
                    PID_FILE, pid.map(String::valueOf).orElse("unreadable"), dataDir);
            return;
        }
        ProcessHandle postmaster = process.get();
        if (!worksIn(postmaster, dataDir).orElse(true)) {
            // A postgres process of another cluster got the recycled PID.
            Files.deleteIfExists(pidFile);
            log.warn("Removed stale {} from {}: PID {} now belongs to a PostgreSQL server of another data directory",
                    PID_FILE, dataDir, postmaster.pid());
            return;
        }
        if (ownedByRunningApplication(dataDir)) {
            throw new IllegalStateException("The PostgreSQL data directory " + dataDir + " is in use by another running "
                    + "application (postmaster PID " + postmaster.pid() + "). Stop it first, or set "
                    + "ggg.embedded-postgres.data-dir to another directory.");
        }
        log.warn("Found an orphaned PostgreSQL server (PID {}) on {} left by an application that was killed; "
                + "shutting it down", postmaster.pid(), dataDir);
        stop(postmaster, shutdownTimeout);
        stopOrphanedBackends(dataDir, shutdownTimeout);
        Files.deleteIfExists(pidFile);
    }

    static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        // Unknown command (other user, no /proc): assume it is postgres and keep the file; PostgreSQL then decides.
        return process.info().command()
                .map(command -> Path.of(command).getFileName().toString())
                .map(name -> name.equals("postgres") || name.equals("postgres.exe"))
                .orElse(true);
    }

    /**
     * Whether a PostgreSQL process serves {@code dataDir}: its working directory is the data directory.
     * Empty where that cannot be seen (no /proc).
     */
    private static Optional<Boolean> worksIn(ProcessHandle process, Path dataDir) {
        Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
        try {
            return Optional.of(Files.readSymbolicLink(cwd).toRealPath().equals(dataDir.toRealPath()));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean ownedByRunningApplication(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve(OWNER_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /**
     * Backends of a dead postmaster exit by themselves soon after it; one still attached to the old shared
     * memory must not overlap with a new server, so any left are stopped before the pid file goes.
     */
    private static void stopOrphanedBackends(Path dataDir, Duration timeout) {
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false))
                .filter(p -> worksIn(p, dataDir).orElse(false))
                .toList()
                .forEach(backend -> stop(backend, timeout));
    }

    /** SIGTERM (PostgreSQL: smart shutdown, which is immediate without clients), SIGKILL after the timeout. */
    private static void stop(ProcessHandle process, Duration timeout) {
        process.destroy();
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("PostgreSQL process {} did not stop within {}; killing it", process.pid(), timeout);
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL process " + process.pid(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not stop PostgreSQL process " + process.pid(), e);
        }
    }
}
