package cn.gonggaigong.monitor;

import cn.gonggaigong.monitor.MonitorApiExceptionHandler.BadParametersException;
import cn.gonggaigong.process.Phase;
import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.project.TownRepository;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the request parameters of the monitoring APIs; every bad one is named with its reason (400). */
@Component
public class MonitorParameters {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private final TownRepository towns;

    public MonitorParameters(TownRepository towns) {
        this.towns = towns;
    }

    /** Collects problems; {@link #check()} throws once with all of them. */
    public Reader reader() {
        return new Reader();
    }

    public final class Reader {

        private final List<FieldProblem> problems = new ArrayList<>();

        public YearMonth month(String name, String value, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    problems.add(new FieldProblem(name, "必填，格式为 YYYY-MM，例如 2026-05"));
                }
                return null;
            }
            if (!MONTH.matcher(value.trim()).matches()) {
                problems.add(new FieldProblem(name, "格式应为 YYYY-MM，例如 2026-05"));
                return null;
            }
            try {
                return YearMonth.parse(value.trim());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(name, "不是有效的月份"));
                return null;
            }
        }

        public String town(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            java.util.Optional<FieldProblem> unknown = towns.unknownTown(value);
            if (unknown.isPresent()) {
                problems.add(unknown.get());
                return null;
            }
            return value.trim();
        }

        public Phase phase(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Phase.valueOf(value.trim());
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.oneOf("phase", Phase.values()));
                return null;
            }
        }

        public Grade grade(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return Grade.parse(value.trim()).orElseGet(() -> {
                problems.add(FieldProblem.oneOf("grade", Grade.values()));
                return null;
            });
        }

        public int range(String name, int value, int min, int max) {
            if (value < min || value > max) {
                problems.add(new FieldProblem(name, "必须在 " + min + " 到 " + max + " 之间"));
            }
            return value;
        }

        public void problem(String field, String reason) {
            problems.add(new FieldProblem(field, reason));
        }

        public void check() {
            if (!problems.isEmpty()) {
                throw new BadParametersException(problems);
            }
        }
    }
}
