-- SubjectConfirmation: title documents the town does not accept go back to the applicant (补充权属证明材料), whose
-- time it is, and then to the town again.
insert into task_time_limit (task_definition_key, task_name, working_days, yellow_before_days, escalate_after_days, clock, note)
values ('Task_SupplementTitleDocuments', '补充权属证明材料', 20, null, null, 'APPLICANT', '改造主体补充权属材料（补正）用时，默认设置')
on conflict (task_definition_key) do nothing;
