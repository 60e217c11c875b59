-- A decision the system takes by itself (a compensation vote's year that ran out, Art. 12(2)) has no person: the
-- actor is null there, shown as 系统.
alter table decision_record alter column actor drop not null;
