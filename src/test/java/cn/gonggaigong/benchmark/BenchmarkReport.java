package cn.gonggaigong.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run: printed as a table and written to BENCHMARKS.md. */
final class BenchmarkReport {

    /** BENCHMARKS.md keeps what follows this line (the hand-written tuning notes) when it is written again. */
    static final String KEEP_MARKER = "<!-- Written by hand below this line; the benchmark keeps it. -->";

    record Row(String id, String figure, String measured, String baseline, String ratio, String goal, String verdict) {
    }

    final Map<String, String> setup = new LinkedHashMap<>();
    final List<Row> rows = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    void setup(String key, Object value) {
        setup.put(key, String.valueOf(value));
    }

    void row(String id, String figure, String measured, String baseline, String ratio, String goal, String verdict) {
        rows.add(new Row(id, figure, measured, baseline, ratio, goal, verdict));
        System.out.printf(Locale.ROOT, "[benchmark] %-4s %-60s %-28s %-28s %-10s %-22s %s%n", id, figure, measured,
                baseline, ratio, goal, verdict);
    }

    void notMeasured(String id, String figure, String goal, String why) {
        row(id, figure, "not measured (" + why + ")", "–", "–", goal, "–");
    }

    void note(String text) {
        notes.add(text);
        System.out.println("[benchmark] note: " + text);
    }

    static String f(double value, String unit) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f %s" : value >= 10 ? "%.1f %s" : "%.2f %s", value, unit).trim();
    }

    static String ratio(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by the benchmark (`cn.gonggaigong.benchmark.Benchmark`, test sources); every figure and its "
                + "baseline come from the same run on the same embedded PostgreSQL server.\n\n");
        md.append("## Run\n\n| | |\n|---|---|\n");
        setup.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
        md.append("\n## Figures\n\n| | figure | measured | baseline (same run) | ratio | goal | |\n|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(String.join(" | ", r.id, r.figure, r.measured, r.baseline, r.ratio, r.goal, r.verdict))
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n## How the figures were made\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    /** Writes {@code file}, keeping the hand-written part below {@link #KEEP_MARKER} of an existing one. */
    void write(Path file) throws IOException {
        String kept = KEEP_MARKER + "\n";
        if (Files.exists(file)) {
            String old = Files.readString(file, StandardCharsets.UTF_8);
            int at = old.indexOf(KEEP_MARKER);
            if (at >= 0) {
                kept = old.substring(at);
            }
        }
        Files.writeString(file, markdown() + "\n" + kept, StandardCharsets.UTF_8);
    }
}
