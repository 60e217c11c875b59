package cn.gonggaigong.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes many real-shaped projects from a few real ones: every runtime row the engine and the product wrote for a
 * template project (its process instances and their executions, tasks, variables, identity links, event
 * subscriptions, jobs and authorizations; the project, its decisions, schemes, rule violations, milestones,
 * warnings and any other table that points at a project) is copied set-wise in SQL, once per copy, with new ids
 * and in another town. Copy {@code k} of a row:
 * <ul>
 * <li>engine ids (columns {@code ID_}, {@code *_ID_}, {@code VAR_SCOPE_}, {@code SUPER_EXEC_}, except those naming
 * shared things: definitions, deployments, activities, users, groups, tenants, DMN clauses and rules): the last five
 * characters replaced by {@code z} and {@code k} in four digits (same length; the engine's time-based UUIDs differ in
 * their first part, their last characters are the node's and the same for all);</li>
 * <li>business keys and project codes: {@code -k} appended;</li>
 * <li>numeric ids of business rows ({@code id}, {@code project_id}, and every {@code *_id} that points at a copied
 * table): {@code + k × 10^7};</li>
 * <li>the town: {@code town_code}, the variable {@code townGroup} and every group id equal to the template's town
 * group become the copy's town, chosen round-robin over all towns;</li>
 * <li>the variables {@code projectId} and {@code projectCode} follow the new project.</li>
 * </ul>
 * The engine's history of the copies is not copied (optional, {@code withHistory}): the task lists and dashboards
 * read runtime and business tables only; the templates keep their real history. Foreign keys are not checked while
 * copying (session_replication_role = replica); a copy's task is then worked on through the engine as a check.
 */
final class DataReplicator {

    static final long ID_OFFSET = 10_000_000L;

    private static final List<String> SHARED_ENGINE_SUFFIXES = List.of("def_id_", "deployment_id_", "tenant_id_",
            "user_id_", "group_id_", "act_id_", "activity_id_", "clause_id_", "rule_id_", "dec_req_id_", "batch_id_");

    /** Engine tables copied when they hold rows of the templates, with the column that ties a row to a template. */
    private static final List<String> RUNTIME_TABLES = List.of("act_ge_bytearray", "act_ru_execution", "act_ru_task", "act_ru_variable",
            "act_ru_identitylink", "act_ru_event_subscr", "act_ru_job", "act_ru_incident", "act_ru_ext_task",
            "act_ru_authorization");
    private static final List<String> HISTORY_TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
            "act_hi_varinst", "act_hi_detail", "act_hi_identitylink", "act_hi_op_log", "act_hi_comment",
            "act_hi_incident", "act_hi_job_log", "act_hi_decinst", "act_hi_dec_in", "act_hi_dec_out");
    private static final List<String> TIE_COLUMNS = List.of("root_proc_inst_id_", "proc_inst_id_", "process_instance_id_",
            "task_id_", "resource_id_");

    private JdbcTemplate jdbc;
    private final boolean withHistory;
    private final Map<String, List<Column>> columns = new LinkedHashMap<>();
    /** Seconds each table took, for the report. */
    final Map<String, Double> timings = new LinkedHashMap<>();

    record Column(String name, String type) {
    }

    DataReplicator(JdbcTemplate jdbc, boolean withHistory) {
        this.jdbc = jdbc;
        this.withHistory = withHistory;
    }

    /**
     * Copies the template projects {@code fromCopy}..{@code toCopy} (inclusive) times each.
     *
     * @return rows inserted per table
     */
    Map<String, Integer> replicate(List<Long> templateProjectIds, int fromCopy, int toCopy) {
        // One connection with the foreign-key triggers off (session_replication_role = replica, as a restore does):
        // the copies are consistent by construction, and checking every row's keys made copying several times slower.
        JdbcTemplate pooled = jdbc;
        try (java.sql.Connection connection = java.util.Objects.requireNonNull(pooled.getDataSource()).getConnection()) {
            jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
            jdbc.execute("set session_replication_role = replica");
            try {
                return replicateOnOneConnection(templateProjectIds, fromCopy, toCopy);
            } finally {
                jdbc.execute("set session_replication_role = origin");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not copy the template projects", e);
        } finally {
            jdbc = pooled;
        }
    }

    private Map<String, Integer> replicateOnOneConnection(List<Long> templateProjectIds, int fromCopy, int toCopy) {
        prepareTemplates(templateProjectIds, fromCopy, toCopy);
        Map<String, Integer> inserted = new LinkedHashMap<>();
        List<String> engineTables = new ArrayList<>(RUNTIME_TABLES);
        if (withHistory) {
            engineTables.addAll(HISTORY_TABLES);
        }
        for (String table : engineTables) {
            if (!columnsOf(table).isEmpty()) {
                long begin = System.nanoTime();
                inserted.put(table, copyEngineTable(table));
                timings.put(table, (System.nanoTime() - begin) / 1e9);
            }
        }
        List<BusinessTable> businessTables = businessTables();
        for (BusinessTable table : businessTables) {
            long begin = System.nanoTime();
            inserted.put(table.name, copyBusinessTable(table, businessTables));
            timings.put(table.name, (System.nanoTime() - begin) / 1e9);
        }
        for (BusinessTable table : businessTables) {
            if (columnsOf(table.name).stream().anyMatch(c -> c.name.equals("id") && c.type.equals("bigint"))) {
                jdbc.queryForList("select setval(pg_get_serial_sequence('" + table.name + "', 'id'), "
                        + "(select coalesce(max(id), 1) from " + table.name + "))");
            }
        }
        long begin = System.nanoTime();
        // The copies were written with the triggers off: the dashboard's counts (V32) are made again from the rows.
        jdbc.queryForList("select monitor_rebuild()");
        jdbc.queryForList("select monitor_rebuild_offices()"); // the copies' ended steps (V60)
        timings.put("monitor_rebuild", (System.nanoTime() - begin) / 1e9);
        begin = System.nanoTime();
        // As after a restore: vacuumed and analysed before anything is measured. With only ANALYZE, autovacuum took up
        // the copied tables a minute later, in the middle of the measurements (task_clock and task_inbox while a town
        // officer's inbox at 100,000 projects was measured: p50 108 ms against 15 ms in the run before).
        jdbc.execute("vacuum (analyze)");
        timings.put("vacuum analyze", (System.nanoTime() - begin) / 1e9);
        return inserted;
    }

    /** Which template, which copies, which towns: bench_tpl (one row per template), bench_cp (one per copy). */
    private void prepareTemplates(List<Long> templateProjectIds, int fromCopy, int toCopy) {
        jdbc.execute("drop table if exists bench_tpl, bench_cp, bench_res, bench_town");
        jdbc.execute("create table bench_tpl (idx int primary key, project_id bigint not null, root_id varchar(64) not null, "
                + "town_group varchar(60) not null)");
        String ids = templateProjectIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        jdbc.execute("insert into bench_tpl select row_number() over (order by p.id) - 1, p.id, p.process_instance_id, "
                + "t.group_id from project p join town t on t.code = p.town_code where p.id in (" + ids + ")");
        jdbc.execute("create table bench_town as select (row_number() over (order by code) - 1)::int as pos, code, group_id from town");
        jdbc.execute("create table bench_cp as select tp.idx, k, lpad(k::text, 4, '0') as k4, t.code as town_code, "
                + "t.group_id, tp.town_group as tpl_group from bench_tpl tp cross join generate_series(" + fromCopy + ", "
                + toCopy + ") k join bench_town t on t.pos = (tp.idx + k) % (select count(*) from bench_town)");
        jdbc.execute("create index on bench_cp (idx)");
        // Every engine id that ties a row to a template: its process instances (also finished sub-processes),
        // its tasks, and the byte arrays of its variables.
        jdbc.execute("create table bench_res (id varchar(64) primary key, idx int not null)");
        jdbc.execute("insert into bench_res select h.id_, tp.idx from act_hi_procinst h join bench_tpl tp "
                + "on tp.root_id = coalesce(h.root_proc_inst_id_, h.proc_inst_id_) on conflict do nothing");
        jdbc.execute("insert into bench_res select e.id_, tp.idx from act_ru_execution e join bench_tpl tp "
                + "on tp.root_id = coalesce(e.root_proc_inst_id_, e.proc_inst_id_) on conflict do nothing");
        jdbc.execute("insert into bench_res select t.id_, r.idx from act_ru_task t join bench_res r on r.id = t.proc_inst_id_ "
                + "on conflict do nothing");
        jdbc.execute("insert into bench_res select t.id_, r.idx from act_hi_taskinst t join bench_res r on r.id = t.proc_inst_id_ "
                + "on conflict do nothing");
        jdbc.execute("insert into bench_res select v.bytearray_id_, r.idx from act_ru_variable v join bench_res r "
                + "on r.id = v.proc_inst_id_ where v.bytearray_id_ is not null on conflict do nothing");
        if (withHistory) {
            for (String table : List.of("act_hi_varinst", "act_hi_detail")) {
                jdbc.execute("insert into bench_res select v.bytearray_id_, r.idx from " + table + " v join bench_res r "
                        + "on r.id = v.proc_inst_id_ where v.bytearray_id_ is not null on conflict do nothing");
            }
        }
        jdbc.execute("analyze bench_tpl; analyze bench_cp; analyze bench_res");
    }

    private int copyEngineTable(String table) {
        List<Column> cols = columnsOf(table);
        Set<String> names = cols.stream().map(Column::name).collect(Collectors.toCollection(LinkedHashSet::new));
        String tie = table.equals("act_ge_bytearray") ? "id_" : table.equals("act_ru_authorization") ? "resource_id_"
                : TIE_COLUMNS.stream().filter(names::contains).findFirst().orElse(null);
        if (tie == null) {
            throw new IllegalStateException("No column ties " + table + " to a process instance");
        }
        List<String> select = new ArrayList<>();
        for (Column col : cols) {
            select.add(engineValue(table, col));
        }
        // A root instance's own rows leave ROOT_PROC_INST_ID_ empty.
        String tieExpression = tie.equals("root_proc_inst_id_") && names.contains("proc_inst_id_")
                ? "coalesce(src.root_proc_inst_id_, src.proc_inst_id_)" : "src." + tie;
        String sql = "insert into " + table + " (" + String.join(", ", names) + ") select " + String.join(", ", select)
                + " from " + table + " src join bench_res r on r.id = " + tieExpression + " join bench_cp cp on cp.idx = r.idx";
        if (table.equals("act_ru_identitylink")) {
            sql += " where src.task_id_ is not null";
        }
        return jdbc.update(sql);
    }

    private String engineValue(String table, Column col) {
        String c = "src." + col.name;
        String n = col.name;
        if (n.equals("business_key_")) {
            return c + " || '-' || cp.k";
        }
        if (n.equals("group_id_")) {
            return "case when " + c + " = cp.tpl_group then cp.group_id else " + c + " end";
        }
        if (table.equals("act_ru_variable") || table.equals("act_hi_varinst") || table.equals("act_hi_detail")) {
            if (n.equals("text_")) {
                return "case src.name_ when 'townGroup' then cp.group_id when 'projectCode' then " + c + " || '-' || cp.k "
                        + "when 'projectId' then (src.long_ + cp.k::bigint * " + ID_OFFSET + ")::text else " + c + " end";
            }
            if (n.equals("long_")) {
                return "case when src.name_ = 'projectId' then " + c + " + cp.k::bigint * " + ID_OFFSET + " else " + c + " end";
            }
        }
        if (table.equals("act_ru_job") && n.equals("handler_cfg_")) {
            // The escalation timers of a task name it: <taskId>:<GRADE>.
            return "case when src.handler_type_ = 'ggg-task-warning' then left(split_part(" + c + ", ':', 1), -5) || 'z' "
                    + "|| cp.k4 || ':' || split_part(" + c + ", ':', 2) else " + c + " end";
        }
        if (col.type.startsWith("character") && isEngineId(n)) {
            return "left(" + c + ", -5) || 'z' || cp.k4";
        }
        return c;
    }

    static boolean isEngineId(String column) {
        boolean id = column.equals("id_") || column.endsWith("_id_") || column.equals("var_scope_")
                || column.equals("super_exec_") || column.equals("resource_id_");
        return id && SHARED_ENGINE_SUFFIXES.stream().noneMatch(column::endsWith);
    }

    /** A business table to copy: rows whose {@code tieColumn} points at a copied row of {@code parent}. */
    record BusinessTable(String name, String tieColumn, String parent) {
    }

    /** project, then every table with a foreign key to a copied table (found in the catalogue), parents first. */
    List<BusinessTable> businessTables() {
        List<BusinessTable> tables = new ArrayList<>();
        tables.add(new BusinessTable("project", "id", null));
        List<Map<String, Object>> foreignKeys = jdbc.queryForList("select kcu.table_name, kcu.column_name, "
                + "ccu.table_name as parent from information_schema.table_constraints tc "
                + "join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name "
                + "and kcu.table_schema = tc.table_schema "
                + "join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name "
                + "and ccu.table_schema = tc.table_schema "
                + "where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema() "
                + "order by kcu.table_name, kcu.column_name");
        boolean added = true;
        while (added) {
            added = false;
            for (Map<String, Object> fk : foreignKeys) {
                String table = (String) fk.get("table_name");
                String parent = (String) fk.get("parent");
                if (tables.stream().anyMatch(t -> t.name.equals(table)) || tables.stream().noneMatch(t -> t.name.equals(parent))) {
                    continue;
                }
                tables.add(new BusinessTable(table, (String) fk.get("column_name"), parent));
                added = true;
            }
        }
        return tables;
    }

    private int copyBusinessTable(BusinessTable table, List<BusinessTable> businessTables) {
        Set<String> copied = businessTables.stream().map(BusinessTable::name).collect(Collectors.toSet());
        Map<String, String> references = new LinkedHashMap<>();
        jdbc.queryForList("select kcu.column_name, ccu.table_name as parent from information_schema.table_constraints tc "
                + "join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name "
                + "join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name "
                + "where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema() and kcu.table_name = ?",
                table.name).forEach(row -> references.put((String) row.get("column_name"), (String) row.get("parent")));
        // Ties each source row to its template: bench_b_<table>(id, idx), made for tables with an id column.
        String mapTable = "bench_b_" + table.name;
        jdbc.execute("drop table if exists " + mapTable);
        String templateRows;
        if (table.parent == null) {
            templateRows = "select src.*, tp.idx as bench_idx from project src join bench_tpl tp on tp.project_id = src.id";
        } else {
            templateRows = "select src.*, m.idx as bench_idx from " + table.name + " src join bench_b_" + table.parent
                    + " m on m.id = src." + table.tieColumn;
        }
        List<Column> cols = columnsOf(table.name);
        boolean hasId = cols.stream().anyMatch(c -> c.name.equals("id"));
        if (hasId) {
            jdbc.execute("create table " + mapTable + " as select src.id, src.bench_idx as idx from (" + templateRows + ") src");
            jdbc.execute("create index on " + mapTable + " (id)");
            jdbc.execute("analyze " + mapTable);
        }
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Column col : cols) {
            names.add(col.name);
            values.add(businessValue(table, col, references, copied));
        }
        return jdbc.update("insert into " + table.name + " (" + String.join(", ", names) + ") select "
                + String.join(", ", values) + " from (" + templateRows + ") src join bench_cp cp on cp.idx = src.bench_idx");
    }

    private static String businessValue(BusinessTable table, Column col, Map<String, String> references, Set<String> copied) {
        String c = "src." + col.name;
        String n = col.name;
        boolean number = col.type.equals("bigint") || col.type.equals("integer");
        if (number && (n.equals("id") || (references.containsKey(n) && copied.contains(references.get(n))))) {
            return c + " + cp.k::bigint * " + ID_OFFSET;
        }
        if (n.equals("town_code")) {
            return "cp.town_code";
        }
        if (table.name.equals("project") && n.equals("code")) {
            return c + " || '-' || cp.k";
        }
        if (col.type.startsWith("character") && (n.endsWith("process_instance_id") || n.endsWith("task_id")
                || n.endsWith("execution_id"))) {
            return "left(" + c + ", -5) || 'z' || cp.k4";
        }
        if (table.name.equals("task_inbox") && n.equals("party")) {
            return "case when " + c + " = 'g:' || cp.tpl_group then 'g:' || cp.group_id else " + c + " end";
        }
        if (table.name.equals("task_inbox") && n.equals("town_group")) {
            return "case when " + c + " = cp.tpl_group then cp.group_id else " + c + " end";
        }
        if (col.type.startsWith("character") && (n.equals("responsible_group") || n.endsWith("group_id"))) {
            return "case when " + c + " = cp.tpl_group then cp.group_id else " + c + " end";
        }
        return c;
    }

    private List<Column> columnsOf(String table) {
        return columns.computeIfAbsent(table, t -> jdbc.query("select column_name, data_type from information_schema.columns "
                + "where table_schema = current_schema() and table_name = ? order by ordinal_position",
                (rs, i) -> new Column(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2)), t));
    }

    /** Removes the helper tables. */
    void dropHelpers() {
        List<String> helpers = jdbc.queryForList("select table_name from information_schema.tables where table_schema = "
                + "current_schema() and (table_name like 'bench\\_tpl' or table_name like 'bench\\_cp' or table_name like "
                + "'bench\\_res' or table_name like 'bench\\_town' or table_name like 'bench\\_b\\_%')", String.class);
        if (!helpers.isEmpty()) {
            jdbc.execute("drop table if exists " + String.join(", ", helpers));
        }
    }
}
