-- OURS, NOT CAMUNDA'S: an index on a table of the Camunda engine's schema (like V2).
-- Every job executor node asks ACT_RU_JOB for due jobs each few seconds ("DUEDATE_ is null or DUEDATE_ <= now",
-- not locked, retries left). The stock PostgreSQL schema of Camunda 7.24 has no index on DUEDATE_, so each
-- acquisition reads the whole table; the statutory clock (V20) keeps three escalation timers per open office task,
-- so that is about 3.7 jobs per active project: 5.5 ms per acquisition at 2,600 projects, about 0.2 s at 100,000,
-- spent while nothing is due. With this index an idle acquisition reads only what is due (0.2 ms); BENCHMARKS.md,
-- P4, has the figures. Check it still exists after a Camunda schema upgrade.
create index if not exists ggg_idx_act_ru_job_duedate on act_ru_job (duedate_);

comment on index ggg_idx_act_ru_job_duedate is
    'gonggaigong: not part of the Camunda schema; created by Flyway migration V30 (job acquisition looks jobs up by due date)';
