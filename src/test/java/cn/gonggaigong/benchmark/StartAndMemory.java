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
import static cn.gonggaigong.benchmark.BenchmarkReport.ratio;
import static cn.gonggaigong.benchmark.BenchmarkReport.verdict;

/**
 * P5: the built application (the Spring Boot jar of {@code mvn package}) started as a process of its own with a
 * fresh data directory: time from process start until the engine answers an authenticated REST call, then the JVM's
 * resident memory 20 s later (VmRSS of /proc/PID/status); the same again on the existing data directory (a
 * restart). Baseline: {@code java -jar} with the JVM's defaults; measured: {@code scripts/run-jar.sh}.
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
        // Baseline: java -jar with the JVM's defaults. Then the launcher an installation uses (scripts/run-jar.sh:
        // -Xmx512m and class-data sharing recorded by one training start): the goal is judged on it.
        Path dataDir = Files.createTempDirectory(work, "p5-postgres-");
        Started first = start(javaJar(jar.get()), dataDir);
        Started restart = start(javaJar(jar.get()), dataDir);
        Path appDir = Files.createTempDirectory(work, "p5-app-");
        Path script = Path.of("scripts", "run-jar.sh").toAbsolutePath();
        List<String> launcher = List.of(script.toString());
        java.util.Map<String, String> env = java.util.Map.of("GGG_JAR", jar.get().toAbsolutePath().toString(),
                "GGG_APP_DIR", appDir.toString());
        double trained = train(script, env, work.resolve("p5-training.log"));
        Path launcherData = Files.createTempDirectory(work, "p5-launcher-postgres-");
        Started fresh = start(launcher, env, launcherData);
        Started again = start(launcher, env, launcherData);
        report.row("P5", "cold start to ready, fresh data directory (initdb, schema, deployment): scripts/run-jar.sh",
                f(fresh.seconds, "s"), f(first.seconds, "s") + " `java -jar`, JVM defaults",
                ratio(first.seconds / fresh.seconds) + "× faster", "≤ 15 s", verdict(fresh.seconds <= 15));
        report.row("P5", "start to ready, existing data (restart): scripts/run-jar.sh", f(again.seconds, "s"),
                f(restart.seconds, "s") + " `java -jar`, JVM defaults", ratio(restart.seconds / again.seconds) + "× faster",
                "≤ 15 s", verdict(again.seconds <= 15));
        report.row("P5", "idle RSS of the application JVM (20 s after ready), first start / restart: scripts/run-jar.sh",
                f(fresh.rssMb, "MB") + " / " + f(again.rssMb, "MB"), f(first.rssMb, "MB") + " / " + f(restart.rssMb, "MB")
                        + " `java -jar`, JVM defaults", ratio(Math.max(first.rssMb, restart.rssMb) / Math.max(fresh.rssMb, again.rssMb))
                        + "× less", "≤ 700 MB", verdict(Math.max(fresh.rssMb, again.rssMb) <= 700));
        report.row("P5", "once per build: extract the jar and record its classes (scripts/run-jar.sh's training start)",
                f(trained, "s"), "–", "–", "–", "–");
        report.row("P5", "idle RSS of its PostgreSQL server processes (not in the goal), first / restart", f(fresh.postgresMb, "MB")
                + " / " + f(again.postgresMb, "MB"), "–", "–", "–", "–");
        report.note("P5: baseline `java -jar " + jar.get() + "` with the default JVM settings (max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB here, a quarter of the memory); measured: "
                + "`scripts/run-jar.sh` (-Xmx512m, class-data sharing: the jar extracted and its classes recorded by one "
                + "training start, timed on its own before the starts; the JIT compiler's threads at nice 5). Each with a fresh "
                + "`ggg.embedded-postgres.data-dir`, then again on it (a restart), any free ports; ready = `GET " + READY_PATH
                + "` as the demo administrator answers 200; RSS = VmRSS of /proc/<pid>/status of the JVM 20 s after ready "
                + "(with class-data sharing it includes the mapped archive); the PostgreSQL server's processes (the "
                + "postmaster of postmaster.pid and its backends) are counted separately (sum of their VmRSS, which counts "
                + "shared buffers more than once). Stopped with SIGTERM between the runs.");
    }

    private static List<String> javaJar(Path jar) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toAbsolutePath().toString());
    }

    /** The launcher's one-time step ({@code --prepare}: extract the jar, record its classes), timed. */
    private static double train(Path script, java.util.Map<String, String> env, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "--prepare").redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_"));
        builder.environment().putAll(env);
        long begin = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(600, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("scripts/run-jar.sh --prepare failed; see " + log);
        }
        return (System.nanoTime() - begin) / 1e9;
    }

    record Started(double seconds, double rssMb, double postgresMb) {
    }

    static Started start(List<String> command, Path dataDir) throws Exception {
        return start(command, java.util.Map.of(), dataDir);
    }

    static Started start(List<String> command, java.util.Map<String, String> env, Path dataDir) throws Exception {
        Launched app = launch(command, env, dataDir.resolveSibling(dataDir.getFileName() + "-" + System.currentTimeMillis() + ".log"),
                "--ggg.embedded-postgres.data-dir=" + dataDir, "--ggg.embedded-postgres.port=0");
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
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return launch(command, java.util.Map.of(), log, arguments);
    }

    /** Runs {@code command} (a java -jar or the launcher script) with {@code arguments} on a free HTTP port and waits
     * until it is ready; the environment's SPRING_* settings are left out, {@code env} added. */
    static Launched launch(List<String> base, java.util.Map<String, String> env, Path log, String... arguments) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new java.util.ArrayList<>(base);
        command.add("--server.port=" + port);
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_"));
        builder.environment().putAll(env);
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
