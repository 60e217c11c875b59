-- The inbox page reads each of the caller's parties' index range in due-date order and stops after a page
-- (TaskQueries.mine). Its access rule (a town sees only its own town's projects) filters on project_id, town_group
-- and applicant_user_id, which V31's index did not hold: PostgreSQL then expected the filter to drop most rows and
-- read the party's whole range from the table and sorted it (at 100,000 projects 占陇镇's 828 rows on 822 pages,
-- 60 ms when they are not in memory) instead of the first rows of the index (8 pages, under 1 ms). With the
-- filter's columns in the index it reads the page from the index alone.
create index task_inbox_party_due_filter on task_inbox (party, due_date, create_time, task_id)
    include (project_id, town_group, applicant_user_id);
drop index task_inbox_party_due;
alter index task_inbox_party_due_filter rename to task_inbox_party_due;
