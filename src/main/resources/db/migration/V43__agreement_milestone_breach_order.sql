-- The leading group's list of missed agreement deadlines (AgreementBreachList) in the order it shows them: those
-- still not done first, then the newest breach first. Its first rows come from this index without sorting every
-- breach (V41's index had the breach time alone, so all breaches were joined and sorted: 354 ms p50 at 100,000
-- projects with 8,243 breaches, BENCHMARKS.md item 34). The count uses it too.
drop index agreement_milestone_breached_idx;
create index agreement_milestone_breach_order_idx
    on agreement_milestone ((completed_at is not null), breached_at desc, id desc) where breached_at is not null;
