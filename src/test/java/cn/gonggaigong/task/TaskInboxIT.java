package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The task lists' read model {@code task_inbox} stays equal to what Camunda's runtime tables say, after every kind of
 * change the product makes to a task: created, claimed, unclaimed, transferred, delegated and resolved, a candidate
 * group added and removed through the engine's API, completed, sent back, and its process deleted; and the lists
 * read from it are what the parties may work on.
 */
class TaskInboxIT extends WorkApiTestSupport {

    /** Every row the read model should hold, made from Camunda's tables (TaskInbox.REFRESH's select, all tasks). */
    private static final String EXPECTED = TaskInbox.REFRESH
            .substring(TaskInbox.REFRESH.indexOf("select t.id_"), TaskInbox.REFRESH.indexOf(" where t.id_ = any (?)"));

    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theInboxIndexHoldsTheColumnsOfTheAccessRule() {
        // V31: the page is read from the index alone (no table rows read and sorted to find the first 50).
        assertThat(jdbc.queryForList("select indexdef from pg_indexes where indexname = 'task_inbox_party_due'", String.class))
                .singleElement().asString()
                .contains("(party, due_date, create_time, task_id) INCLUDE (project_id, town_group, applicant_user_id)");
    }

    @Test
    void autovacuumKeepsTheInboxIndexOnlyScansCheap() {
        // V36: vacuumed after 2 % of its rows changed (PostgreSQL's default is 20 %), so its pages stay all-visible.
        assertThat(jdbc.queryForList("select unnest(reloptions) from pg_class where relname = 'task_inbox'", String.class))
                .containsExactlyInAnyOrder("autovacuum_vacuum_scale_factor=0.02",
                        "autovacuum_vacuum_insert_scale_factor=0.02", "autovacuum_analyze_scale_factor=0.05");
    }

    @Test
    void theReadModelFollowsEveryChangeOfAProjectsTasks() throws Exception {
        JsonNode project = apply("zhanlong", "占陇镇待办读模型项目");
        String code = project.get("code").asText();
        long projectId = project.get("id").asLong();
        String first = taskId("zhanlong1", code, "Task_SurveyWillingness");
        assertThat(partiesOf(first)).contains("g:town-zhanlong").noneMatch(p -> p.startsWith("u:"));
        assertThat(jdbc.queryForObject("select project_id from task_inbox where task_id = ? limit 1", Long.class, first))
                .isEqualTo(projectId);
        assertInboxMatchesEngine();

        assertThat(idsOf("zhanlong2", code)).contains(first);
        assertThat(post("zhanlong1", "/api/tasks/{id}/claim", Map.of(), first).status()).isEqualTo(204);
        // Claimed, it is the officer's own: no longer in the town's list, so a colleague no longer sees it.
        assertThat(partiesOf(first)).containsExactly("u:zhanlong1");
        assertThat(idsOf("zhanlong2", code)).doesNotContain(first);
        assertThat(idsOf("zhanlong1", code)).contains(first);
        assertInboxMatchesEngine();
        assertThat(post("zhanlong1", "/api/tasks/{id}/unclaim", Map.of(), first).status()).isEqualTo(204);
        assertThat(partiesOf(first)).containsExactly("g:town-zhanlong");
        assertThat(idsOf("zhanlong2", code)).contains(first);
        assertInboxMatchesEngine();

        assertThat(post("zhanlong1", "/api/tasks/{id}/transfer", Map.of("userId", "zhanlong2", "reason", "外出"), first)
                .status()).isEqualTo(204);
        assertThat(partiesOf(first)).contains("u:zhanlong2").doesNotContain("u:zhanlong1");
        assertInboxMatchesEngine();

        assertThat(post("zhanlong2", "/api/tasks/{id}/delegate", Map.of("userId", "zhanlong1"), first).status()).isEqualTo(204);
        assertThat(partiesOf(first)).contains("u:zhanlong1", "u:zhanlong2"); // the delegate and the owner
        assertInboxMatchesEngine();
        assertThat(post("zhanlong1", "/api/tasks/{id}/resolve", willingness(), first).status()).isEqualTo(204);
        assertInboxMatchesEngine();

        // Through the engine's API (as Tasklist's "add group" does), which fires no task event; unassigned first, as
        // only an unassigned task is in its candidates' lists.
        taskService.setAssignee(first, null);
        taskService.addCandidateGroup(first, "nrb");
        assertThat(partiesOf(first)).contains("g:nrb");
        assertInboxMatchesEngine();
        taskService.deleteCandidateGroup(first, "nrb");
        assertThat(partiesOf(first)).doesNotContain("g:nrb");
        assertInboxMatchesEngine();

        assertThat(post("zhanlong2", "/api/tasks/{id}/complete", willingness(), first).status()).isEqualTo(204);
        assertThat(partiesOf(first)).isEmpty();
        String second = taskId("zhanlong1", code, "Task_SurveyBaseData");
        assertInboxMatchesEngine();
        complete("zhanlong1", code, "Task_SurveyBaseData", Map.of("landAreaSqm", 10000, "landAreaMu", 15,
                "existingFloorArea", 8000, "currentPlotRatio", 0.8, "parcelIds", "BT-S-" + code, "surveyDate", "2026-03-10"));
        assertThat(partiesOf(second)).isEmpty();
        String publish = taskId("zhanlong2", code, "Task_PublishBaseData");
        assertThat(post("zhanlong2", "/api/tasks/{id}/send-back", Map.of("reason", "面积不符"), publish).status()).isEqualTo(204);
        assertThat(partiesOf(publish)).isEmpty();
        assertInboxMatchesEngine();
        String again = taskId("zhanlong1", code, "Task_SurveyBaseData");
        assertThat(partiesOf(again)).contains("g:town-zhanlong");

        // Another town's officer has the task in no list; the bureau has none of a town's survey steps either.
        assertThat(tasksOf("liushadong1", code)).isEmpty();

        String processInstance = jdbc.queryForObject("select process_instance_id from project where id = ?", String.class,
                projectId);
        runtimeService.deleteProcessInstance(processInstance, "测试：撤销项目");
        assertThat(jdbc.queryForObject("select count(*) from task_inbox where project_id = ?", Long.class, projectId))
                .isZero();
        assertInboxMatchesEngine();
    }

