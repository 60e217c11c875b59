-- The dashboard's read model (issue 6, P3): counts kept by triggers in the same transaction as the rows they count,
-- so the leading group's figures cost a few hundred rows instead of a scan of every project.
--
--   CELL     projects in work (status ACTIVE, a phase) by phase (k1) x town (k2) x highest open warning grade (k3:
--            0 none, 1 YELLOW, 2 RED, 3 ESCALATED; 催办 URGE is not a grade)
--   ENTERED  projects by the month (k1, 'YYYY-MM' in China) they were created
--   RAISED   warnings (催办 included) by the month they were raised
--   CLOSED   warnings by the month they were closed
--
-- A trigger never updates a shared count row (two transactions would queue on it, or deadlock moving projects
-- across the same two cells): it appends a +1/-1 row to monitor_count_delta. monitor_compact(), run every minute by
-- the application (one node at a time: an advisory lock), moves the deltas into monitor_count in one transaction;
-- a query sums both tables in one statement, so it is exact at any moment.
-- After rows were written with the triggers off (a restore, session_replication_role = replica), run
-- select monitor_rebuild();

alter table project add column warning_rank smallint not null default 0;
comment on column project.warning_rank is
    'Highest open warning grade of the project (0 none, 1 YELLOW, 2 RED, 3 ESCALATED); kept by the task_warning trigger (V32)';

create table monitor_count (
    figure varchar(16) not null check (figure in ('CELL', 'ENTERED', 'RAISED', 'CLOSED')),
    k1     varchar(60) not null,
    k2     varchar(40) not null default '',
    k3     smallint    not null default 0,
    n      bigint      not null,
    primary key (figure, k1, k2, k3)
);

create table monitor_count_delta (
    id     bigint generated always as identity primary key,
    figure varchar(16) not null,
    k1     varchar(60) not null,
    k2     varchar(40) not null default '',
    k3     smallint    not null default 0,
    n      integer     not null
);
create index monitor_count_delta_figure on monitor_count_delta (figure, k1);

create function monitor_month(t timestamptz) returns varchar language sql immutable as
$$ select to_char(t at time zone 'Asia/Shanghai', 'YYYY-MM') $$;

create function monitor_count_project() returns trigger language plpgsql as $$
declare
    old_counted boolean := tg_op <> 'INSERT' and old.status = 'ACTIVE' and old.phase is not null;
    new_counted boolean := tg_op <> 'DELETE' and new.status = 'ACTIVE' and new.phase is not null;
begin
    if tg_op = 'UPDATE' and old_counted = new_counted and old.phase is not distinct from new.phase
            and old.town_code = new.town_code and old.warning_rank = new.warning_rank
            and old.created_at = new.created_at then
        return null;
    end if;
    if old_counted then
        insert into monitor_count_delta (figure, k1, k2, k3, n) values ('CELL', old.phase, old.town_code, old.warning_rank, -1);
    end if;
    if new_counted then
        insert into monitor_count_delta (figure, k1, k2, k3, n) values ('CELL', new.phase, new.town_code, new.warning_rank, 1);
    end if;
    if tg_op <> 'INSERT' and (tg_op = 'DELETE' or old.created_at <> new.created_at) then
        insert into monitor_count_delta (figure, k1, n) values ('ENTERED', monitor_month(old.created_at), -1);
    end if;
    if tg_op <> 'DELETE' and (tg_op = 'INSERT' or old.created_at <> new.created_at) then
        insert into monitor_count_delta (figure, k1, n) values ('ENTERED', monitor_month(new.created_at), 1);
    end if;
    return null;
end $$;

create trigger monitor_count_project after insert or update or delete on project
    for each row execute function monitor_count_project();

