package cn.gonggaigong.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tasklist, Camunda's welcome page, Cockpit and Admin speak Chinese: our {@code locales/zh.json} (the only locale their config.js
 * offers) holds every text of Camunda's own English file, as it is in the webjar on the class path, with the same
 * placeholders and markup; a Camunda upgrade that adds a text fails here until it is translated.
 */
class CamundaWebappLocalesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Interpolations, the HTML tags Camunda's texts hold, and printf-style slots. ({@code <Operation>}, a list's
     * placeholder option, is a text, not a tag.) */
    private static final Pattern PLACEHOLDER_OR_TAG = Pattern.compile(
            "\\{\\{[^}]*}}|</?(?:a|b|br|code|em|i|li|p|span|strong|ul)\\b[^>]*>|%[sd]");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    /** What a text without Chinese may hold: the names kept in Latin letters (Camunda's, a resource type's, ID, a
     * value's, a file format's), a date format, and symbols (&lt;, &gt;=, *). */
    private static final Pattern KEPT_IN_LATIN = Pattern.compile(
            "Camunda|Optimize|ID|null|undefined|CSV|JSON|YYYY-MM-DDTHH:mm:ss");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void everyTextOfCamundasEnglishFileIsInChinese(String app) throws IOException {
        Map<String, String> english = texts(read("META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json", true));
        JsonNode chineseFile = read("META-INF/resources/webjars/camunda/app/" + app + "/locales/zh.json", false);
        Map<String, String> chinese = texts(chineseFile);

        assertThat(english).hasSizeGreaterThan(150);
        assertThat(chinese.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
        english.forEach((key, text) -> {
            String translated = chinese.get(key);
            assertThat(marks(translated)).as(key + ": placeholders and markup").isEqualTo(marks(text));
            if (key.startsWith("labels.") && !CHINESE.matcher(translated).find()) {
                if (translated.isEmpty() && "s".equals(text)) {
                    return; // an English plural's ending, which Chinese does not have
                }
                assertThat(translated).as(key + " is not translated").isEqualTo(text);
                assertThat(KEPT_IN_LATIN.matcher(translated).replaceAll("")).as(key + " is not translated")
                        .doesNotContainPattern("[A-Za-z]");
            }
        });
        if (chineseFile.has("dateLocales")) {
            JsonNode dates = chineseFile.get("dateLocales");
            assertThat(dates.get("months").get(11).asText()).isEqualTo("十二月");
            assertThat(dates.get("longDateFormat").get("L").asText()).isEqualTo("YYYY-MM-DD");
            assertThat(dates.get("weekdays").get(1).asText()).isEqualTo("星期一");
        }
    }

    private static List<String> marks(String text) {
        List<String> marks = new ArrayList<>();
        Matcher matcher = PLACEHOLDER_OR_TAG.matcher(text);
        while (matcher.find()) {
            marks.add(matcher.group().replace(" ", ""));
        }
        marks.sort(null);
        return marks;
    }

    /** Every string of the file by its path (labels.CLAIM_TASK, dateLocales.months.0 …). */
    private static Map<String, String> texts(JsonNode file) {
        Map<String, String> texts = new LinkedHashMap<>();
        collect("", file, texts);
        return texts;
    }

    private static void collect(String path, JsonNode node, Map<String, String> texts) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), texts);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "." + i, node.get(i), texts);
            }
        } else {
            texts.put(path, node.asText());
        }
    }

    private static JsonNode read(String path, boolean mayStartWithBom) throws IOException {
        try (InputStream in = resource(path)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                assertThat(mayStartWithBom).as(path + " starts with a byte-order mark").isTrue();
                text = text.substring(1);
            }
            return JSON.readTree(text);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = CamundaWebappLocalesTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as(path + " on the class path").isNotNull();
        return in;
    }
}
