package cn.gonggaigong.clock;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time limits written in working days, as people write them: {@code 10 working days}, {@code 1 working day},
 * {@code 10个工作日}, {@code 10工作日}. Anything else (an ISO-8601 duration or date) is left to Camunda's calendars.
 */
public final class WorkingDays {

    private static final Pattern EXPRESSION = Pattern.compile(
            "^\\s*(\\d{1,4})\\s*(?:working\\s+days?|个工作日|工作日)\\s*$", Pattern.CASE_INSENSITIVE);

    private WorkingDays() {
    }

    /** The number of working days of an expression, or empty when it is not written in working days. */
    public static OptionalInt parse(String expression) {
        if (expression == null) {
            return OptionalInt.empty();
        }
        Matcher m = EXPRESSION.matcher(expression);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
