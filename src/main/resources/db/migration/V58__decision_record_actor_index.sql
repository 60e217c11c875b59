-- 我的已办 (DoneTasks): the steps a person completed, newest first, are their rows of decision_record (one per
-- completed user task, DecisionRecorder, with the person who completed it as actor). Without this index the list
-- read every project's decisions (about 40 per project) to find one officer's.
create index decision_record_actor_idx on decision_record (actor, decided_at desc, id desc);
