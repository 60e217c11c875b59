package cn.gonggaigong.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.gonggaigong.task.WorkApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An administrator cancels a project's lifecycle (Cockpit's 取消流程实例, by default skipping the models' own listeners,
 * or the REST API's delete): the project ends as 已终止 and leaves the dashboard's projects in work, and its deleted
 * tasks leave the officers' lists and stop their statutory clocks. Before, the project stayed 审批实施中 in its phase
 * for good and, where listeners were skipped, its deleted task stayed in the town's list.
 */
class ProjectCancellationIT extends WorkApiTestSupport {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate rest;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    @ParameterizedTest(name = "skipping the models' listeners: {0}")
    @ValueSource(booleans = {true, false})
    @ExtendWith(OutputCaptureExtension.class)
    void aCancelledLifecycleEndsTheProjectAndItsTasks(boolean skipCustomListeners, CapturedOutput output) throws Exception {
        JsonNode project = apply("zhanlong", "录入错误的项目" + (skipCustomListeners ? "甲" : "乙"));
        String code = project.get("code").asText();
        long id = project.get("id").asLong();
        String task = taskId("zhanlong1", code, "Task_SurveyWillingness");
        long inWork = inWork();
        String lifecycle = jdbc.queryForObject("select process_instance_id from project where id = ?", String.class, id);

        runtimeService.deleteProcessInstance(lifecycle, "申请录入错误，由系统管理员取消", skipCustomListeners);

        Answer after = get("nrb-clerk", "/api/projects/{id}", id);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body().get("status").asText()).isEqualTo("TERMINATED");
        assertThat(after.body().get("phase").isNull()).isTrue();
        assertThat(ProjectStatus.TERMINATED.label()).isEqualTo("已终止");
        assertThat(inWork()).isEqualTo(inWork - 1);
        assertThat(tasksOf("zhanlong1", code)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from task_inbox where task_id = ?", Long.class, task)).isZero();
        assertThat(jdbc.queryForMap("select ended_at is not null as ended, ended_reason from task_clock where task_id = ?", task))
                .isEqualTo(Map.of("ended", true, "ended_reason", "DELETED"));
        // The town's officers, NRB and the applicant are told that it ended, and why.
        java.util.List<Map<String, Object>> told = jdbc.queryForList(
                "select user_id, body, project_id from notification where title = ? order by user_id", "【项目已终止】" + project.get("name").asText());
        assertThat(told).extracting(n -> n.get("user_id"))
                .contains("zhanlong1", "zhanlong2", "nrb-clerk", "applicant1").doesNotContain("liushadong1", "leader1");
        assertThat(told).allSatisfy(n -> assertThat((String) n.get("body")).contains(code, "占陇镇", "已由系统管理员",
                "原因：申请录入错误，由系统管理员取消"));
        // Each links to the project (消息通知's 查看项目).
        assertThat(told).allSatisfy(n -> assertThat(((Number) n.get("project_id")).longValue()).isEqualTo(id));
        // The operators' log says who cancelled it: here a call without a login (not "null").
        assertThat(output.getOut()).contains("项目 " + code + "（" + project.get("name").asText()
                + "）的审批流程已被取消（无登录用户），项目终止：申请录入错误，由系统管理员取消");
    }

    /**
     * At the committee's review: the committee, whose task is removed with the lifecycle, is told too (with the town,
     * NRB and the applicant), whether or not the cancellation skips the models' listeners; the government, with no
     * task of the project open, is not.
     */
    @ParameterizedTest(name = "skipping the models' listeners: {0}")
    @ValueSource(booleans = {true, false})
    void theOfficesWhoseTasksAreRemovedWithTheLifecycleAreTold(boolean skipCustomListeners) throws Exception {
        cn.gonggaigong.web.ProjectDriver driver = new cn.gonggaigong.web.ProjectDriver(rest, json);
        JsonNode applied = driver.apply(validApplication(cn.gonggaigong.web.ProjectDriver.keyIndustryProject(
                "审议中取消的项目" + (skipCustomListeners ? "甲" : "乙"), "zhanlong")));
        String code = applied.get("code").asText();
        driver.toCommitteeReview(code, "zhanlong1", "ZL-CANCEL-UNIT-" + skipCustomListeners);
        assertThat(tasksOf("committee1", code)).hasSize(1);
        String lifecycle = jdbc.queryForObject("select process_instance_id from project where code = ?", String.class, code);

        runtimeService.deleteProcessInstance(lifecycle, "重复录入", skipCustomListeners);

        assertThat(tasksOf("committee1", code)).isEmpty();
        for (String user : java.util.List.of("committee1", "zhanlong1", "nrb-clerk", "applicant1")) {
            assertThat(notices(user, code)).as(user).extracting(n -> n.get("title").asText())
                    .containsOnlyOnce("【项目已终止】" + applied.get("name").asText());
        }
        assertThat(notices("gov1", code)).as("no task of the government's was open").isEmpty();
    }

    /**
     * Cockpit lists the phases' called instances too. Cancelling one (here the intake's) cancels the lifecycle that
     * called it (the engine's behaviour): the project ends as 已终止 the same way, not left in a phase that is gone.
     */
    @Test
    void cancellingAPhasesCalledInstanceEndsTheProjectToo() throws Exception {
        JsonNode project = apply("zhanlong", "取消阶段子流程的项目");
        String code = project.get("code").asText();
        String task = taskId("zhanlong1", code, "Task_SurveyWillingness");
        String intake = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        String lifecycle = jdbc.queryForObject("select process_instance_id from project where code = ?", String.class, code);
        assertThat(intake).isNotEqualTo(lifecycle);

        runtimeService.deleteProcessInstance(intake, "申请人放弃改造", true);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(lifecycle).count()).isZero();
        assertThat(jdbc.queryForMap("select status, phase from project where code = ?", code))
                .containsEntry("status", "TERMINATED").containsEntry("phase", null);
        assertThat(tasksOf("zhanlong1", code)).isEmpty();
    }

    /** Projects in work as the dashboard counts them (V32's counts). */
    private long inWork() throws Exception {
        return get("leader1", "/api/monitor/phase-town-grade").body().get("total").asLong();
    }
}
