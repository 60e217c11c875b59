package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Camunda Tasklist opens with 本部门任务, the tasks of the user's own offices and those they hold, then 我的任务 and
 * 全部任务. With 全部任务 alone the bureau (NRB), which may read every task, found the towns' tasks it cannot claim in
 * its queue.
 */
class TasklistFiltersIT extends WorkApiTestSupport {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;

    @Test
    void tasklistOpensWithTheOfficesOwnTasksThenTheUsersThenAllItMayRead() throws Exception {
        String code = apply("zhanlong", "任务列表过滤器项目").get("code").asText();
        String task = taskId("zhanlong1", code, "Task_SurveyWillingness");

        Map<String, JsonNode> filters = filters("nrb-clerk");
        assertThat(filters).containsKeys("本部门任务", "我的任务", "全部任务");
        assertThat(List.of(priority(filters.get("本部门任务")), priority(filters.get("我的任务")), priority(filters.get("全部任务"))))
                .as("Tasklist opens with the lowest").isSorted().doesNotHaveDuplicates();
        assertThat(filters.get("全部任务").at("/properties/description").asText()).contains("只能查看");

        // The bureau reads the town's task under 全部任务, not in its own office's queue.
        assertThat(listed("nrb-clerk", filters.get("全部任务"))).contains(task);
        assertThat(listed("nrb-clerk", filters.get("本部门任务"))).doesNotContain(task);
        // The town's officer finds it in the office's queue; in 我的任务 once claimed, and still in the office's.
        Map<String, JsonNode> town = filters("zhanlong1");
        assertThat(listed("zhanlong1", town.get("本部门任务"))).contains(task);
        assertThat(listed("zhanlong1", town.get("我的任务"))).doesNotContain(task);
        taskService.claim(task, "zhanlong1");
        assertThat(listed("zhanlong1", town.get("我的任务"))).contains(task);
        assertThat(listed("zhanlong1", town.get("本部门任务"))).contains(task);
        assertThat(listed("zhanlong2", filters("zhanlong2").get("本部门任务"))).as("claimed by a colleague").contains(task);
        // An applicant, whose tasks are assigned to them, opens Tasklist without an error.
        assertThat(listed("applicant1", filters("applicant1").get("本部门任务"))).doesNotContain(task);
    }

    private Map<String, JsonNode> filters(String user) throws Exception {
        ResponseEntity<String> answer = rest.withBasicAuth(user, "demo").getForEntity("/engine-rest/filter?resourceType=Task",
                String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        Map<String, JsonNode> byName = new HashMap<>();
        json.readTree(answer.getBody()).forEach(f -> byName.put(f.get("name").asText(), f));
        return byName;
    }

    private static int priority(JsonNode filter) {
        return filter.at("/properties/priority").asInt();
    }

    private List<String> listed(String user, JsonNode filter) throws Exception {
        ResponseEntity<String> answer = rest.withBasicAuth(user, "demo").getForEntity(
                "/engine-rest/filter/{id}/list?firstResult=0&maxResults=2000", String.class, filter.get("id").asText());
        assertThat(answer.getStatusCode().value()).as(user + " " + filter.get("name").asText() + ": " + answer.getBody())
                .isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.readTree(answer.getBody()).forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }
}
