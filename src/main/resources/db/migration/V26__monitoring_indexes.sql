-- Indexes for the leading group's monitoring (cn.gonggaigong.monitor.MonitorQueries): every figure is one SQL.
-- Those on ACT_* tables are OURS, NOT CAMUNDA'S (like V2): Camunda's upgrade scripts do not know them; check they
-- still exist after a Camunda schema upgrade.

-- Overdue list: open tasks whose due date has passed.
create index if not exists ggg_idx_act_ru_task_due on act_ru_task (due_date_) where due_date_ is not null;
comment on index ggg_idx_act_ru_task_due is
    'gonggaigong: not part of the Camunda schema; created by Flyway migration V26 (overdue tasks of the monitoring)';

-- League table: completed tasks with a due date, per lifecycle instance (on time = ended by the due date).
create index if not exists ggg_idx_act_hi_task_done_due on act_hi_taskinst (root_proc_inst_id_, end_time_, due_date_)
    where end_time_ is not null and due_date_ is not null;
comment on index ggg_idx_act_hi_task_done_due is
    'gonggaigong: not part of the Camunda schema; created by Flyway migration V26 (on-time rate of the monitoring)';

-- League table: how long each project stayed in each phase (the lifecycle's call activities).
create index if not exists ggg_idx_act_hi_actinst_phase on act_hi_actinst (proc_inst_id_, start_time_, end_time_)
    where act_type_ = 'callActivity' and end_time_ is not null;
comment on index ggg_idx_act_hi_actinst_phase is
    'gonggaigong: not part of the Camunda schema; created by Flyway migration V26 (phase durations of the monitoring)';

-- Trend: projects entering by month; warnings raised / closed by month and town; open warnings by project.
create index project_created_idx on project (created_at);
create index task_warning_raised on task_warning (raised_at);
create index task_warning_closed on task_warning (closed_at) where closed_at is not null;
create index task_warning_open_project on task_warning (project_id, grade) where closed_at is null;
create index task_warning_town on task_warning (town_code);

-- Working days as a table, so that the database counts working days between two dates (ordinal difference).
-- Filled and kept in step with the holiday files by cn.gonggaigong.monitor.WorkingDayTable at start.
create table working_day (
    day     date    primary key,
    ordinal integer not null,
    working boolean not null
);
