-- The statutory clock's warning timers (job handler ggg-task-warning) were scheduled with their task's execution
-- but no process definition, so Camunda's authorizations took them for standalone jobs: any logged-in user could
-- list them, read their log and move their due date through /engine-rest/job. Timers scheduled from now on name
-- their process definition (StatutoryClock.schedule); this gives the timers already waiting theirs.
update act_ru_job j
   set process_def_id_ = e.proc_def_id_, process_def_key_ = d.key_
  from act_ru_execution e
  join act_re_procdef d on d.id_ = e.proc_def_id_
 where j.handler_type_ = 'ggg-task-warning'
   and j.process_def_key_ is null
   and j.execution_id_ = e.id_;
