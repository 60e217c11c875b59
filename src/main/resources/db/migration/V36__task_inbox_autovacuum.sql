-- The task lists' read model (V31) is read by index-only scans: an inbox's page and its capped total come from the
-- index task_inbox_party_due alone while the table's pages are marked all-visible. Every task created, claimed or
-- completed inserts or deletes rows here, and with PostgreSQL's defaults autovacuum comes only after 20 % of the
-- rows have changed (about 29,000 at 100,000 projects), so between two visits the lists read ever more table pages
-- as well. Measured at 100,000 projects (BENCHMARKS.md, item 29): a town officer's list with a tenth of the rows
-- changed since the last vacuum 5.00 / 6.51 and 4.59 / 6.66 ms p50 / p95, right after a vacuum 3.81 / 5.38 and
-- 4.10 / 5.72 ms. Here autovacuum comes after 2 % (about 2,900 rows at that size, a vacuum of some tens of
-- milliseconds), and analyzes after 5 %.
alter table task_inbox set (
    autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_vacuum_insert_scale_factor = 0.02,
    autovacuum_analyze_scale_factor = 0.05);
