package cn.gonggaigong.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An input field of a Camunda Form with the rules form-js checks in the browser: {@code validate.required},
 * {@code min}/{@code max}, {@code minLength}/{@code maxLength}, {@code pattern}, the options of a radio or select,
 * {@code decimalDigits} (0 = a whole number).
 */
public record FormField(String key, String type, String subtype, String label, boolean required, BigDecimal min,
                        BigDecimal max, Integer minLength, Integer maxLength, String pattern, String validationType,
                        Integer decimalDigits, boolean disabled, String description, List<Option> options) {

    /** One choice of a radio, select or checklist: its stored value (text or boolean) and label. */
    public record Option(JsonNode value, String label) {
    }

    static FormField of(JsonNode c) {
        JsonNode validate = c.path("validate");
        List<Option> options = new ArrayList<>();
        for (JsonNode v : c.path("values")) {
            options.add(new Option(v.get("value"), v.path("label").asText()));
        }
        String label = c.hasNonNull("label") ? c.get("label").asText()
                : c.hasNonNull("dateLabel") ? c.get("dateLabel").asText() : c.get("key").asText();
        return new FormField(c.get("key").asText(), c.path("type").asText(), text(c, "subtype"), label,
                validate.path("required").asBoolean(false), number(validate, "min"), number(validate, "max"),
                integer(validate, "minLength"), integer(validate, "maxLength"), text(validate, "pattern"),
                text(validate, "validationType"), integer(c, "decimalDigits"), c.path("disabled").asBoolean(false),
                text(c, "description"), List.copyOf(options));
    }

    private static String text(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.get(name).asText() : null;
    }

    private static BigDecimal number(JsonNode node, String name) {
        return node.hasNonNull(name) && node.get(name).isNumber() ? node.get(name).decimalValue() : null;
    }

    private static Integer integer(JsonNode node, String name) {
        return node.hasNonNull(name) && node.get(name).canConvertToInt() ? node.get(name).asInt() : null;
    }

    public boolean isDate() {
        return "datetime".equals(type) && ("date".equals(subtype) || subtype == null);
    }
}
