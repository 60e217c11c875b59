package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.gonggaigong.clock.WorkingDayCalendar;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An administrator suspends (挂起) a project's process in Cockpit, e.g. while a dispute over the land is settled. Its
 * tasks say so in the lists and on the task page, and a claim or completion, on the product's pages or in Tasklist,
 * is refused in Chinese (409) and saves nothing, no longer a 500 with the engine's English; once it is activated
 * again the task is worked on as before.
 */
class SuspendedProcessIT extends WorkApiTestSupport {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WorkingDayCalendar calendar;

    @Test
    void aSuspendedProjectsTaskIsShownAsSuchAndRefusedInChineseUntilActivated() throws Exception {
        Surveying project = applyFor("权属争议暂停项目");
        String code = project.code();
        String task = project.task();
        String instance = project.instance();
        assertThat(get("zhanlong1", "/api/tasks/{id}", task).body().get("suspended").asBoolean()).isFalse();

        runtimeService.suspendProcessInstanceById(instance);

        JsonNode page = get("zhanlong1", "/api/tasks/{id}", task).body();
        assertThat(page.get("suspended").asBoolean()).isTrue();
        assertThat(page.get("claimable").asBoolean()).isFalse();
        JsonNode listed = tasksOf("zhanlong1", code).get(0);
        assertThat(listed.get("taskId").asText()).isEqualTo(task);
        assertThat(listed.get("suspended").asBoolean()).isTrue();

        for (String step : new String[]{"claim", "complete"}) {
            Answer refused = post("zhanlong1", "/api/tasks/{id}/" + step, "complete".equals(step) ? willingness() : null, task);
            assertThat(refused.status()).as(step + ": " + refused.raw()).isEqualTo(409);
            assertThat(refused.body().get("message").asText()).as(step).isEqualTo(WorkApiExceptionHandler.SUSPENDED);
        }
        // Tasklist (Camunda's REST API): the same refusal, not ENGINE-03043 in English.
        for (String step : new String[]{"/claim", "/complete"}) {
            ResponseEntity<String> refused = rest.withBasicAuth("zhanlong1", "demo")
                    .postForEntity("/engine-rest/task/" + task + step, Map.of("userId", "zhanlong1"), String.class);
            assertThat(refused.getStatusCode().value()).as(step + ": " + refused.getBody()).isEqualTo(409);
            assertThat(json.readTree(refused.getBody()).get("message").asText()).as(step)
                    .isEqualTo(WorkApiExceptionHandler.SUSPENDED);
        }
        Task unchanged = taskService.createTaskQuery().taskId(task).singleResult();
        assertThat(unchanged).isNotNull();
        assertThat(unchanged.getAssignee()).isNull();
        assertThat(decisionsOf(code)).isZero();

        runtimeService.activateProcessInstanceById(instance);

        assertThat(get("zhanlong1", "/api/tasks/{id}", task).body().get("suspended").asBoolean()).isFalse();
        complete("zhanlong1", code, "Task_SurveyWillingness", willingness());
        assertThat(decisionsOf(code)).isEqualTo(1);
        assertThat(taskId("zhanlong1", code, "Task_SurveyBaseData")).isNotEqualTo(task);
    }

