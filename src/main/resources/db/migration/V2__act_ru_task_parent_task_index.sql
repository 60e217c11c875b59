-- OURS, NOT CAMUNDA'S: an index on a table of the Camunda engine's schema.
-- Completing a task looks up sub-tasks by ACT_RU_TASK.PARENT_TASK_ID_, which the stock PostgreSQL schema of
-- Camunda 7.24 does not index: with 100,000 open tasks a completion does a sequential scan (~12 ms; 170/s fall
-- to 42/s on one thread); with this index it is back to ~152/s (see PERFORMANCE-NOTES.md).
-- The engine creates its tables before Flyway runs (see cn.gonggaigong.platform.CamundaSchemaFirstMigrationStrategy).
-- Camunda's upgrade scripts do not know this index; check it still exists after a Camunda schema upgrade.
create index if not exists ggg_idx_act_ru_task_parent_task on act_ru_task (parent_task_id_);

comment on index ggg_idx_act_ru_task_parent_task is
    'gonggaigong: not part of the Camunda schema; created by Flyway migration V2 (task completion looks tasks up by parent)';