    @Test
    void theListPagesThroughEveryTaskOnceInDueDateOrderWithItsTotal() throws Exception {
        for (int i = 0; i < 3; i++) {
            apply("zhanlong", "占陇镇分页项目" + i);
        }
        Answer whole = get("zhanlong1", "/api/tasks?size=200");
        long total = whole.body().get("total").asLong();
        List<String> all = whole.body().get("items").findValuesAsText("taskId");
        assertThat(total).isEqualTo(all.size()).isGreaterThanOrEqualTo(3);
        assertThat(all).doesNotHaveDuplicates();
        // Claimed, a task moves from the town's list to the officer's own: still counted and listed once.
        String free = java.util.stream.StreamSupport.stream(whole.body().get("items").spliterator(), false)
                .filter(item -> item.get("assignee").isNull()).map(item -> item.get("taskId").asText()).findFirst().orElseThrow();
        assertThat(post("zhanlong1", "/api/tasks/{id}/claim", Map.of(), free).status()).isEqualTo(204);
        assertThat(partiesOf(free)).containsExactly("u:zhanlong1");
        Answer claimed = get("zhanlong1", "/api/tasks?size=200");
        assertThat(claimed.body().get("total").asLong()).isEqualTo(total);
        assertThat(claimed.body().get("items").findValuesAsText("taskId")).containsExactlyInAnyOrderElementsOf(all);
        assertThat(post("zhanlong1", "/api/tasks/{id}/unclaim", Map.of(), free).status()).isEqualTo(204);

        List<String> paged = new java.util.ArrayList<>();
        for (int page = 0; page * 2 < total; page++) {
            Answer one = get("zhanlong1", "/api/tasks?size=2&page={p}", page);
            assertThat(one.body().get("total").asLong()).isEqualTo(total);
            paged.addAll(one.body().get("items").findValuesAsText("taskId"));
        }
        assertThat(paged).containsExactlyElementsOf(all);
        // Past the end: no rows, and still the list's total.
        Answer beyond = get("zhanlong1", "/api/tasks?size=2&page={p}", total / 2 + 3);
        assertThat(beyond.body().get("items")).isEmpty();
        assertThat(beyond.body().get("total").asLong()).isEqualTo(total);
        List<String> dues = whole.body().get("items").findValuesAsText("dueAt");
        assertThat(dues).isSortedAccordingTo(String::compareTo);
    }

    private List<String> idsOf(String user, String projectCode) throws Exception {
        return tasksOf(user, projectCode).stream().map(item -> item.get("taskId").asText()).toList();
    }

    private List<String> partiesOf(String taskId) {
        return jdbc.queryForList("select party from task_inbox where task_id = ? order by party", String.class, taskId);
    }

    private void assertInboxMatchesEngine() {
        String columns = "task_id, party, due_date, create_time, task_name, task_def_key, project_id, town_group, applicant_user_id";
        List<Map<String, Object>> missing = jdbc.queryForList("(" + EXPECTED + ") except (select " + columns + " from task_inbox)");
        List<Map<String, Object>> extra = jdbc.queryForList("(select " + columns + " from task_inbox) except (" + EXPECTED + ")");
        assertThat(missing).as("rows the read model lacks").isEmpty();
        assertThat(extra).as("rows the read model holds for no open task").isEmpty();
    }
}
