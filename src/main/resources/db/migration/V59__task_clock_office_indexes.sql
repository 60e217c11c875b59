-- 各单位办理时效 (/api/monitor/offices, MonitorQueries.offices): the steps past their deadline now per office, from this
-- index alone (the overdue ones only, not every open step: 7,000 of 150,000 at 100,000 projects). The open steps and
-- the month's completed ones are counted as they start and end (V60).
create index task_clock_open_office_due on task_clock (due_at) include (responsible_group)
    where ended_at is null and clock = 'OFFICE';
