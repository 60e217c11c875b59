package cn.gonggaigong.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/run-jar.sh}, the launcher an installation uses (README), on the jar this build packaged: its first
 * use extracts the jar and records its classes, then the application starts on them with the JIT compiler's threads
 * behind the application's and every other thread where it was (BENCHMARKS.md, P5) and stops cleanly on SIGTERM.
 * How fast is the benchmark's business (P5), not this test's.
 */
class LauncherIT {

    private static final String LAUNCHER = Path.of("scripts", "run-jar.sh").toAbsolutePath().toString();

    @TempDir
    Path dir;

    @Test
    void startsThePackagedApplicationOnItsRecordedClassesWithTheCompilerBehindAndStopsOnSigterm() throws Exception {
        Path jar = StartAndMemory.applicationJar().orElseThrow(() -> new AssertionError("no application jar in target/"));
        Path appDir = dir.resolve("app");
        Path dataDir = dir.resolve("postgres");
        Path log = Path.of("target", "launcher-it.log").toAbsolutePath();
        Map<String, String> env = Map.of("GGG_APP_DIR", appDir.toString(), "GGG_JAR", jar.toAbsolutePath().toString());

        StartAndMemory.Launched app = StartAndMemory.launch(List.of(LAUNCHER),
                env, log, "--ggg.embedded-postgres.data-dir=" + dataDir, "--ggg.embedded-postgres.port=0");
        try {
            long pid = app.process().pid(); // the script execs the JVM
            assertThat(appDir.resolve("app.jsa")).as("the classes recorded by the training start").isRegularFile();
            assertThat(Files.readString(Path.of("/proc", String.valueOf(pid), "maps")))
                    .as("the JVM maps the recorded classes").contains(appDir.resolve("app.jsa").toString());

            List<Integer> compilers = new ArrayList<>();
            List<Integer> webThreads = new ArrayList<>();
            List<String> othersNotAtZero = new ArrayList<>();
            for (OsThread thread : threads(pid)) {
                if (thread.name().matches("C[12] CompilerThre.*")) {
                    compilers.add(thread.nice());
                } else if (!thread.name().equals("Sweeper thread")) { // the compiled code's sweeper goes with the compiler
                    if (thread.name().startsWith("http-nio-")) {
                        webThreads.add(thread.nice());
                    }
                    if (thread.nice() != 0) {
                        othersNotAtZero.add(thread.name() + " " + thread.nice());
                    }
                }
            }
            assertThat(compilers).as("the JIT compiler's threads").isNotEmpty().containsOnly(5);
            assertThat(webThreads).as("the web server's threads").isNotEmpty();
            assertThat(othersNotAtZero).as("every other thread at nice 0, root or not (GC, VM, web server, jobs)").isEmpty();

            // In the jar, the application's classes come before Camunda's webjar: Tasklist gets our configuration.
            HttpResponse<String> config = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + app.port() + "/camunda/app/tasklist/scripts/config.js"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(config.statusCode()).isEqualTo(200);
            assertThat(config.body()).contains("availableLocales: ['zh']", "vendor: '工改工'");
        } finally {
            app.stop();
        }
        assertThat(app.process().exitValue()).as("exit after SIGTERM (see " + log + ")").isIn(0, 143);
        assertThat(dataDir.resolve("postmaster.pid")).as("its PostgreSQL server stopped with it").doesNotExist();
        assertThat(Files.readString(log)).contains("Embedded PostgreSQL stopped");
    }

    @Test
    void refusesACompilerNiceValueOutside0To19(@TempDir Path appDir) throws Exception {
        Path jar = StartAndMemory.applicationJar().orElseThrow(() -> new AssertionError("no application jar in target/"));
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER, "--prepare")
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of("GGG_APP_DIR", appDir.toString(), "GGG_JAR", jar.toAbsolutePath().toString(),
                "GGG_COMPILER_NICE", "-4"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isEqualTo(1);
        assertThat(output).contains("GGG_COMPILER_NICE=-4 无效：应为 0 到 19 的整数");
        try (Stream<Path> files = Files.list(appDir)) {
            assertThat(files).as("nothing extracted or trained").isEmpty();
        }
    }

    /** A thread of a process and its nice value. */
    record OsThread(String name, int nice) {
    }

    /** Each thread of the process with its nice value ({@code /proc/<pid>/task/<tid>/stat}). */
    private static List<OsThread> threads(long pid) throws IOException {
        List<OsThread> threads = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                // fields after the name, from the third (state): the nineteenth, nice, is the seventeenth of these
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                threads.add(new OsThread(name, Integer.parseInt(fields[16])));
            }
        }
        return threads;
    }
}