-- The project's highest open grade, after its row is locked: a warning raised and another closed at the same time in
-- two transactions end with the grade both leave (the second waits, then reads what the first committed). FOR NO KEY
-- UPDATE, not FOR UPDATE: it must not wait for (or deadlock with) the key-share locks that the foreign-key checks of
-- rows inserted for the same project take (a warning's own check runs just before this trigger).
create function monitor_warning_rank(project bigint) returns void language plpgsql as $$
declare
    rank smallint;
begin
    perform 1 from project p where p.id = project for no key update;
    select coalesce(max(case w.grade when 'ESCALATED' then 3 when 'RED' then 2 when 'YELLOW' then 1 else 0 end), 0)
      into rank from task_warning w where w.project_id = project and w.closed_at is null;
    update project p set warning_rank = rank where p.id = project and p.warning_rank <> rank;
end $$;

create function monitor_count_warning() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' and (tg_op = 'DELETE' or old.raised_at <> new.raised_at) then
        insert into monitor_count_delta (figure, k1, n) values ('RAISED', monitor_month(old.raised_at), -1);
    end if;
    if tg_op <> 'DELETE' and (tg_op = 'INSERT' or old.raised_at <> new.raised_at) then
        insert into monitor_count_delta (figure, k1, n) values ('RAISED', monitor_month(new.raised_at), 1);
    end if;
    if tg_op <> 'INSERT' and old.closed_at is not null
            and (tg_op = 'DELETE' or new.closed_at is distinct from old.closed_at) then
        insert into monitor_count_delta (figure, k1, n) values ('CLOSED', monitor_month(old.closed_at), -1);
    end if;
    if tg_op <> 'DELETE' and new.closed_at is not null
            and (tg_op = 'INSERT' or new.closed_at is distinct from old.closed_at) then
        insert into monitor_count_delta (figure, k1, n) values ('CLOSED', monitor_month(new.closed_at), 1);
    end if;
    -- The project's grade changes only with a warning's grade, closing or project (not e.g. with its notified list).
    if tg_op = 'UPDATE' and old.grade = new.grade and old.closed_at is not distinct from new.closed_at
            and old.project_id is not distinct from new.project_id then
        return null;
    end if;
    if tg_op <> 'INSERT' and old.project_id is not null then
        perform monitor_warning_rank(old.project_id);
    end if;
    if tg_op <> 'DELETE' and new.project_id is not null
            and (tg_op = 'INSERT' or new.project_id is distinct from old.project_id) then
        perform monitor_warning_rank(new.project_id);
    end if;
    return null;
end $$;

create trigger monitor_count_warning after insert or update or delete on task_warning
    for each row execute function monitor_count_warning();

-- Moves the deltas into the counts; one caller at a time (the others return at once).
create function monitor_compact() returns integer language plpgsql as $$
declare
    moved integer;
begin
    if not pg_try_advisory_xact_lock(hashtext('monitor_compact')) then
        return 0;
    end if;
    with d as (delete from monitor_count_delta returning figure, k1, k2, k3, n),
         s as (select figure, k1, k2, k3, sum(n) as n, count(*) as moved_rows from d group by figure, k1, k2, k3),
         u as (insert into monitor_count (figure, k1, k2, k3, n) select figure, k1, k2, k3, n from s
               on conflict (figure, k1, k2, k3) do update set n = monitor_count.n + excluded.n)
    select coalesce(sum(moved_rows), 0) into moved from s;
    delete from monitor_count where n = 0;
    return moved;
end $$;

-- Counts made again from the rows (this migration's backfill; after a restore).
create function monitor_rebuild() returns void language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('monitor_compact'));
    update project p set warning_rank = g.rank
      from (select p2.id, coalesce(max(case w.grade when 'ESCALATED' then 3 when 'RED' then 2 when 'YELLOW' then 1 else 0 end)
                                   filter (where w.closed_at is null), 0) as rank
              from project p2 left join task_warning w on w.project_id = p2.id group by p2.id) g
     where g.id = p.id and p.warning_rank <> g.rank;
    delete from monitor_count_delta;
    delete from monitor_count;
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

select monitor_rebuild();
