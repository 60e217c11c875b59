-- Process instances an administrator suspended (挂起, Cockpit) and since when (SuspensionClock): on activation the
-- working days they stood still are added to their open office tasks' limits, as the applicant's time is, instead
-- of the suspension running the deadlines out and raising red warnings for days nobody could work.
create table clock_suspension (
    process_instance_id varchar(64) primary key,
    suspended_at        timestamptz not null
);
