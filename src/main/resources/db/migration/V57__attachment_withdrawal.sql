-- An attachment uploaded by mistake (the wrong file, the wrong project) is withdrawn (作废) by whoever uploaded it,
-- with a reason; it is never deleted: it stays listed, marked withdrawn, and can still be downloaded, so the record
-- shows what was once presented and why it no longer counts (AttachmentService.withdraw).
alter table attachment
    add column withdrawn_by      varchar(64),
    add column withdrawn_at      timestamptz,
    add column withdrawal_reason text,
    add constraint attachment_withdrawal_whole check (
        (withdrawn_by is null and withdrawn_at is null and withdrawal_reason is null)
        or (withdrawn_by is not null and withdrawn_at is not null and withdrawal_reason is not null));
