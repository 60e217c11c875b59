-- OURS, NOT CAMUNDA'S: an index on a table of the Camunda engine's schema (like V2 and V30).
-- Every process instance of a project carries the variable projectId (a unit's, unitId). The product finds a
-- project's processes by that value: the open tasks of the project page (TaskQueries.ofProject and
-- ProjectService's TaskQuery with processVariableValueEquals) and the messages that wake the projects of an
-- approved annual plan or unit plan (ProjectMessages, correlated with processInstanceVariableEquals). Camunda's
-- schema indexes variables by task, execution and process instance, not by name and value, so each of these read
-- every projectId row: at 100,000 projects (3 million variable rows) the project page's task lookup took 1.1-1.7 s
-- and Camunda's TaskQuery 0.1 s (0.8 s when not cached); with this index 0.5 ms each (BENCHMARKS.md, "project page").
-- Long, integer and boolean values are kept in LONG_; the rows without one (strings, doubles, objects) are left out.
-- Check it still exists after a Camunda schema upgrade.
create index if not exists ggg_idx_act_ru_variable_name_long on act_ru_variable (name_, long_) where long_ is not null;

comment on index ggg_idx_act_ru_variable_name_long is
    'gonggaigong: not part of the Camunda schema; created by Flyway migration V33 (processes found by a variable''s value, e.g. projectId)';
