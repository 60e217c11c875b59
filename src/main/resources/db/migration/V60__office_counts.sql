-- 各单位办理时效's figures (MonitorQueries.offices), kept in monitor_count as the statutory clock starts and ends an
-- office's step (cn.gonggaigong.monitor.OfficeCounts, in the engine's transaction; folded by monitor_compact() like
-- the others), instead of counting task_clock's rows on every call (a million rows in a month at 100,000 projects of
-- the benchmark, all of whose steps ended in the month it ran; 150,000 open steps):
--
--   OFFICE_OPEN  steps of an office (k1: task_clock.responsible_group) open now, on its own clock (OFFICE: not the
--                applicant's, not outside)
--   OFFICE_DONE  steps completed by an office in a month (k2: YYYY-MM, China), by k3: 0 without a deadline, 1 after
--                it, 2 by it
--   OFFICE_DAYS  their working days (task_clock.working_days_used)
--
-- After task_clock rows were written or removed behind the application's back (a restore), run
-- select monitor_rebuild_offices();

alter table monitor_count drop constraint monitor_count_figure_check;
alter table monitor_count add constraint monitor_count_figure_check
    check (figure in ('CELL', 'ENTERED', 'RAISED', 'CLOSED', 'TASK_DONE', 'TASK_ON_TIME', 'PHASE_DONE', 'PHASE_DAYS',
                      'OFFICE_OPEN', 'OFFICE_DONE', 'OFFICE_DAYS'));

create function monitor_rebuild_offices() returns void language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('monitor_compact'));
    delete from monitor_count_delta where figure in ('OFFICE_OPEN', 'OFFICE_DONE', 'OFFICE_DAYS');
    delete from monitor_count where figure in ('OFFICE_OPEN', 'OFFICE_DONE', 'OFFICE_DAYS');
    insert into monitor_count (figure, k1, n)
    select 'OFFICE_OPEN', c.responsible_group, count(*) from task_clock c
     where c.ended_at is null and c.clock = 'OFFICE' group by c.responsible_group;
    insert into monitor_count (figure, k1, k2, k3, n)
    select 'OFFICE_DONE', c.responsible_group, monitor_month(c.ended_at),
           case when c.due_at is null then 0 when c.ended_at > c.due_at then 1 else 2 end, count(*)
      from task_clock c
     where c.ended_at is not null and c.ended_reason = 'COMPLETED' and c.clock = 'OFFICE'
     group by 2, 3, 4;
    insert into monitor_count (figure, k1, k2, n)
    select 'OFFICE_DAYS', c.responsible_group, monitor_month(c.ended_at), sum(c.working_days_used)
      from task_clock c
     where c.ended_at is not null and c.ended_reason = 'COMPLETED' and c.clock = 'OFFICE'
     group by 2, 3 having sum(c.working_days_used) <> 0;
end $$;

select monitor_rebuild_offices();
