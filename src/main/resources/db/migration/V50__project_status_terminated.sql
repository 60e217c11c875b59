-- A project whose lifecycle an administrator cancelled (Cockpit's 取消流程实例, the REST API's delete) ends as
-- TERMINATED (已终止; ProjectCancellationPlugin) instead of staying ACTIVE in its phase with no task left.
alter table project drop constraint project_status_check;
alter table project add constraint project_status_check
    check (status in ('ACTIVE', 'REJECTED', 'COMPLETED', 'WITHDRAWN', 'TERMINATED'));
