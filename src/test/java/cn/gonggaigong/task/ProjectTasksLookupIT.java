package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A project's open tasks are found by the value of the variable projectId through Flyway V33's index, both by the
 * project page's own query (TaskQueries.ofProject) and by Camunda's TaskQuery with processVariableValueEquals
 * (ProjectService.details, the message correlations of ProjectMessages): the same tasks as before, and the plan
 * starts from the index instead of reading every projectId row (BENCHMARKS.md has the figures at 100,000 projects).
 */
public class ProjectTasksLookupIT extends WorkApiTestSupport {

    /**
     * Camunda 7.24's statement for {@code createTaskQuery().processVariableValueEquals("projectId", id)} (its TaskQuery
     * mapping), as the project's details send it; also timed by the benchmark (BenchmarkRun.projectPage).
     */
    public static String camundaTaskQueryByProjectId(long projectId) {
        return """
                select distinct RES.* from ACT_RU_TASK RES WHERE ( 1 = 1 and EXISTS ( select ID_ from ACT_RU_VARIABLE
                WHERE NAME_= 'projectId' and TASK_ID_ is null and RES.PROC_INST_ID_ = PROC_INST_ID_ and ( ( TYPE_ is not null
                and TYPE_ = 'long' and LONG_ is not null and LONG_ = %d ) ) ) ) order by RES.ID_ asc LIMIT 2147483647 OFFSET 0"""
                .formatted(projectId);
    }

    @Autowired
    TaskQueries queries;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theVariableValueIndexExists() {
        assertThat(jdbc.queryForList("select indexdef from pg_indexes where indexname = 'ggg_idx_act_ru_variable_name_long'",
                String.class)).singleElement().asString()
                .contains("act_ru_variable", "(name_, long_)", "WHERE (long_ IS NOT NULL)");
    }

    @Test
    void aProjectsOpenTasksAreItsOwnAndOnlyItsOwn() throws Exception {
        JsonNode first = apply("zhanlong", "占陇镇项目任务查找一");
        JsonNode second = apply("liushadong", "流沙东街道项目任务查找二");
        long firstId = first.get("id").asLong();
        long secondId = second.get("id").asLong();

        List<TaskRow> firstTasks = queries.ofProject(firstId);
        assertThat(firstTasks).isNotEmpty().allSatisfy(row -> assertThat(row.projectId()).isEqualTo(firstId));
        assertThat(firstTasks).extracting(TaskRow::taskId)
                .containsExactlyInAnyOrderElementsOf(engineTasksOf(firstId));
        assertThat(queries.ofProject(secondId)).extracting(TaskRow::taskId)
                .containsExactlyInAnyOrderElementsOf(engineTasksOf(secondId))
                .doesNotContainAnyElementsOf(firstTasks.stream().map(TaskRow::taskId).toList());
        assertThat(queries.ofProject(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void bothLookupsCanStartFromTheIndex() {
        // On the few rows of a test database a sequential scan is cheaper, so it is switched off for the plan: what
        // is checked is that the index serves these statements (without it the plans name another index).
        String projectPage = plan(TaskQueries.OF_PROJECT.replace(":projectId", "42"));
        assertThat(projectPage).contains("ggg_idx_act_ru_variable_name_long");
        String camunda = plan(camundaTaskQueryByProjectId(42));
        assertThat(camunda).contains("ggg_idx_act_ru_variable_name_long");
    }

    private List<String> engineTasksOf(long projectId) {
        return taskService.createTaskQuery().processVariableValueEquals("projectId", projectId).list().stream()
                .map(Task::getId).toList();
    }

    /**
     * The statement's plan with sequential scans off and without Camunda's index on (task, name, type) of the
     * variables, inside a transaction that is rolled back (the index is back at once). On a test database's few rows
     * that index and ours cost about the same, and which one the planner took depended on when autovacuum had last
     * analysed the table (a full run once saw Camunda's); what is checked is that ours can serve the statement.
     */
    private String plan(String sql) {
        return planWithoutSeqScans(dataSource, sql, "set local lock_timeout = '5s'",
                "drop index act_idx_variable_task_name_type");
    }
}
