-- A task of a renovation unit's own process (its plan's compilation and approval) is listed with the unit's code and
-- name (TaskQueries: the unit found by its process instance), one lookup per such row of a page.
create index renovation_unit_process_instance_idx on renovation_unit (process_instance_id);
