-- The league table's counts (issue 6, P3): what /api/monitor/league counted from the engine's history on every call
-- (every completed task with a due date, every ended phase), kept instead in monitor_count by the application as
-- the engine writes that history, in the same transaction (cn.gonggaigong.monitor.LeagueCounts). The history grows
-- with every task completed for as long as the system runs; the league no longer reads it.
--
--   TASK_DONE     office steps completed with a due date, by the town (k1) of their project
--   TASK_ON_TIME  of those, completed by their due date
--   PHASE_DONE    phases (call activities of a project's lifecycle) ended, by town
--   PHASE_DAYS    their working days (end day's ordinal minus start day's in working_day, days in China)
--
-- The figures count what happened, also after Camunda's history cleanup has removed the rows. After history rows
-- were written or removed behind the application's back (a restore, a test's clean-up), run
-- select monitor_rebuild_league('<the JVM zone the engine wrote its timestamps in>');
-- (Flyway's V37.1 did it once, with the application's zone.)

alter table monitor_count drop constraint monitor_count_figure_check;
alter table monitor_count add constraint monitor_count_figure_check
    check (figure in ('CELL', 'ENTERED', 'RAISED', 'CLOSED', 'TASK_DONE', 'TASK_ON_TIME', 'PHASE_DONE', 'PHASE_DAYS'));

-- monitor_rebuild() makes V32's figures again from their rows; the league's are not made from those rows.
create or replace function monitor_rebuild() returns void language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('monitor_compact'));
    update project p set warning_rank = g.rank
      from (select p2.id, coalesce(max(case w.grade when 'ESCALATED' then 3 when 'RED' then 2 when 'YELLOW' then 1 else 0 end)
                                   filter (where w.closed_at is null), 0) as rank
              from project p2 left join task_warning w on w.project_id = p2.id group by p2.id) g
     where g.id = p.id and p.warning_rank <> g.rank;
    delete from monitor_count_delta where figure in ('CELL', 'ENTERED', 'RAISED', 'CLOSED');
    delete from monitor_count where figure in ('CELL', 'ENTERED', 'RAISED', 'CLOSED');
    insert into monitor_count (figure, k1, k2, k3, n)
    select 'CELL', phase, town_code, warning_rank, count(*) from project
     where status = 'ACTIVE' and phase is not null group by phase, town_code, warning_rank;
    insert into monitor_count (figure, k1, n)
    select 'ENTERED', monitor_month(created_at), count(*) from project group by 2;
    insert into monitor_count (figure, k1, n)
    select 'RAISED', monitor_month(raised_at), count(*) from task_warning group by 2;
    insert into monitor_count (figure, k1, n)
    select 'CLOSED', monitor_month(closed_at), count(*) from task_warning where closed_at is not null group by 2;
end $$;

-- The league's figures made again from the engine's history; jvm_zone: the zone of Camunda's timestamps.
create function monitor_rebuild_league(jvm_zone varchar) returns void language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('monitor_compact'));
    delete from monitor_count_delta where figure in ('TASK_DONE', 'TASK_ON_TIME', 'PHASE_DONE', 'PHASE_DAYS');
    delete from monitor_count where figure in ('TASK_DONE', 'TASK_ON_TIME', 'PHASE_DONE', 'PHASE_DAYS');
    insert into monitor_count (figure, k1, n)
    select f.figure, t.town_code, f.n from (
        select p.town_code, count(*) as done, count(*) filter (where h.end_time_ <= h.due_date_) as on_time
          from act_hi_taskinst h join project p on p.process_instance_id = h.root_proc_inst_id_
         where h.end_time_ is not null and h.due_date_ is not null and h.delete_reason_ = 'completed'
         group by p.town_code) t
    cross join lateral (values ('TASK_DONE', t.done), ('TASK_ON_TIME', t.on_time)) f(figure, n)
    where f.n <> 0;
    insert into monitor_count (figure, k1, n)
    select f.figure, t.town_code, f.n from (
        select p.town_code, count(*) as done, sum(de.ordinal - ds.ordinal) as days
          from act_hi_actinst a join project p on p.process_instance_id = a.proc_inst_id_
          join working_day ds on ds.day = cast((a.start_time_ at time zone jvm_zone) at time zone 'Asia/Shanghai' as date)
          join working_day de on de.day = cast((a.end_time_ at time zone jvm_zone) at time zone 'Asia/Shanghai' as date)
         where a.act_type_ = 'callActivity' and a.end_time_ is not null
         group by p.town_code) t
    cross join lateral (values ('PHASE_DONE', t.done), ('PHASE_DAYS', t.days)) f(figure, n)
    where f.n <> 0;
end $$;
