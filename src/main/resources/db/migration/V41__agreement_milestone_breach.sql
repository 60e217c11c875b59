-- The monitoring agreement's deadlines are followed (Art. 13 (二), Art. 14): each milestone knows its term (the
-- agreement form's field), when the town's report found it done, and, when its deadline passed first, when that was
-- found and the town's explanation of it. Art. 19 pays the construction subsidy only once the agreement is met: a
-- breach that the town finds to be the renovation subject's doing (subject_responsible) withholds it.
alter table agreement_milestone
    add column term                varchar(40),
    add column breached_at         timestamptz,
    add column breach_reason       text,
    add column subject_responsible boolean,
    add column remedy              text,
    add column expected_date       date,
    add column explained_by        varchar(64),
    add column explained_at        timestamptz;

update agreement_milestone set term = case name
    when '完成拆迁及补偿安置' then 'demolitionDeadline'
    when '动工建设' then 'constructionStartDeadline'
    when '竣工' then 'completionDeadline'
    else 'other' end;
alter table agreement_milestone alter column term set not null;

create index agreement_milestone_project_term_idx on agreement_milestone (project_id, term);
-- The leading group's list of breaches (newest first).
create index agreement_milestone_breached_idx on agreement_milestone (breached_at desc) where breached_at is not null;

insert into task_time_limit (task_definition_key, task_name, working_days, yellow_before_days, escalate_after_days, clock, note) values
('Task_ExplainMilestoneBreach', '说明协议时限逾期情况', 5, null, null, null, '默认设置');
