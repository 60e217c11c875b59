-- A claimed task leaves the lists of the candidates who did not claim it (TaskInbox.REFRESH writes a candidate's row
-- only while the task is unassigned): the task page promises "签收后由您本人办理，其他同事不再看到此任务", and
-- Camunda's own TaskQuery by candidate group leaves assigned tasks out too. The rows of the tasks already claimed:
delete from task_inbox i
 using act_ru_task t
 where t.id_ = i.task_id
   and t.assignee_ is not null
   and i.party <> 'u:' || t.assignee_
   and (t.owner_ is null or i.party <> 'u:' || t.owner_);
