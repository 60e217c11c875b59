-- 各单位办理时效 (/api/monitor/offices, MonitorQueries.offices): the steps open now per office and how many are past
-- their deadline, from this index alone: with 120,000 open steps among 3,000,000 the count read 24,000 table pages
-- (290 ms); from this index, 17 ms once vacuumed. (The month's completed steps are counted as they end, V60.)
create index task_clock_open_office on task_clock (responsible_group) include (due_at)
    where ended_at is null and clock = 'OFFICE';
