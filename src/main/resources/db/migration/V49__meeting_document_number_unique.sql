-- One 文号 names one meeting's minutes. MeetingService refuses a second meeting under a 文号 already recorded, but two
-- clerks entering the same meeting at the same moment both passed that check (neither saw the other's uncommitted
-- row) and both meetings were saved, each completing its projects' tasks. The unique index makes the second one
-- wait for the first and then fail, which MeetingService answers with 400 on documentNumber.
-- An installation that already holds two meetings under one 文号 keeps them: which of them is mistyped is for a
-- person to decide, not a migration. The index is then not created, a warning lists the 文号, and the application's
-- check goes on refusing new duplicates; once they are corrected, an administrator creates it by hand:
-- create unique index meeting_document_number_key on meeting (document_number);
do $$
declare
    duplicated text;
begin
    select string_agg(document_number, '、' order by document_number) into duplicated
      from (select document_number from meeting group by document_number having count(*) > 1) d;
    if duplicated is null then
        create unique index meeting_document_number_key on meeting (document_number);
    else
        raise warning '会议文号重复，未建立唯一索引 meeting_document_number_key：%（请核对后更正，再建立该索引）', duplicated;
    end if;
end
$$;
