-- The task lists' read model (issue 6, P2): one row per open task and per party that may work on it, kept in step
-- with Camunda's runtime tables in the same transaction by cn.gonggaigong.task.TaskInbox (task listeners create,
-- assignment, update, complete, delete on every user task). A party is 'g:<group>' for a candidate group and
-- 'u:<user>' for the assignee, the owner (a delegated task) or a candidate user: exactly the identity links for which
-- the engine grants a task's permissions. The list of a user is then an index range per party, already sorted by
-- due date, instead of every task the user may work on, sorted, before the first 50 are taken.
-- Times are Camunda's (timestamp without time zone, in the JVM's zone), copied from ACT_RU_TASK.
create table task_inbox (
    task_id       varchar(64)  not null,
    party         varchar(300) not null,
    due_date      timestamp,
    create_time   timestamp    not null,
    task_name     varchar(255),
    task_def_key  varchar(255),
    project_id    bigint       references project (id),
    -- The project's town group and applicant (neither changes), for the rule that a town sees only its own
    -- town's projects (ProjectAccess) without a join per row.
    town_group        varchar(100),
    applicant_user_id varchar(100),
    primary key (task_id, party)
);

-- A page reads each of the caller's parties' range in due-date order and stops after a page (TaskQueries.mine). The
-- access rule (a town sees only its own town's projects) filters on project_id, town_group and applicant_user_id, so
-- they are in the index too: without them PostgreSQL expected the filter to drop most rows and read the party's whole
-- range from the table and sorted it (at 100,000 projects 占陇镇's 828 rows on 822 pages, 60 ms when they were not in
-- memory) instead of the first rows of the index (8 pages, under 1 ms; BENCHMARKS.md, P2).
create index task_inbox_party_due on task_inbox (party, due_date, create_time, task_id)
    include (project_id, town_group, applicant_user_id);
create index task_inbox_project on task_inbox (project_id);

-- The tasks already open when this migration runs (the same statement as TaskInbox.REFRESH, for every task).
insert into task_inbox (task_id, party, due_date, create_time, task_name, task_def_key, project_id,
                        town_group, applicant_user_id)
select t.id_, x.party, t.due_date_, t.create_time_, t.name_, t.task_def_key_, p.id, tw.group_id, p.applicant_user_id
  from act_ru_task t
  cross join lateral (
        select 'g:' || l.group_id_ from act_ru_identitylink l
         where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null
        union select 'u:' || l.user_id_ from act_ru_identitylink l
         where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.user_id_ is not null
        union select 'u:' || t.assignee_ where t.assignee_ is not null
        union select 'u:' || t.owner_ where t.owner_ is not null) x(party)
  left join lateral (select v.long_ from act_ru_variable v
                      where v.execution_id_ = t.proc_inst_id_ and v.name_ = 'projectId' and v.task_id_ is null
                      limit 1) v on true
  left join project p on p.id = v.long_
  left join town tw on tw.code = p.town_code;
