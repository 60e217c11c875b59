-- The leading group's overdue list of one town (MonitorQueries.overdue with a town): the town's overdue tasks are a
-- range of this index (its projects' tasks, one row per task and party in the task lists' read model, V31), instead
-- of every overdue task of every town joined to its project to keep one town's (210 ms p95 at 100,000 projects with
-- 7,106 overdue tasks, 248 of them in one town; BENCHMARKS.md, P3).
create index task_inbox_town_due on task_inbox (town_group, due_date, task_id)
    where town_group is not null and due_date is not null;
