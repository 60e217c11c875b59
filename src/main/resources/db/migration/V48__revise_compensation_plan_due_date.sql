-- 修改补偿安置方案 happens inside the vote's year (Art. 12(2)): CompensationVote.bpmn names voteDeadline as the date its
-- due date may not pass (dueNoLaterThan, StatutoryClock), so the town is warned before the year runs out rather than
-- after it. The row's working days still apply when they end sooner. A note a city has already changed is left as it is.
update task_time_limit
   set note = '第十二条第二项：修改后须在改造方案批复之日起1年内重新表决；办理期限按本行工作日数计算，但不超过该表决期限'
 where task_definition_key = 'Task_ReviseCompensationPlan'
   and note = '默认设置';
