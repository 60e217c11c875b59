-- A notification that is not a warning can point at a task and a project too (a warning's come from the warning):
-- a task handed to a user (AssignmentNotices) links to it, a project's notices (终止, 协议时限逾期) to the project.
-- Links only, no foreign keys: a notification is what the user was told and stays as it was, as its task_id does
-- after the task is done (the task page then says 任务不存在或已办结).
alter table notification
    add column task_id    varchar(64),
    add column project_id bigint;
