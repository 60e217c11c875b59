-- Art. 12(2): the compensation vote is due one year from the date of the scheme's approval. CompensationVote.bpmn
-- now sets that date as the vote task's due date (CompensationVoteDeadline), and the statutory clock keeps a due date
-- the model sets: the row's working days no longer apply to this task, its warning and escalation days still do.
-- A note a city has already changed is left as it is.
update task_time_limit
   set note = '第十二条第二项：改造方案批复之日起1年内完成表决；办理期限由流程按批复日期设定为满1年之日（本行工作日数不适用，黄牌、督办天数适用）'
 where task_definition_key = 'Task_RecordCompensationVote'
   and note = '第十二条第二项：改造方案批复之日起1年内完成表决（约245个工作日）';