    /**
     * While the project stood suspended nobody could work on its task: activated again, the task's limit has grown by
     * those working days (its due date in the lists, its warning timer too), not run out behind a red warning. A
     * suspension within the day adds nothing.
     */
    @Test
    void theWorkingDaysAProjectStoodSuspendedAreAddedToItsOpenTasksLimit() throws Exception {
        Surveying project = applyFor("暂停计时项目");
        String code = project.code();
        String task = project.task();
        String instance = project.instance();
        Map<String, Object> before = jdbc.queryForMap("select due_at, paused_working_days from task_clock where task_id = ?", task);

        runtimeService.suspendProcessInstanceById(instance);
        assertThat(jdbc.queryForObject("select count(*) from clock_suspension where process_instance_id = ?", Long.class,
                instance)).isOne();
        // As if suspended three weeks ago (a dispute over the land takes time).
        Instant suspendedAt = Instant.now().minus(Duration.ofDays(21));
        jdbc.update("update clock_suspension set suspended_at = ? where process_instance_id = ?", Timestamp.from(suspendedAt), instance);
        runtimeService.activateProcessInstanceById(instance);

        int days = calendar.workingDaysBetween(LocalDate.ofInstant(suspendedAt, WorkingDayCalendar.ZONE),
                LocalDate.now(WorkingDayCalendar.ZONE));
        assertThat(days).isGreaterThanOrEqualTo(10);
        Instant due = ((Timestamp) before.get("due_at")).toInstant();
        Instant extended = calendar.extend(due, days).dueAt();
        Map<String, Object> after = jdbc.queryForMap("select due_at, paused_working_days from task_clock where task_id = ?", task);
        assertThat(((Number) after.get("paused_working_days")).intValue())
                .isEqualTo(((Number) before.get("paused_working_days")).intValue() + days);
        assertThat(((Timestamp) after.get("due_at")).toInstant()).isEqualTo(extended);
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getDueDate().toInstant()).isEqualTo(extended);
        assertThat(java.time.OffsetDateTime.parse(tasksOf("zhanlong1", code).get(0).get("dueAt").asText()).toInstant())
                .as("the task list's deadline").isEqualTo(extended);
        Instant redTimer = jdbc.queryForObject("""
                select duedate_ from act_ru_job where handler_type_ = ? and handler_cfg_ = ?""",
                Timestamp.class, cn.gonggaigong.escalation.WarningJobHandler.TYPE, task + ":RED").toInstant();
        assertThat(redTimer).as("the red warning's timer").isEqualTo(extended);
        assertThat(jdbc.queryForObject("select count(*) from clock_suspension where process_instance_id = ?", Long.class,
                instance)).isZero();

