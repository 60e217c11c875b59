-- 各单位办理时效's month figures (MonitorQueries.offices), kept in monitor_count as the statutory clock ends an
-- office's step (cn.gonggaigong.monitor.OfficeCounts, in the engine's transaction; folded by monitor_compact() like
-- the others), instead of counting a month's task_clock rows on every call (a million rows in a month at 100,000
-- projects of the benchmark, all of whose steps ended in the month it ran):
--
--   OFFICE_DONE     steps completed by an office (k1: task_clock.responsible_group) in a month (k2: YYYY-MM, China),
--                   on the office's own clock (OFFICE: not the applicant's, not outside)
--   OFFICE_TIMED    of those, with a deadline
--   OFFICE_ON_TIME  of those, completed by it
--   OFFICE_DAYS     their working days (task_clock.working_days_used)
--
-- After task_clock rows were written or removed behind the application's back (a restore), run
-- select monitor_rebuild_offices();

alter table monitor_count drop constraint monitor_count_figure_check;
alter table monitor_count add constraint monitor_count_figure_check
    check (figure in ('CELL', 'ENTERED', 'RAISED', 'CLOSED', 'TASK_DONE', 'TASK_ON_TIME', 'PHASE_DONE', 'PHASE_DAYS',
                      'OFFICE_DONE', 'OFFICE_TIMED', 'OFFICE_ON_TIME', 'OFFICE_DAYS'));

create function monitor_rebuild_offices() returns void language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('monitor_compact'));
    delete from monitor_count_delta where figure in ('OFFICE_DONE', 'OFFICE_TIMED', 'OFFICE_ON_TIME', 'OFFICE_DAYS');
    delete from monitor_count where figure in ('OFFICE_DONE', 'OFFICE_TIMED', 'OFFICE_ON_TIME', 'OFFICE_DAYS');
    insert into monitor_count (figure, k1, k2, n)
    select f.figure, t.office, t.month, f.n from (
        select c.responsible_group as office, monitor_month(c.ended_at) as month, count(*) as done,
               count(*) filter (where c.due_at is not null) as timed,
               count(*) filter (where c.ended_at <= c.due_at) as on_time,
               coalesce(sum(c.working_days_used), 0) as days
          from task_clock c
         where c.ended_at is not null and c.ended_reason = 'COMPLETED' and c.clock = 'OFFICE'
         group by 1, 2) t
    cross join lateral (values ('OFFICE_DONE', t.done), ('OFFICE_TIMED', t.timed), ('OFFICE_ON_TIME', t.on_time),
                               ('OFFICE_DAYS', t.days)) f(figure, n)
    where f.n <> 0;
end $$;

select monitor_rebuild_offices();
