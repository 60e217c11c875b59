package cn.gonggaigong.monitor;

import cn.gonggaigong.process.Phase;
import cn.gonggaigong.process.ProjectLifecycleProcess;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The project sets behind the monitoring's figures, each a condition on {@code project p} (its {@code warning_rank}
 * is the project's highest open warning grade) and its town {@code t}. The counting queries of {@link MonitorQueries}
 * use the same conditions, so a figure and its drill-down ({@code GET /api/monitor/projects?figure=…}) always agree.
 * Parameters: {@code :phase}, {@code :gradeRank}, {@code :from}/{@code :to} (a month, timestamptz),
 * {@code :fromLocal}/{@code :toLocal} (the same month for Camunda's timestamp columns), {@code :now}/{@code :nowLocal}.
 */
public enum Figure {
    /** Active projects by phase, town and grade (each optional). */
    PHASE_TOWN_GRADE("phase-town-grade", "在办项目(阶段×乡镇×预警等级)",
            "p.status = 'ACTIVE' and p.phase is not null", Set.of("phase", "grade")),
    /** Active projects with an open task past its due date. */
    OVERDUE("overdue", "有逾期事项的项目", "p.status = 'ACTIVE' and p.process_instance_id in (" + Sql.OVERDUE_ROOTS + ")", Set.of()),
    IN_PLAN("in-plan", "已列入年度计划的项目", "p.annual_plan_id is not null", Set.of()),
    STARTED("started", "已开工项目", Sql.STARTED, Set.of()),
    IN_PHASE("in-phase", "该阶段在办项目", "p.status = 'ACTIVE' and p.phase = :phase", Set.of("phase")),
    COMPLETED("completed", "已完成项目", "p.status = 'COMPLETED'", Set.of()),
    WARNINGS_RAISED("warnings-raised", "当月发出预警的项目",
            "p.id in (select w.project_id from task_warning w where w.raised_at >= :from and w.raised_at < :to)",
            Set.of("month")),
    WARNINGS_CLOSED("warnings-closed", "当月关闭预警的项目",
            "p.id in (select w.project_id from task_warning w where w.closed_at >= :from and w.closed_at < :to)",
            Set.of("month")),
    ENTERED("entered", "当月新申报项目", "p.created_at >= :from and p.created_at < :to", Set.of("month")),
    COMPLETED_IN_MONTH("completed-in-month", "当月完成项目", "p.process_instance_id in (" + Sql.COMPLETED_IN_MONTH + ")",
            Set.of("month")),
    /** Active projects whose process an administrator has suspended (挂起): the lifecycle instance or a phase it called. */
    SUSPENDED("suspended", "审批流程已挂起的项目", "p.status = 'ACTIVE' and p.process_instance_id in (" + Sql.SUSPENDED_ROOTS + ")",
            Set.of()),
    /** The league's: projects with a step of their town's office (t, the project's town) completed late (V51). */
    LATE_TASKS("late-tasks", "有乡镇经办事项超期办结的项目", "p.process_instance_id in (" + Sql.LATE_ROOTS + ")", Set.of()),
    /** The league's: projects with an open red warning on a step of their town's office. */
    OPEN_RED("open-red", "有乡镇经办事项未关闭红牌的项目",
            "p.id in (select w.project_id from task_warning w where w.closed_at is null and w.grade = 'RED'"
                    + " and w.responsible_group = t.group_id)", Set.of()),
    PHASES_DONE("phases-done", "已办结阶段的项目", "p.process_instance_id in (select a.proc_inst_id_ from act_hi_actinst a"
            + " where a.act_type_ = 'callActivity' and a.end_time_ is not null and (cast(:phaseActivity as varchar) is null"
            + " or a.act_id_ = :phaseActivity))", Set.of("phase"));

    private final String code;
    private final String label;
    private final String condition;
    private final Set<String> parameters;

    Figure(String code, String label, String condition, Set<String> parameters) {
        this.code = code;
        this.label = label;
        this.condition = condition;
        this.parameters = parameters;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    String condition() {
        return condition;
    }

    /** Parameters besides {@code town} the figure takes (month is required where listed, phase and grade optional). */
    public Set<String> parameters() {
        return parameters;
    }

    public static Optional<Figure> of(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    public static String codes() {
        return Arrays.stream(values()).map(Figure::code).collect(Collectors.joining(", "));
    }

    /** SQL shared by figures and counts. */
    static final class Sql {

        /** Phases in which a project counts as started (开工): implementation and after. */
        static final Set<Phase> STARTED_PHASES =
                Set.of(Phase.IMPLEMENTATION_SUPERVISION, Phase.COMPLETION_ACCEPTANCE, Phase.TRANSITION_PERIOD);

        static final String STARTED = "(p.status = 'COMPLETED' or (p.status = 'ACTIVE' and p.phase in ("
                + STARTED_PHASES.stream().map(ph -> "'" + ph.name() + "'").sorted().collect(Collectors.joining(", "))
                + ")))";

        /** Lifecycle instances (project.process_instance_id) with an open task past its due date. */
        static final String OVERDUE_ROOTS = "select e.root_proc_inst_id_ from act_ru_task t"
                + " join act_ru_execution e on e.id_ = t.proc_inst_id_ where t.due_date_ < :nowLocal";

        /** Lifecycle instances of which an instance stands suspended ({@code clock_suspension}, SuspensionClock). */
        static final String SUSPENDED_ROOTS = "select e.root_proc_inst_id_ from clock_suspension c"
                + " join act_ru_execution e on e.id_ = c.process_instance_id";

        /** Lifecycle instances with a task of the town's office (t) completed after its due date, as LeagueCounts
         * counts them. */
        static final String LATE_ROOTS = "select h.root_proc_inst_id_ from act_hi_taskinst h"
                + " where h.end_time_ is not null and h.due_date_ is not null and h.end_time_ > h.due_date_"
                + " and h.delete_reason_ = 'completed' and monitor_town_task(h.id_, t.group_id)";

        /** Lifecycle instances (alias h, act_hi_procinst) that completed in the month. */
        static final String COMPLETED_IN_RANGE = "h.end_act_id_ = '" + ProjectLifecycleProcess.END_EVENT_COMPLETED
                + "' and h.end_time_ >= :fromLocal and h.end_time_ < :toLocal";

        static final String COMPLETED_IN_MONTH = "select h.id_ from act_hi_procinst h where " + COMPLETED_IN_RANGE;

        private Sql() {
        }
    }
}
