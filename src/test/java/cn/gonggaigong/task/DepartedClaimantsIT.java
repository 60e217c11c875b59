package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An officer of 占陇镇 signs for a task, or has one delegated to them, and then leaves (the user deleted, 离职) or
 * moves to another town (调岗): the task goes back to 占陇镇's 单位待办 (or to the officer who delegated it), its
 * 办理意见 say why, and the town's officers are told. A task of an officer still in the town stays theirs.
 */
class DepartedClaimantsIT extends WorkApiTestSupport {

    @Autowired
    DepartedClaimants departed;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;

    private final List<String> created = new java.util.ArrayList<>();

    @AfterEach
    void removeTheOfficers() {
        created.stream().filter(id -> identityService.createUserQuery().userId(id).count() > 0)
                .forEach(identityService::deleteUser);
    }

    @Test
    void theTasksOfOfficersWhoLeftGoBackToTheirOffice() throws Exception {
        String moving = officerOfZhanlong("调岗");
        String leaving = officerOfZhanlong("离职");
        JsonNode movedOn = apply("zhanlong", "占陇镇经办人调岗的项目");
        JsonNode leftOn = apply("zhanlong", "占陇镇经办人离职的项目");
        JsonNode keptOn = apply("zhanlong", "占陇镇经办人在岗的项目");
        String moved = claimed(moving, movedOn);
        String left = claimed(leaving, leftOn);
        String kept = claimed("zhanlong1", keptOn);
        // Held by an administrator, or by someone outside the town made a candidate in person: theirs to keep.
        JsonNode heldOn = apply("zhanlong", "占陇镇管理员指派的项目");
        String byAdmin = tasksOf("zhanlong1", heldOn.get("code").asText()).get(0).get("taskId").asText();
        taskService.setAssignee(byAdmin, "admin");
        JsonNode outsiderOn = apply("zhanlong", "占陇镇指派候选人的项目");
        String byOutsider = tasksOf("zhanlong1", outsiderOn.get("code").asText()).get(0).get("taskId").asText();
        taskService.addCandidateUser(byOutsider, "nrb-clerk");
        taskService.setAssignee(byOutsider, "nrb-clerk");

        identityService.deleteMembership(moving, "town-zhanlong");
        identityService.createMembership(moving, "town-liushadong");
        identityService.deleteUser(leaving);
        departed.giveBack();

        for (String[] task : new String[][] {{moved, movedOn.get("code").asText(), moving, "已不在本单位（调岗）"},
                {left, leftOn.get("code").asText(), leaving, "已不在系统中或已停用（离职）"}}) {
            assertThat(taskService.createTaskQuery().taskId(task[0]).singleResult().getAssignee()).as(task[1]).isNull();
            // In the town's list again, for any of its officers to sign for.
            assertThat(tasksOf("zhanlong2", task[1])).extracting(t -> t.get("taskId").asText()).containsExactly(task[0]);
            assertThat(get("zhanlong2", "/api/tasks/{id}/comments", task[0]).body().findValuesAsText("message"))
                    .anySatisfy(m -> assertThat(m).contains("原办理人", task[2], task[3], "任务由系统退回单位待办"));
            for (String officer : List.of("zhanlong1", "zhanlong2")) {
                assertThat(notices(officer, task[1])).as(officer).filteredOn(n -> n.get("title").asText()
                        .equals("【退回单位待办】摸查改造意愿")).singleElement()
                        .satisfies(n -> assertThat(n.get("body").asText()).contains(task[2], task[3], "请重新签收办理"));
            }
        }
        assertThat(taskService.createTaskQuery().taskId(kept).singleResult().getAssignee()).isEqualTo("zhanlong1");
        assertThat(taskService.createTaskQuery().taskId(byAdmin).singleResult().getAssignee()).isEqualTo("admin");
        assertThat(taskService.createTaskQuery().taskId(byOutsider).singleResult().getAssignee()).isEqualTo("nrb-clerk");
        assertThat(notices("zhanlong2", keptOn.get("code").asText())).isEmpty();
        // Nothing more to give back the next time.
        assertThat(departed.giveBack()).isZero();
    }

    @Test
    void aTaskDelegatedToAnOfficerWhoLeftGoesBackToTheOfficerWhoDelegatedIt() throws Exception {
        String delegate = officerOfZhanlong("受委派");
        JsonNode project = apply("zhanlong", "占陇镇受委派人离职的项目");
        String code = project.get("code").asText();
        String task = claimed("zhanlong1", project);
        Answer delegated = post("zhanlong1", "/api/tasks/{id}/delegate", Map.of("userId", delegate), task);
        assertThat(delegated.status()).as(delegated.raw()).isEqualTo(204);

        identityService.deleteUser(delegate);
        departed.giveBack();

        Task back = taskService.createTaskQuery().taskId(task).singleResult();
        assertThat(back.getAssignee()).isEqualTo("zhanlong1");
        assertThat(back.getDelegationState()).isEqualTo(DelegationState.RESOLVED);
        assertThat(notices("zhanlong1", code)).filteredOn(n -> n.get("title").asText().equals("【交回】摸查改造意愿"))
                .singleElement().satisfies(n -> assertThat(n.get("body").asText())
                        .contains("受委派人已不在本单位（离职或调岗），系统已将", "交回您办理"));
        // And zhanlong1 completes it as their own again.
        Answer done = post("zhanlong1", "/api/tasks/{id}/complete",
                Map.of("willingnessAgreed", true, "agreePercent", 95, "surveyDate", "2026-03-01"), task);
        assertThat(done.status()).as(done.raw()).isEqualTo(204);
    }

    /** A new officer of 占陇镇 (password demo), removed after the test. */
    private String officerOfZhanlong(String what) {
        String id = "departing-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(id);
        user.setFirstName(what);
        user.setLastName("占陇镇");
        user.setPassword("demo");
        identityService.saveUser(user);
        identityService.createMembership(id, "town-zhanlong");
        created.add(id);
        return id;
    }

    /** The project's 摸查改造意愿, signed for by the officer. */
    private String claimed(String officer, JsonNode project) throws Exception {
        String task = tasksOf(officer, project.get("code").asText()).get(0).get("taskId").asText();
        Answer claim = post(officer, "/api/tasks/{id}/claim", null, task);
        assertThat(claim.status()).as(claim.raw()).isEqualTo(204);
        return task;
    }
}
