package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class WebappNameOrderFilterTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aChineseNameIsWrittenFamilyNameFirstWithoutASpace() throws Exception {
        JsonNode users = json.readTree("""
                [{"id":"zhanlong1","firstName":"经办员","lastName":"占陇镇","email":"z@demo.invalid"},
                 {"id":"zhangsan","firstName":"三","lastName":"张"}]""");
        assertThat(WebappNameOrderFilter.reorder(users)).isTrue();
        assertThat(users.get(0).get("firstName").asText()).isEqualTo("占陇镇经办员");
        assertThat(users.get(0).get("lastName").asText()).isEmpty();
        assertThat(users.get(0).get("email").asText()).isEqualTo("z@demo.invalid");
        assertThat(users.get(1).get("firstName").asText()).isEqualTo("张三");
    }

    @Test
    void theUsersInsideATaskListAnswerAreReorderedAndNothingElse() throws Exception {
        JsonNode hal = json.readTree("""
                {"_embedded":{"task":[{"id":"t1","name":"摸查改造意愿","assignee":"zhanlong1"}],
                  "assignee":[{"id":"zhanlong1","firstName":"经办员","lastName":"占陇镇"}]},"count":1}""");
        assertThat(WebappNameOrderFilter.reorder(hal)).isTrue();
        assertThat(hal.at("/_embedded/assignee/0/firstName").asText()).isEqualTo("占陇镇经办员");
        assertThat(hal.at("/_embedded/task/0/name").asText()).isEqualTo("摸查改造意愿");
    }

    @Test
    void aLatinNameAnEmptyFamilyNameAndWhatIsNoUserAreLeftAsTheyAre() throws Exception {
        JsonNode answer = json.readTree("""
                [{"id":"demo","firstName":"Demo","lastName":"Administrator"},
                 {"id":"x","firstName":"占陇镇经办员","lastName":""},
                 {"id":"y","firstName":null,"lastName":"占陇镇"},
                 {"firstName":"三","lastName":"张"}]""");
        assertThat(WebappNameOrderFilter.reorder(answer)).isFalse();
        assertThat(answer.get(0).get("firstName").asText()).isEqualTo("Demo");
        assertThat(answer.get(1).get("firstName").asText()).isEqualTo("占陇镇经办员");
        assertThat(answer.get(3).get("firstName").asText()).isEqualTo("三");
    }
}
