package cn.gonggaigong.monitor;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;

/**
 * Seeded data for the monitoring tests, once per test JVM: projects in several towns, phases and statuses (rows of
 * project), warnings (rows of task_warning), and engine work for them: a probe lifecycle whose call activity
 * {@code CallActivity_Intake} calls a step process, so tasks with due dates live in a called instance as in the real
 * lifecycle; some completed on time, some late, some open past their due date, one project completed. The engine's
 * clock is moved to write the history at known times. Towns 后溪乡 (houxi) and 普侨镇 (puqiao) hold only these
 * projects, so their figures are known exactly; 赤岗镇 (chigang) has none.
 */
final class MonitorSeed {

    static final String PROBE = "GggMonitorProbe";
    static final String PROBE_STEP = "GggMonitorProbeStep";
    /** "Now" of the assertions: Monday 30 November 2026, noon in China. */
    static final Date NOW = at("2026-11-30T12:00:00+08:00");

    static final Map<String, Long> ids = new java.util.HashMap<>();
    private static boolean seeded;

    private MonitorSeed() {
    }

    static Date at(String isoOffsetDateTime) {
        return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
    }

    static synchronized void seed(JdbcTemplate jdbc, ProcessEngine engine) {
        if (seeded) {
            return;
        }
        try {
            // The product's ten years of history: the history cleanup runs 01:00-05:00 in China, also while the tests
            // run, and would remove a shorter-lived probe's history, written at dates in the past.
            BpmnModelInstance lifecycle = Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(3650)
                    .startEvent().callActivity("CallActivity_Intake").calledElement(PROBE_STEP)
                    .camundaIn("townGroup", "townGroup").camundaIn("projectId", "projectId")
                    .userTask("Task_Next").name("监测探针后续事项").camundaCandidateGroups("${townGroup}")
                    .endEvent("EndEvent_ProjectCompleted").done();
            BpmnModelInstance step = Bpmn.createExecutableProcess(PROBE_STEP).camundaHistoryTimeToLive(3650)
                    .startEvent().userTask("Task_Step").name("监测探针事项").camundaCandidateGroups("${townGroup}")
                    .endEvent().done();
            engine.getRepositoryService().createDeployment().name("monitor-test-probe")
                    .addModelInstance(PROBE + ".bpmn", lifecycle).addModelInstance(PROBE_STEP + ".bpmn", step).deploy();

            Long plan = jdbc.queryForObject("insert into annual_plan (plan_year, title, status) values (2090,"
                    + " '监测测试计划', 'APPROVED') returning id", Long.class);

            // 后溪乡
            project(jdbc, "MON-H1", "houxi", "ACTIVE", "INTAKE", plan, "2026-06-15T10:00:00+08:00", null);
            project(jdbc, "MON-H2", "houxi", "ACTIVE", "INTAKE", plan, "2026-07-03T10:00:00+08:00", null);
            String h3 = projectWithProbe(jdbc, engine, "2026-09-01T10:00:00+08:00", "MON-H3", "houxi", "ACTIVE",
                    "SCHEME_COMPILATION", null, "2026-07-20T10:00:00+08:00");
            project(jdbc, "MON-H4", "houxi", "ACTIVE", "IMPLEMENTATION_SUPERVISION", plan, "2026-01-10T10:00:00+08:00", null);
            String h5 = projectWithProbe(jdbc, engine, "2026-09-07T10:00:00+08:00", "MON-H5", "houxi", "COMPLETED",
                    null, plan, "2025-12-01T10:00:00+08:00");
            project(jdbc, "MON-H6", "houxi", "REJECTED", null, null, "2026-03-01T10:00:00+08:00", null);
            // 普侨镇
            String p1 = projectWithProbe(jdbc, engine, "2026-11-02T10:00:00+08:00", "MON-P1", "puqiao", "ACTIVE",
                    "INTAKE", null, "2026-11-02T10:00:00+08:00");
            project(jdbc, "MON-P2", "puqiao", "ACTIVE", "LAND_MANAGEMENT", plan, "2026-08-08T10:00:00+08:00", null);
            String p3 = projectWithProbe(jdbc, engine, "2026-11-03T10:00:00+08:00", "MON-P3", "puqiao", "ACTIVE",
                    "TRANSITION_PERIOD", plan, "2026-02-02T10:00:00+08:00");

            TaskService tasks = engine.getTaskService();
            // H3: the step done on time (due Fri 4 Sep, done Thu 3 Sep: 2 working days); next task overdue since 20 Nov.
            due(tasks, step(engine, h3), "2026-09-04T23:59:59+08:00");
            complete(engine, step(engine, h3), "2026-09-03T15:00:00+08:00");
            due(tasks, next(engine, h3), "2026-11-20T18:00:00+08:00");
            // H5: the step done late (due Tue 8 Sep, done Thu 10 Sep: 3 working days); the project completed 15 Oct.
            due(tasks, step(engine, h5), "2026-09-08T23:59:59+08:00");
            complete(engine, step(engine, h5), "2026-09-10T16:00:00+08:00");
            Task h5Next = next(engine, h5);
            h5Next.setDueDate(null); // a task without a due date is not judged on time or late
            tasks.saveTask(h5Next);
            complete(engine, h5Next, "2026-10-15T10:00:00+08:00");
            // P1: its step (in the called instance) overdue since the end of Friday 27 Nov; P3's step due in December.
            due(tasks, step(engine, p1), "2026-11-27T23:59:59+08:00");
            due(tasks, step(engine, p3), "2026-12-10T23:59:59+08:00");

            // The statutory clock (issue 5) gave the probe tasks escalation timers of its own; the warnings here are
            // seeded as rows, so none of the probes' timers may raise more while the tests run.
            dropProbeTimers(engine);
            jdbc.update("delete from task_warning where task_id in (select id_ from act_hi_taskinst where proc_def_key_ in (?, ?))",
                    PROBE, PROBE_STEP);

            // Warnings (红黄牌): H2 yellow raised 1 Nov 01:00 in China (still 31 Oct in UTC); H3 yellow and red;
            // H4 red (closed) and escalated; P1 red; P2 only urged (no grade).
            warning(jdbc, "MON-H2", "houxi", "YELLOW", "2026-11-01T01:00:00+08:00", null);
            warning(jdbc, "MON-H3", "houxi", "YELLOW", "2026-11-18T09:00:00+08:00", null);
            warning(jdbc, "MON-H3", "houxi", "RED", "2026-11-21T09:00:00+08:00", null);
            warning(jdbc, "MON-H4", "houxi", "RED", "2026-11-01T09:00:00+08:00", "2026-11-04T09:00:00+08:00");
            warning(jdbc, "MON-H4", "houxi", "ESCALATED", "2026-11-05T09:00:00+08:00", null);
            warning(jdbc, "MON-H5", "houxi", "YELLOW", "2026-09-07T09:00:00+08:00", "2026-10-15T10:00:00+08:00");
            warning(jdbc, "MON-P1", "puqiao", "RED", "2026-11-28T09:00:00+08:00", null);
            warning(jdbc, "MON-P2", "puqiao", "URGE", "2026-11-10T09:00:00+08:00", null);
            seeded = true;
        } finally {
            ClockUtil.reset();
        }
    }

