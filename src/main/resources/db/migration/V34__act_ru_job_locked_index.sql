-- OURS, NOT CAMUNDA'S: an index on a table of the Camunda engine's schema (like V2, V30, V33).
-- Each job acquisition keeps exclusive jobs (timers, async steps) of a process instance from running twice at once:
-- "not exists (a job of the same process instance that is locked and whose lock has not expired)". PostgreSQL
-- answers that by collecting the locked jobs first, and without an index it reads the whole ACT_RU_JOB table for it
-- whenever anything is due: 9 ms per acquisition at 10,000 projects (27,600 jobs), about ten times that at 100,000
-- (338,000 jobs, three escalation timers per open office task), while only a few dozen jobs are ever locked.
-- This partial index holds just the locked jobs: 0.7 ms per acquisition at 10,000 projects (EXPLAIN ANALYZE of
-- Camunda's statement; BENCHMARKS.md, P4). Check it still exists after a Camunda schema upgrade.
create index if not exists ggg_idx_act_ru_job_locked on act_ru_job (lock_exp_time_) where lock_owner_ is not null;

comment on index ggg_idx_act_ru_job_locked is
    'gonggaigong: not part of the Camunda schema; created by Flyway migration V34 (job acquisition: locked jobs)';
