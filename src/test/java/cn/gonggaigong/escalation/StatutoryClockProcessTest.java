package cn.gonggaigong.escalation;

import static cn.gonggaigong.escalation.ClockTestEngines.APPLICANT_TASK;
import static cn.gonggaigong.escalation.ClockTestEngines.OFFICE_TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statutory clock on a real engine and PostgreSQL, with the engine's clock moved: due dates from the table in
 * working days, yellow / red / escalated at the right working-day instants, warnings closed on completion, and the
 * applicant's time kept off the office's clock.
 */
class StatutoryClockProcessTest {

    private static ProcessEngine engine;
    private static final List<Long> NOTIFIED = new CopyOnWriteArrayList<>();
    private final JdbcTemplate jdbc = ClockTestEngines.jdbc();

    @BeforeAll
    static void engine() {
        engine = ClockTestEngines.engine("statutory-clock-test", List.of(NOTIFIED::add));
        ClockTestEngines.deployModels(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** 10 working days from Tuesday 23 September 2025 cross the National Day holiday (1-8 October) and its two
     * make-up Saturdays/Sundays: due Monday 13 October; yellow 2 working days before (Friday 10 October, since
     * Saturday 11 October is a working day), escalated 3 working days after (Thursday 16 October). */
    @Test
    void aTaskGoesYellowThenRedThenToTheLeadingGroupAndCompletingItClosesItsWarnings() {
        at("2025-09-23T10:00");
        String instance = startOneTask();
        Task task = task(instance, OFFICE_TASK);
        assertThat(task.getDueDate().toInstant()).isEqualTo(cst("2025-10-13T23:59:59"));
        assertThat(jobDueDates(task)).containsExactlyInAnyOrder(
                cst("2025-10-10T23:59:59"), cst("2025-10-13T23:59:59"), cst("2025-10-16T23:59:59"));

        at("2025-10-10T23:59:58");
        runDueJobs();
        assertThat(grades(task)).isEmpty();

        at("2025-10-11T00:00:00");
        runDueJobs();
        assertThat(grades(task)).containsExactly("YELLOW");
        Map<String, Object> yellow = jdbc.queryForMap("select * from task_warning where task_id = ? and grade = 'YELLOW'", task.getId());
        assertThat(yellow).containsEntry("town_code", "zhanlong").containsEntry("responsible_group", "town-zhanlong")
                .containsEntry("notified", "zhanlong1").containsEntry("project_id", null);
        assertThat((String) yellow.get("message")).contains("2025-10-13").contains("剩余1个工作日");
        assertThat(notifications((Long) yellow.get("id"))).containsExactly("zhanlong1");

        at("2025-10-13T23:59:58");
        runDueJobs();
        assertThat(grades(task)).containsExactly("YELLOW");
        at("2025-10-14T00:00:00");
        runDueJobs();
        assertThat(grades(task)).containsExactly("RED", "YELLOW");
        assertThat(notifications(warningId(task, "RED"))).containsExactlyInAnyOrder("zhanlong1", "office1");

        at("2025-10-16T23:59:58");
        runDueJobs();
        assertThat(grades(task)).containsExactly("RED", "YELLOW");
        at("2025-10-17T09:00:00");
        runDueJobs();
        assertThat(grades(task)).containsExactly("ESCALATED", "RED", "YELLOW");
        assertThat(notifications(warningId(task, "ESCALATED"))).containsExactlyInAnyOrder("zhanlong1", "office1", "leader1");
        assertThat(NOTIFIED).contains(warningId(task, "YELLOW"), warningId(task, "RED"), warningId(task, "ESCALATED"));

        engine.getTaskService().complete(task.getId());
        assertThat(jdbc.queryForList("select closed_reason from task_warning where task_id = ?", String.class, task.getId()))
                .hasSize(3).containsOnly(StatutoryClock.CLOSED_COMPLETED);
        assertThat(jobs(task.getId())).isZero();
        Map<String, Object> clock = jdbc.queryForMap("select * from task_clock where task_id = ?", task.getId());
        assertThat(clock).containsEntry("clock", "OFFICE").containsEntry("ended_reason", "COMPLETED")
                .containsEntry("working_days_used", 14); // 10 to 13 October, then 14-17 October
    }

    @Test
    void aTaskCompletedInTimeRaisesNothingAndADeletedOneIsClosed() {
        at("2025-09-23T10:00");
        String done = startOneTask();
        Task task = task(done, OFFICE_TASK);
        at("2025-09-30T10:00");
        engine.getTaskService().complete(task.getId());
        assertThat(jobs(task.getId())).isZero();
        at("2025-12-31T10:00");
        runDueJobs();
        assertThat(grades(task)).isEmpty();

        at("2025-09-23T10:00");
        String cancelled = startOneTask();
        Task other = task(cancelled, OFFICE_TASK);
        at("2025-10-14T00:00:00");
        runDueJobs();
        assertThat(grades(other)).containsExactly("RED", "YELLOW");
        engine.getRuntimeService().deleteProcessInstance(cancelled, "测试撤销");
        assertThat(jdbc.queryForList("select closed_reason from task_warning where task_id = ?", String.class, other.getId()))
                .containsOnly(StatutoryClock.CLOSED_DELETED);
        assertThat(jobs(other.getId())).isZero();
    }

    /** An administrator's modification in Cockpit skips the models' own listeners by default ("skip custom
     * listeners"): a task it creates still gets its due date, its clock and its escalation timers. */
    @Test
    void aTaskCreatedByAModificationSkippingCustomListenersIsStillOnTheClock() {
        at("2025-09-23T10:00");
        String instance = startOneTask();
        engine.getRuntimeService().createProcessInstanceModification(instance)
                .startBeforeActivity(OFFICE_TASK).execute(true, false);
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance).list();
        assertThat(tasks).hasSize(2);
        for (Task task : tasks) {
            assertThat(task.getDueDate().toInstant()).isEqualTo(cst("2025-10-13T23:59:59"));
            assertThat(jobDueDates(task)).containsExactlyInAnyOrder(
                    cst("2025-10-10T23:59:59"), cst("2025-10-13T23:59:59"), cst("2025-10-16T23:59:59"));
            assertThat(jdbc.queryForObject("select due_at from task_clock where task_id = ?", java.sql.Timestamp.class,
                    task.getId()).toInstant()).isEqualTo(cst("2025-10-13T23:59:59"));
        }
        engine.getRuntimeService().deleteProcessInstance(instance, "测试结束");
    }

    /** The job log keeps what the escalation timers did (each run, with its node) but not that they were made or
     * deleted unrun, which task_clock and task_warning already say; Camunda's other jobs keep their whole log. */
    @Test
    void theJobLogKeepsTheTimersRunsButNotTheirCreationOrDeletion() {
        at("2025-09-23T10:00");
        String instance = startOneTask();
        Task task = task(instance, OFFICE_TASK);
        assertThat(jobs(task.getId())).isEqualTo(3);
        at("2025-10-14T00:00:00");
        runDueJobs(); // YELLOW and RED
        engine.getTaskService().complete(task.getId()); // ESCALATED deleted unrun
        assertThat(grades(task)).containsExactly("RED", "YELLOW");
        List<HistoricJobLog> log = engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(instance)
                .jobDefinitionType(WarningJobHandler.TYPE).list();
        assertThat(log).hasSize(2).allMatch(HistoricJobLog::isSuccessLog)
                .extracting(HistoricJobLog::getHostname).doesNotContainNull();

        BpmnModelInstance async = Bpmn.createExecutableProcess("ClockAsyncStep").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${true}").endEvent().done();
        engine.getRepositoryService().createDeployment().enableDuplicateFiltering(true)
                .addModelInstance("ClockAsyncStep.bpmn", async).deploy();
        String other = engine.getRuntimeService().startProcessInstanceByKey("ClockAsyncStep").getId();
        runDueJobs();
        assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(other).list())
                .extracting(HistoricJobLog::isCreationLog, HistoricJobLog::isSuccessLog)
                .containsExactlyInAnyOrder(tuple(true, false), tuple(false, true));
    }

