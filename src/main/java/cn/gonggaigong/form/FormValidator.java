package cn.gonggaigong.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import cn.gonggaigong.project.FieldProblem;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a submission against a task's Camunda Form, as form-js does in the browser, and converts each value to
 * the variable type the models' gateways and listeners expect: numbers to {@code Double} ({@code Long} when the
 * field allows no decimals), radio/select values to the option's type ({@code Boolean} for yes/no), checkboxes
 * to {@code Boolean}, dates and texts to {@code String}.
 * <p>
 * Fields the form does not have are <b>rejected</b> ({@value #UNKNOWN_FIELD}); values for read-only
 * ({@code disabled}) fields are ignored, since form-js shows them but never lets the user change them.
 */
public final class FormValidator {

    public static final String UNKNOWN_FIELD = "表单中没有该字段";
    public static final String REQUIRED = "必填";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{5,20}$");

    private FormValidator() {
    }

    /** The typed variables, or the problems (field names prefixed with {@code prefix}, e.g. {@code decisions[1].}). */
    public record Result(Map<String, Object> variables, List<FieldProblem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static Result validate(FormDefinition form, Map<String, ?> submitted, String prefix) {
        Map<String, Object> variables = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, ?> values = submitted == null ? Map.of() : submitted;
        for (String key : values.keySet()) {
            if (form.field(key).isEmpty()) {
                problems.add(new FieldProblem(prefix + key, UNKNOWN_FIELD));
            }
        }
        for (FormField field : form.fields()) {
            if (field.disabled()) {
                continue;
            }
            Object value = values.get(field.key());
            if (isEmpty(value)) {
                if (field.required()) {
                    problems.add(new FieldProblem(prefix + field.key(), REQUIRED));
                }
                continue;
            }
            try {
                Object converted = convert(field, value);
                variables.put(field.key(), converted);
                if (field.required() && "checkbox".equals(field.type()) && Boolean.FALSE.equals(converted)) {
                    // As form-js: a required checkbox ("已阅读并同意……") must be ticked.
                    problems.add(new FieldProblem(prefix + field.key(), REQUIRED));
                }
            } catch (Invalid invalid) {
                problems.add(new FieldProblem(prefix + field.key(), invalid.getMessage()));
            }
        }
        return new Result(variables, problems);
    }

    /** Nothing entered: no value, an empty list, or text of nothing but spaces (a 文号 of three spaces is none). */
    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty());
    }

    private static Object convert(FormField field, Object value) throws Invalid {
        return switch (field.type()) {
            case "number" -> number(field, value);
            case "checkbox" -> bool(value);
            case "radio", "select" -> option(field, value);
            case "checklist", "taglist" -> options(field, value);
            case "datetime" -> dateTime(field, value);
            case "textfield", "textarea" -> text(field, value);
            default -> value;
        };
    }

    private static Object number(FormField field, Object value) throws Invalid {
        BigDecimal number;
        if (value instanceof Number n) {
            try {
                number = new BigDecimal(n.toString());
            } catch (NumberFormatException e) {
                // Infinity or NaN: JSON's 1e400 arrives as a double too large to hold.
                throw new Invalid("数值过大或无效");
            }
        } else if (value instanceof String s) {
            try {
                number = new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw new Invalid("必须是数字");
            }
        } else {
            throw new Invalid("必须是数字");
        }
        boolean whole = field.decimalDigits() != null && field.decimalDigits() == 0;
        if (whole && number.stripTrailingZeros().scale() > 0) {
            throw new Invalid("必须是整数");
        }
        if (field.decimalDigits() != null && field.decimalDigits() > 0
                && number.stripTrailingZeros().scale() > field.decimalDigits()) {
            throw new Invalid("最多保留" + field.decimalDigits() + "位小数");
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            throw new Invalid("不能小于" + field.min().toPlainString());
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            throw new Invalid("不能大于" + field.max().toPlainString());
        }
        if (whole) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw new Invalid("数值过大");
            }
        }
        return number.doubleValue();
    }

    private static Boolean bool(Object value) throws Invalid {
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf((String) value);
        }
        throw new Invalid("必须是true或false");
    }

    private static Object option(FormField field, Object value) throws Invalid {
        for (FormField.Option option : field.options()) {
            if (matches(option.value(), value)) {
                return plain(option.value());
            }
        }
        throw new Invalid("取值无效，可选值：" + field.options().stream()
                .map(o -> o.label() + "(" + o.value().asText() + ")").collect(Collectors.joining("、")));
    }

    private static Object options(FormField field, Object value) throws Invalid {
        if (!(value instanceof Collection<?> values)) {
            throw new Invalid("必须是数组");
        }
        List<Object> chosen = new ArrayList<>();
        for (Object v : values) {
            chosen.add(option(field, v));
        }
        return chosen.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static boolean matches(JsonNode option, Object value) {
        if (option == null) {
            return false;
        }
        if (option.isBoolean()) {
            return value instanceof Boolean b ? b == option.booleanValue() : option.asText().equals(value);
        }
        if (option.isNumber()) {
            return value instanceof Number n && new BigDecimal(n.toString()).compareTo(option.decimalValue()) == 0;
        }
        return value instanceof String s && s.equals(option.asText());
    }

    private static Object plain(JsonNode option) {
        if (option.isBoolean()) {
            return option.booleanValue();
        }
        if (option.isIntegralNumber()) {
            return option.longValue();
        }
        if (option.isNumber()) {
            return option.doubleValue();
        }
        return option.asText();
    }

    private static String dateTime(FormField field, Object value) throws Invalid {
        if (!(value instanceof String s)) {
            throw new Invalid(field.isDate() ? "日期格式应为YYYY-MM-DD" : "日期时间格式不正确");
        }
        try {
            if (field.isDate()) {
                LocalDate.parse(s);
            } else if ("time".equals(field.subtype())) {
                LocalTime.parse(s.length() > 8 ? s.substring(0, 8) : s);
            } else {
                OffsetDateTime.parse(s);
            }
        } catch (DateTimeParseException e) {
            throw new Invalid(field.isDate() ? "日期格式应为YYYY-MM-DD" : "日期时间格式不正确");
        }
        return s;
    }

    private static String text(FormField field, Object value) throws Invalid {
        if (!(value instanceof String s)) {
            throw new Invalid("必须是文本");
        }
        int length = s.codePointCount(0, s.length());
        if (field.minLength() != null && length < field.minLength()) {
            throw new Invalid("长度不能少于" + field.minLength() + "个字符");
        }
        if (field.maxLength() != null && length > field.maxLength()) {
            throw new Invalid("长度不能超过" + field.maxLength() + "个字符");
        }
        if ("email".equals(field.validationType()) && !EMAIL.matcher(s).matches()) {
            throw new Invalid("必须是有效的电子邮箱地址");
        }
        if ("phone".equals(field.validationType()) && !PHONE.matcher(s).matches()) {
            throw new Invalid("必须是有效的电话号码");
        }
        if (field.pattern() != null && !matchesPattern(field.pattern(), s)) {
            throw new Invalid(field.description() != null ? "格式不正确（" + field.description() + "）" : "格式不正确");
        }
        return s;
    }

    private static boolean matchesPattern(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).find();
        } catch (PatternSyntaxException e) {
            return true;
        }
    }

    private static final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }
}
