package cn.gonggaigong.security.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import cn.gonggaigong.task.DepartedClaimants;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With Keycloak, where an officer who leaves is disabled rather than deleted (the identity plugin still lists them):
 * the task they held goes back to their town's 单位待办; a colleague still enabled keeps theirs.
 */
class KeycloakDepartedClaimantsIT extends KeycloakApplicationTestSupport {

    @Autowired
    DepartedClaimants departed;
    @Autowired
    TaskService taskService;
    @Autowired
    ObjectMapper json;

    @Test
    void theTaskOfAnOfficerDisabledInTheRealmGoesBackToTheTown() throws Exception {
        String leaving = "kc-leaving-" + UUID.randomUUID().toString().substring(0, 8);
        String staying = "kc-staying-" + UUID.randomUUID().toString().substring(0, 8);
        String leavingId = keycloak().createUser(leaving, DEMO_PASSWORD);
        String stayingId = keycloak().createUser(staying, DEMO_PASSWORD);
        try {
            keycloak().addToGroup(leaving, "town-zhanlong");
            keycloak().addToGroup(staying, "town-zhanlong");
            String left = heldBy(leaving, "占陇镇停用经办人的项目");
            String kept = heldBy(staying, "占陇镇在岗经办人的项目");

            keycloak().disable(leaving);
            departed.giveBack();

            assertThat(taskService.createTaskQuery().taskId(left).singleResult().getAssignee()).isNull();
            assertThat(taskService.getTaskComments(left)).anySatisfy(c -> assertThat(c.getFullMessage())
                    .contains(leaving, "已不在系统中或已停用（离职）", "任务由系统退回单位待办"));
            assertThat(taskService.createTaskQuery().taskId(kept).singleResult().getAssignee()).isEqualTo(staying);
        } finally {
            keycloak().deleteUser(leavingId);
            keycloak().deleteUser(stayingId);
        }
    }

    /** A project of 占陇镇 applied for by NRB (a bearer token), its first task held by the officer. */
    private String heldBy(String officer, String name) throws Exception {
        String body = json.writeValueAsString(validApplication(app -> {
            app.put("townCode", "zhanlong");
            app.put("name", name);
            app.put("applicantUserId", "applicant1");
        }));
        HttpResponse<String> created = send(http, HttpRequest.newBuilder(URI.create(appUrl("/api/projects")))
                .header("Authorization", "Bearer " + keycloak().passwordGrant("nrb-clerk", DEMO_PASSWORD))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode project = json.readTree(created.body());
        String task = taskService.createTaskQuery().processVariableValueEquals("projectId", project.get("id").asLong())
                .singleResult().getId();
        taskService.setAssignee(task, officer);
        return task;
    }
}
