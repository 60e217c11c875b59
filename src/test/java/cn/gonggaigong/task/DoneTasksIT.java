package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * 我的已办 (GET /api/tasks/done): the steps a person completed, newest first, with the project, what the step decided
 * in the words of the project's timeline, the document number and the opinion; only one's own; found by a word.
 */
class DoneTasksIT extends WorkApiTestSupport {

    @Test
    void theStepsOneCompletedAreListedNewestFirstWithWhatTheyDecided() throws Exception {
        JsonNode project = apply("zhanlong", "已办校验袜厂改造项目");
        String code = project.get("code").asText();
        complete("zhanlong1", code, "Task_SurveyWillingness", willingness());
        complete("zhanlong1", code, "Task_SurveyBaseData", Map.of("landAreaSqm", 20000, "landAreaMu", 30,
                "existingFloorArea", 18000, "currentPlotRatio", 0.9, "parcelIds", "DONE-" + code, "surveyDate", "2026-03-10"));
        complete("zhanlong2", code, "Task_PublishBaseData", Map.of("noticeStartDate", "2026-03-11",
                "noticeEndDate", "2026-03-18", "objectionsRaised", false));

        List<JsonNode> mine = done("zhanlong1", code);
        assertThat(mine).extracting(d -> d.get("taskDefinitionKey").asText())
                .containsExactly("Task_SurveyBaseData", "Task_SurveyWillingness");
        JsonNode willingness = mine.get(1);
        assertThat(willingness.get("projectId").asLong()).isEqualTo(project.get("id").asLong());
        assertThat(willingness.get("projectCode").asText()).isEqualTo(code);
        assertThat(willingness.get("projectName").asText()).isEqualTo("已办校验袜厂改造项目");
        assertThat(willingness.get("townName").asText()).isEqualTo("占陇镇");
        assertThat(willingness.get("doneAt").asText()).isNotBlank();
        assertThat(mine.get(0).get("doneAt").asText()).isGreaterThanOrEqualTo(willingness.get("doneAt").asText());
        // What it decided, as the project's timeline says it (the form's option, not the stored value).
        JsonNode timeline = get("zhanlong1", "/api/projects/{id}/overview", project.get("id").asLong()).body().get("timeline");
        JsonNode step = null;
        for (JsonNode entry : timeline) {
            if (entry.get("taskDefinitionKey").asText().equals("Task_SurveyWillingness")) {
                step = entry;
            }
        }
        assertThat(step).isNotNull();
        assertThat(willingness.get("outcomeLabel").asText()).isEqualTo(step.get("decisionLabel").asText())
                .isNotEqualTo(willingness.get("outcome").asText());

        // Only one's own: the colleague who published the base data has that step, not the others.
        assertThat(done("zhanlong2", code)).extracting(d -> d.get("taskDefinitionKey").asText())
                .containsExactly("Task_PublishBaseData");
        assertThat(done("liushadong1", code)).isEmpty();
        // Found by a word of the step's name too; a word of nothing finds nothing.
        assertThat(done("zhanlong1", "已办校验袜厂")).hasSize(2);
        Answer byStep = get("zhanlong1", "/api/tasks/done?q={q}&size=100", mine.get(0).get("taskName").asText());
        assertThat(byStep.body().get("items")).extracting(d -> d.get("projectCode").asText()).contains(code);
        assertThat(done("zhanlong1", "没有这样的项目")).isEmpty();

        // Paged: one a page, the total counts them all.
        Answer first = get("zhanlong1", "/api/tasks/done?q={q}&page=0&size=1", code);
        assertThat(first.body().get("total").asLong()).isEqualTo(2);
        assertThat(first.body().get("items")).hasSize(1);
        Answer second = get("zhanlong1", "/api/tasks/done?q={q}&page=1&size=1", code);
        assertThat(second.body().get("items").get(0).get("taskDefinitionKey").asText()).isEqualTo("Task_SurveyWillingness");
        // A size out of range is the caller's mistake, named.
        Answer bad = get("zhanlong1", "/api/tasks/done?size=1000");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("message").asText()).isEqualTo("请求参数格式不正确");
        assertThat(bad.body().at("/errors/0/field").asText()).isEqualTo("size");
    }

    @Test
    void manyStepsAreCountedUpToALimitAndSaidSo() throws Exception {
        // An officer of many years: 1,001 steps of a probe process of no project (removed again below).
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        jdbc.update("""
                insert into decision_record (process_instance_id, task_definition_key, task_name, actor, decided_at, outcome)
                select 'done-cap-probe', 'Task_Probe', '已办计数探针', 'fgj1', now() - g * interval '1 minute', 'DONE'
                  from generate_series(1, 1001) g""");
        try {
            Answer page = get("fgj1", "/api/tasks/done?q={q}&size=5", "已办计数探针");
            assertThat(page.body().get("total").asLong()).isEqualTo(1000);
            assertThat(page.body().get("totalCapped").asBoolean()).isTrue();
            assertThat(page.body().get("items")).hasSize(5);
            Answer few = get("fgj1", "/api/tasks/done?q={q}&size=5", "没有这样的事项");
            assertThat(few.body().get("totalCapped").asBoolean()).isFalse();
        } finally {
            jdbc.update("delete from decision_record where process_instance_id = 'done-cap-probe'");
        }
    }

    private List<JsonNode> done(String user, String q) throws Exception {
        Answer answer = get(user, "/api/tasks/done?q={q}&size=100", q);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        answer.body().get("items").forEach(items::add);
        assertThat(answer.body().get("total").asLong()).isEqualTo(items.size());
        return items;
    }
}