    /** The applicant corrects materials (补正) from Tuesday 23 to Friday 26 September 2025 (3 working days) while the
     * office's task is open: the office's limit grows by those 3 working days (due Thursday 16 October instead of
     * Monday 13), its timers move, and the 3 days are the applicant's time, not the office's. */
    @Test
    void theApplicantsTimeIsNotCountedAgainstTheOffice() {
        at("2025-09-23T10:00");
        String instance = engine.getRuntimeService().startProcessInstanceByKey(ClockTestEngines.WAIT_PROCESS,
                Map.of("townCode", "zhanlong", "applicant", "applicant-chen")).getId();
        Task office = task(instance, OFFICE_TASK);
        Task applicant = task(instance, APPLICANT_TASK);
        assertThat(office.getDueDate().toInstant()).isEqualTo(cst("2025-10-13T23:59:59"));
        assertThat(jobs(applicant.getId())).as("the applicant's own time raises no warning").isZero();

        at("2025-09-26T16:00");
        engine.getTaskService().complete(applicant.getId());
        office = task(instance, OFFICE_TASK);
        assertThat(office.getDueDate().toInstant()).isEqualTo(cst("2025-10-16T23:59:59"));
        assertThat(jobDueDates(office)).containsExactlyInAnyOrder(
                cst("2025-10-14T23:59:59"), cst("2025-10-16T23:59:59"), cst("2025-10-21T23:59:59"));

        at("2025-10-14T00:00:00");
        runDueJobs();
        assertThat(grades(office)).as("not red at the original deadline").isEmpty();

        at("2025-10-15T09:00");
        engine.getTaskService().complete(office.getId());
        assertThat(jdbc.queryForMap("select clock, working_days_used, paused_working_days from task_clock where task_id = ?",
                applicant.getId())).containsEntry("clock", "APPLICANT").containsEntry("working_days_used", 3);
        assertThat(jdbc.queryForMap("select clock, working_days_used, paused_working_days from task_clock where task_id = ?",
                office.getId())).containsEntry("clock", "OFFICE").containsEntry("paused_working_days", 3)
                // 24 Sep .. 15 Oct is 12 working days, 3 of them the applicant's
                .containsEntry("working_days_used", 9);
    }