    private static void dropProbeTimers(ProcessEngine engine) {
        for (String key : new String[]{PROBE, PROBE_STEP}) {
            for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).list()) {
                engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).list()
                        .forEach(job -> engine.getManagementService().deleteJob(job.getId()));
            }
        }
    }

    /**
     * A project whose lifecycle is a probe instance started at {@code startedAt}, in the order of ProjectService: the
     * project first, then its instance with the variables projectId and townGroup (the task lists' read model takes a
     * task's project and town from them), then the instance's id on the project.
     */
    private static String projectWithProbe(JdbcTemplate jdbc, ProcessEngine engine, String startedAt, String code,
                                           String town, String status, String phase, Long plan, String createdAt) {
        project(jdbc, code, town, status, phase, plan, createdAt, null);
        String instance = probe(engine, town, startedAt, ids.get(code));
        jdbc.update("update project set process_instance_id = ? where id = ?", instance, ids.get(code));
        return instance;
    }

    private static void project(JdbcTemplate jdbc, String code, String town, String status, String phase, Long plan,
                                String createdAt, String processInstanceId) {
        Long id = jdbc.queryForObject("""
                insert into project (code, name, town_code, applicant_name, applicant_user_id, applicant_type,
                    renovation_mode, renovation_type, ownership, land_area_sqm, land_area_mu, existing_floor_area,
                    current_plot_ratio, planned_floor_area, planned_plot_ratio, industry_category, investment,
                    key_industry_project, pilot_project, contiguous_area_mu, historical_land_procedures,
                    government_subject, plan_year, status, phase, process_instance_id, annual_plan_id, created_at,
                    updated_at, version)
                values (?, ?, ?, '监测测试企业', 'applicant1', 'OWNER', 'SELF', 'FULL', 'SINGLE', 10000, 15, 8000, 0.8,
                    30000, 3.0, 'LIGHT_TEXTILE', 50000000, false, false, 0, false, false, 2026, ?, ?, ?, ?, ?, ?, 0)
                returning id""", Long.class, code, code + " 监测测试项目", town, status, phase, processInstanceId, plan,
                Timestamp.from(at(createdAt).toInstant()), Timestamp.from(at(createdAt).toInstant()));
        ids.put(code, id);
    }

    private static String probe(ProcessEngine engine, String town, String startedAt, long projectId) {
        ClockUtil.setCurrentTime(at(startedAt));
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROBE,
                Map.of("townGroup", "town-" + town, "projectId", projectId));
        dropProbeTimers(engine);
        return instance.getId();
    }

    private static Task step(ProcessEngine engine, String lifecycle) {
        return engine.getTaskService().createTaskQuery().processDefinitionKey(PROBE_STEP)
                .processVariableValueEquals("townGroup", engine.getRuntimeService().getVariable(lifecycle, "townGroup"))
                .list().stream().filter(t -> rootOf(engine, t).equals(lifecycle)).findFirst().orElseThrow();
    }

    private static Task next(ProcessEngine engine, String lifecycle) {
        return engine.getTaskService().createTaskQuery().processInstanceId(lifecycle).taskDefinitionKey("Task_Next")
                .singleResult();
    }

    static String rootOf(ProcessEngine engine, Task task) {
        return engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult()
                .getRootProcessInstanceId();
    }

    private static void due(TaskService tasks, Task task, String dueAt) {
        task.setDueDate(at(dueAt));
        tasks.saveTask(task);
    }

    private static void complete(ProcessEngine engine, Task task, String at) {
        ClockUtil.setCurrentTime(at(at));
        engine.getTaskService().complete(task.getId());
        dropProbeTimers(engine);
    }

    private static void warning(JdbcTemplate jdbc, String project, String town, String grade, String raisedAt,
                                String closedAt) {
        jdbc.update("""
                insert into task_warning (project_id, town_code, task_id, task_definition_key, task_name,
                    responsible_group, grade, raised_at, message, closed_at, closed_reason)
                values (?, ?, ?, 'Task_Step', '监测探针事项', ?, ?, ?, '测试预警', ?, ?)""",
                ids.get(project), town, "seed-" + project + "-" + grade, "town-" + town, grade,
                Timestamp.from(at(raisedAt).toInstant()),
                closedAt == null ? null : Timestamp.from(at(closedAt).toInstant()), closedAt == null ? null : "事项已办结");
    }
}