        runtimeService.suspendProcessInstanceById(instance);
        runtimeService.activateProcessInstanceById(instance);
        assertThat(jdbc.queryForObject("select due_at from task_clock where task_id = ?", Timestamp.class, task).toInstant())
                .isEqualTo(extended);
    }

    /**
     * Cockpit lists a project as its 项目全流程 instance, the one an administrator finds and suspends; the tasks are in
     * the phase instance it called. The engine suspends by instance only, so the phase went on: its task could be
     * claimed and its clock ran. Now the called instance follows: suspended with it, its task refused, its clock
     * stopped; activated with it, the days it stood still added to its task's limit, and the task worked on.
     */
    @Test
    void suspendingAProjectsLifecycleSuspendsThePhaseItCalledAndActivatingItActivatesThePhase() throws Exception {
        Surveying project = applyFor("全流程挂起项目");
        String code = project.code();
        String task = project.task();
        String phase = project.instance();
        String lifecycle = runtimeService.createProcessInstanceQuery().subProcessInstanceId(phase).singleResult().getId();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(lifecycle).singleResult()
                .getProcessDefinitionId()).startsWith("ProjectLifecycle:");
        Timestamp due = jdbc.queryForObject("select due_at from task_clock where task_id = ?", Timestamp.class, task);

        runtimeService.suspendProcessInstanceById(lifecycle);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(phase).singleResult().isSuspended())
                .as("the phase instance").isTrue();
        assertThat(get("zhanlong1", "/api/tasks/{id}", task).body().get("suspended").asBoolean()).isTrue();
        Answer refused = post("zhanlong1", "/api/tasks/{id}/claim", null, task);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.body().get("message").asText()).isEqualTo(WorkApiExceptionHandler.SUSPENDED);
        assertThat(jdbc.queryForObject("select count(*) from clock_suspension where process_instance_id in (?, ?)",
                Long.class, lifecycle, phase)).isEqualTo(2);
        // The town and the applicant are told once, not once per suspended instance.
        for (String user : new String[]{"zhanlong2", "applicant1"}) {
            assertThat(titles(user, code)).as(user).containsExactly("【项目暂停办理】全流程挂起项目");
        }
        assertThat(titles("liushadong1", code)).as("another town").isEmpty();
        assertThat(suspendedSince(project.id())).as("the project page's 挂起 notice")
                .isEqualTo(jdbc.queryForObject("select suspended_at from clock_suspension where process_instance_id = ?",
                        Timestamp.class, lifecycle).toInstant());
        assertThat(jdbc.queryForObject("select count(*) from act_ru_job where process_instance_id_ = ? and suspension_state_ = 1",
                Long.class, phase)).as("the phase's timers, suspended too").isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_ru_job where process_instance_id_ = ? and suspension_state_ = 2",
                Long.class, phase)).as("the phase's timers").isPositive();

        Instant suspendedAt = Instant.now().minus(Duration.ofDays(21));
        jdbc.update("update clock_suspension set suspended_at = ? where process_instance_id in (?, ?)",
                Timestamp.from(suspendedAt), lifecycle, phase);
        runtimeService.activateProcessInstanceById(lifecycle);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(phase).singleResult().isSuspended())
                .as("the phase instance").isFalse();
        int days = calendar.workingDaysBetween(LocalDate.ofInstant(suspendedAt, WorkingDayCalendar.ZONE),
                LocalDate.now(WorkingDayCalendar.ZONE));
        assertThat(jdbc.queryForObject("select due_at from task_clock where task_id = ?", Timestamp.class, task).toInstant())
                .isEqualTo(calendar.extend(due.toInstant(), days).dueAt());
        assertThat(jdbc.queryForObject("select count(*) from clock_suspension where process_instance_id in (?, ?)",
                Long.class, lifecycle, phase)).isZero();
        assertThat(suspendedSince(project.id())).isNull();
        for (String user : new String[]{"zhanlong2", "applicant1"}) {
            assertThat(titles(user, code)).as(user).containsExactlyInAnyOrder("【项目暂停办理】全流程挂起项目",
                    "【项目恢复办理】全流程挂起项目");
        }
        assertThat(notices("applicant1", code)).filteredOn(n -> n.get("title").asText().startsWith("【项目恢复办理】"))
                .singleElement().satisfies(n -> assertThat(n.get("body").asText()).contains("顺延"));
        complete("zhanlong1", code, "Task_SurveyWillingness", willingness());
        assertThat(decisionsOf(code)).isEqualTo(1);
    }

    /** A project of 占陇镇 applied for, at its first task (意愿调查) in its first phase's instance. */
    private record Surveying(long id, String code, String task, String instance) {
    }

    private Surveying applyFor(String name) throws Exception {
        JsonNode project = apply("zhanlong", name);
        String code = project.get("code").asText();
        String task = taskId("zhanlong1", code, "Task_SurveyWillingness");
        return new Surveying(project.get("id").asLong(), code, task,
                taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId());
    }

    /** The titles of the user's notices about the project, but the 【待办】 of its tasks. */
    private List<String> titles(String user, String code) throws Exception {
        return notices(user, code).stream().map(n -> n.get("title").asText()).filter(t -> !t.startsWith("【待办】")).toList();
    }

    /** Since when the project page says the project stands suspended, or null. */
    private Instant suspendedSince(long projectId) throws Exception {
        JsonNode since = get("zhanlong1", "/api/projects/{id}/overview", projectId).body().get("suspendedSince");
        return since.isNull() ? null : java.time.OffsetDateTime.parse(since.asText()).toInstant();
    }

    private long decisionsOf(String code) {
        return jdbc.queryForObject("""
                select count(*) from decision_record d join project p on p.id = d.project_id
                 where p.code = ? and d.task_definition_key = 'Task_SurveyWillingness'""", Long.class, code);
    }
}