    /** A due date the model sets (a town's monthly report due on the 25th, of no project) is kept and escalates. */
    @Test
    void aModelsOwnDueDateIsKeptAndATaskOfNoProjectEscalates() {
        at("2025-11-03T09:00");
        Date due = Date.from(cst("2025-11-25T23:59:59"));
        String instance = engine.getRuntimeService().startProcessInstanceByKey(ClockTestEngines.OWN_DUE_DATE_PROCESS,
                Map.of("townCode", "zhanlong", "reportDue", due)).getId();
        Task report = task(instance, ClockTestEngines.REPORT_TASK);
        assertThat(report.getDueDate()).isEqualTo(due);
        // default thresholds (row '*'): yellow 2 working days before, escalated 3 after
        assertThat(jobDueDates(report)).containsExactlyInAnyOrder(
                cst("2025-11-21T23:59:59"), cst("2025-11-25T23:59:59"), cst("2025-11-28T23:59:59"));
        at("2025-12-01T09:00");
        runDueJobs();
        assertThat(jdbc.queryForList("select grade from task_warning where task_id = ? and project_id is null and town_code = 'zhanlong' order by grade",
                String.class, report.getId())).containsExactly("ESCALATED", "RED", "YELLOW");
        engine.getRuntimeService().deleteProcessInstance(instance, "测试结束");
    }

    /** A step inside a harder deadline of its process (修改补偿安置方案 inside the vote's year) is due by that one when
     * its own working days would run past it; otherwise its own count stands. */
    @Test
    void aTaskIsDueNoLaterThanTheDeadlineItsModelNames() {
        at("2025-09-23T10:00");
        Date hard = Date.from(cst("2025-10-09T23:59:59"));
        String bounded = engine.getRuntimeService().startProcessInstanceByKey(ClockTestEngines.BOUNDED_PROCESS,
                Map.of("townCode", "zhanlong", "hardDeadline", hard)).getId();
        Task task = task(bounded, OFFICE_TASK);
        assertThat(task.getDueDate()).as("10 working days would be 13 October").isEqualTo(hard);
        assertThat(jobDueDates(task)).contains(cst("2025-10-09T23:59:59"));

        String roomy = engine.getRuntimeService().startProcessInstanceByKey(ClockTestEngines.BOUNDED_PROCESS,
                Map.of("townCode", "zhanlong", "hardDeadline", Date.from(cst("2025-12-31T23:59:59")))).getId();
        assertThat(task(roomy, OFFICE_TASK).getDueDate().toInstant()).isEqualTo(cst("2025-10-13T23:59:59"));
        engine.getRuntimeService().deleteProcessInstance(bounded, "测试结束");
        engine.getRuntimeService().deleteProcessInstance(roomy, "测试结束");
    }

    private static void at(String chinaLocalTime) {
        ClockUtil.setCurrentTime(Date.from(cst(chinaLocalTime)));
    }

    static Instant cst(String chinaLocalTime) {
        return LocalDateTime.parse(chinaLocalTime).atZone(cn.gonggaigong.clock.WorkingDayCalendar.ZONE).toInstant();
    }

    /** An instance of the one-office-task model for 占陇镇 (townCode zhanlong); its id. */
    private static String startOneTask() {
        return engine.getRuntimeService().startProcessInstanceByKey(ClockTestEngines.ONE_TASK_PROCESS,
                Map.of("townCode", "zhanlong")).getId();
    }

    private static Task task(String processInstanceId, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    private List<Instant> jobDueDates(Task task) {
        return jdbc.queryForList("select DUEDATE_ from ACT_RU_JOB where HANDLER_TYPE_ = ? and HANDLER_CFG_ like ?",
                java.sql.Timestamp.class, WarningJobHandler.TYPE, task.getId() + ":%").stream().map(java.sql.Timestamp::toInstant).toList();
    }

    private int jobs(String taskId) {
        return jdbc.queryForObject("select count(*) from ACT_RU_JOB where HANDLER_TYPE_ = ? and HANDLER_CFG_ like ?",
                Integer.class, WarningJobHandler.TYPE, taskId + ":%");
    }

    /** Runs the jobs that are due now (the engine's clock) as the job executor would. */
    private static void runDueJobs() {
        ManagementService management = engine.getManagementService();
        List<Job> due = management.createJobQuery().executable().list();
        due.forEach(job -> management.executeJob(job.getId()));
    }

    private List<String> grades(Task task) {
        return jdbc.queryForList("select grade from task_warning where task_id = ? order by grade", String.class, task.getId());
    }

    private long warningId(Task task, String grade) {
        return jdbc.queryForObject("select id from task_warning where task_id = ? and grade = ?", Long.class, task.getId(), grade);
    }

    private List<String> notifications(long warningId) {
        return jdbc.queryForList("select user_id from notification where warning_id = ?", String.class, warningId);
    }

}
