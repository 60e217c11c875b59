package cn.gonggaigong.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static cn.gonggaigong.benchmark.BenchmarkReport.f;
import static cn.gonggaigong.benchmark.BenchmarkReport.verdict;

/**
 * P5: the built application (the Spring Boot jar of {@code mvn package}) started as a process of its own with its
 * default settings and a fresh data directory: time from process start until the engine answers an authenticated
 * REST call, then the JVM's resident memory after a quiet minute's fraction (VmRSS of /proc/PID/status); the same
 * again on the existing data directory (a restart).
 */
final class StartAndMemory {

    static final String READY_PATH = "/engine-rest/engine";

    private StartAndMemory() {
    }

    /** The repackaged application jar under target/, if the build made one. */
    static Optional<Path> applicationJar() throws IOException {
        Path target = Path.of("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("gonggaigong-workflow-.*\\.jar")).findFirst();
        }
    }

    static void measure(Path work, BenchmarkReport report) throws Exception {
        Optional<Path> jar = applicationJar();
        if (jar.isEmpty()) {
            report.notMeasured("P5", "cold start to ready; idle RSS", "≤ 15 s, ≤ 700 MB", "no application jar in target/: run "
                    + "through the Maven profile, which packages it first");
            return;
        }
        Path dataDir = Files.createTempDirectory(work, "p5-postgres-");
        Started first = start(jar.get(), dataDir);
        Started restart = start(jar.get(), dataDir);
        Started capped = start(jar.get(), dataDir, "-Xmx512m");
        report.row("P5", "cold start to ready, fresh data directory (initdb, schema, deployment)", f(first.seconds, "s"), "–", "–",
                "≤ 15 s", verdict(first.seconds <= 15));
        report.row("P5", "start to ready, existing data (restart)", f(restart.seconds, "s"), "–", "–", "≤ 15 s",
                verdict(restart.seconds <= 15));
        report.row("P5", "idle RSS of the application JVM (20 s after ready), first start / restart", f(first.rssMb, "MB") + " / "
                + f(restart.rssMb, "MB"), "–", "–", "≤ 700 MB", verdict(Math.max(first.rssMb, restart.rssMb) <= 700));
        report.row("P5", "the same restart with -Xmx512m: start to ready; idle RSS", f(capped.seconds, "s") + "; "
                + f(capped.rssMb, "MB"), "–", "–", "≤ 15 s, ≤ 700 MB", verdict(capped.seconds <= 15 && capped.rssMb <= 700));
        report.row("P5", "idle RSS of its PostgreSQL server processes (not in the goal), first / restart", f(first.postgresMb, "MB")
                + " / " + f(restart.postgresMb, "MB"), "–", "–", "–", "–");
        report.note("P5: `java -jar " + jar.get() + "` with the default JVM settings (max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB here, a quarter of the memory), a fresh "
                + "`ggg.embedded-postgres.data-dir` and any free ports; ready = `GET " + READY_PATH + "` as the demo "
                + "administrator answers 200; RSS = VmRSS of /proc/<pid>/status of the JVM 20 s after ready; the "
                + "PostgreSQL server's processes (the postmaster of postmaster.pid and its backends) are counted separately (sum "
                + "of their VmRSS, which counts shared buffers more than once). Stopped with SIGTERM between the runs; the "
                + "third start adds -Xmx512m to the JVM to show what a heap limit does to the idle footprint.");
    }

    record Started(double seconds, double rssMb, double postgresMb) {
    }

    static Started start(Path jar, Path dataDir, String... jvmOptions) throws Exception {
        Launched app = launch(jar, dataDir.resolveSibling(dataDir.getFileName() + "-" + System.currentTimeMillis() + ".log"),
                List.of(jvmOptions), "--ggg.embedded-postgres.data-dir=" + dataDir, "--ggg.embedded-postgres.port=0");
        try {
            Thread.sleep(20_000);
            double rss = rssMb(app.process.pid());
            return new Started(app.readySeconds, rss, postgresRssMb(dataDir));
        } finally {
            app.stop();
        }
    }

    /** The PostgreSQL server of {@code dataDir} (postmaster.pid) and its processes: the sum of their VmRSS. */
    static double postgresRssMb(Path dataDir) {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid).map(p -> rssMb(p.pid()) + p.descendants().mapToDouble(d -> rssMb(d.pid())).sum())
                    .orElse(0.0);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** A running application process and how long it took to be ready. */
    record Launched(Process process, double readySeconds, int port) {
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Starts the application jar with {@code arguments} on a free HTTP port and waits until it is ready. */
    static Launched launch(Path jar, Path log, List<String> jvmOptions, String... arguments) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_"));
        long begin = System.nanoTime();
        Process process = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + READY_PATH))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(2)).build();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The application stopped while starting; see " + log);
                }
                if ((System.nanoTime() - begin) / 1e9 > 600) {
                    throw new IllegalStateException("The application was not ready after 600 s; see " + log);
                }
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return new Launched(process, (System.nanoTime() - begin) / 1e9, port);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
