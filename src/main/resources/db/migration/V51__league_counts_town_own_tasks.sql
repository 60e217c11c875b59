-- 乡镇排行 ranks the towns by their own work. V37 counted every step of a town's projects under the town, also the
-- natural resources bureau's, the municipal government's and the applicant's (补充权属证明材料): a town was marked
-- late for a step another office took too long over. The counts of completed steps now say whose step it was
-- (k2): OWN when the town's office (town.group_id) was a candidate group of the step when it was completed, OTHER
-- otherwise. The league reads OWN; the dashboard's city-wide on-time rate reads both. Phases stay the project's:
-- a phase's working days are everyone's.
--
-- Whether a step was the town's is read from the engine's identity-link history (history level full): the last
-- change of the town group's candidate link on the task before it ended is an 'add'. Camunda writes that history
-- in the commands before the one that completes the task, so LeagueCounts (at completion) and
-- monitor_rebuild_league (from the rows) read the same answer.

create function monitor_town_task(task varchar, town_group varchar) returns boolean language sql stable as $$
    select coalesce((select l.operation_type_ = 'add' from act_hi_identitylink l
                      where l.task_id_ = task and l.type_ = 'candidate' and l.group_id_ = town_group
                      order by l.timestamp_ desc limit 1), false)
$$;

create or replace function monitor_rebuild_league(jvm_zone varchar) returns void language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('monitor_compact'));
    delete from monitor_count_delta where figure in ('TASK_DONE', 'TASK_ON_TIME', 'PHASE_DONE', 'PHASE_DAYS');
    delete from monitor_count where figure in ('TASK_DONE', 'TASK_ON_TIME', 'PHASE_DONE', 'PHASE_DAYS');
    insert into monitor_count (figure, k1, k2, n)
    select f.figure, t.town_code, t.whose, f.n from (
        select p.town_code, case when monitor_town_task(h.id_, tw.group_id) then 'OWN' else 'OTHER' end as whose,
               count(*) as done, count(*) filter (where h.end_time_ <= h.due_date_) as on_time
          from act_hi_taskinst h join project p on p.process_instance_id = h.root_proc_inst_id_
          join town tw on tw.code = p.town_code
         where h.end_time_ is not null and h.due_date_ is not null and h.delete_reason_ = 'completed'
         group by 1, 2) t
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

-- The counts already kept are made again by Flyway's V51.1 (LeagueCountsBackfill.Recount), in the JVM's zone.
