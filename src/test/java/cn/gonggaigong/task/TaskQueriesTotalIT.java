package cn.gonggaigong.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.gonggaigong.ApplicationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * A task list's total ({@link TaskQueries#mine}): a long list's total is capped at {@link TaskQueries#COUNT_LIMIT}
 * ("1000+"), a task of two of the caller's parties counts once, a page past the end still has the total. 1,005 open tasks of one group are written straight into Camunda's task table and the read
 * model, in the test's transaction, which is rolled back.
 */
@Transactional
class TaskQueriesTotalIT extends ApplicationTestSupport {

    static final String GROUP = "test-capped-total";
    static final int TASKS = TaskQueries.COUNT_LIMIT + 5;

    @Autowired
    TaskQueries queries;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLongListIsCappedAndEveryPageCarriesTheTotal() {
        String processDefinitionId = jdbc.queryForObject("select id_ from act_re_procdef order by id_ limit 1", String.class);
        Instant base = Instant.parse("2026-03-02T00:00:00Z");
        List<Object[]> tasks = new ArrayList<>();
        List<Object[]> inbox = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            String id = String.format("test-total-%04d", i);
            Timestamp due = Timestamp.from(base.plus(TASKS - i, ChronoUnit.HOURS)); // the last one written is due first
            Timestamp created = Timestamp.from(base);
            tasks.add(new Object[]{id, processDefinitionId, "测试任务" + i, created, due});
            inbox.add(new Object[]{id, "g:" + GROUP, due, created, "测试任务" + i});
            if (i % 2 == 0) {
                inbox.add(new Object[]{id, "u:capped-user", due, created, "测试任务" + i}); // also the user's own
            }
        }
        jdbc.batchUpdate("insert into act_ru_task (id_, rev_, proc_def_id_, name_, task_def_key_, create_time_, due_date_,"
                + " priority_, suspension_state_) values (?, 1, ?, ?, 'Task_Test', ?, ?, 50, 1)", tasks);
        jdbc.batchUpdate("insert into task_inbox (task_id, party, due_date, create_time, task_name, task_def_key)"
                + " values (?, ?, ?, ?, ?, 'Task_Test')", inbox);

        TaskQueries.Filter filter = new TaskQueries.Filter("capped-user", Set.of(GROUP), false, null, null, null, null,
                null, null);
        TaskQueries.Page first = queries.mine(filter, 0, 50, Instant.now());
        assertThat(first.total()).isEqualTo(TaskQueries.COUNT_LIMIT);
        assertThat(first.totalCapped()).isTrue();
        assertThat(first.rows()).extracting(TaskRow::taskId)
                .containsExactlyElementsOf(ids(TASKS - 1, TASKS - 50));

        TaskQueries.Page third = queries.mine(filter, 2, 50, Instant.now());
        assertThat(third.total()).isEqualTo(TaskQueries.COUNT_LIMIT);
        assertThat(third.rows()).extracting(TaskRow::taskId).containsExactlyElementsOf(ids(TASKS - 101, TASKS - 150));

        TaskQueries.Page beyond = queries.mine(filter, 30, 50, Instant.now());
        assertThat(beyond.rows()).isEmpty();
        assertThat(beyond.totalCapped()).isTrue();

        // A filtered list below the cap: counted exactly, each task once although two parties hold half of them.
        TaskQueries.Filter named = new TaskQueries.Filter("capped-user", Set.of(GROUP), false, null, null, null,
                "测试任务10", null, null);
        TaskQueries.Page some = queries.mine(named, 0, 5, Instant.now());
        // 测试任务10, 100-109 and 1000-1004
        assertThat(some.total()).isEqualTo(16);
        assertThat(some.totalCapped()).isFalse();
        assertThat(some.rows()).hasSize(5).extracting(TaskRow::taskId).doesNotHaveDuplicates();
        assertThat(queries.mine(named, 3, 5, Instant.now()).rows()).hasSize(1);
        TaskQueries.Page past = queries.mine(named, 4, 5, Instant.now());
        assertThat(past.rows()).isEmpty();
        assertThat(past.total()).isEqualTo(16);

        // Nothing to do: no rows and a total of 0 (the statement's single row carries the total and no task).
        TaskQueries.Page none = queries.mine(new TaskQueries.Filter("capped-user", Set.of(GROUP), false, null, null,
                null, "没有这样的任务", null, null), 0, 50, Instant.now());
        assertThat(none.rows()).isEmpty();
        assertThat(none.total()).isZero();
        assertThat(none.totalCapped()).isFalse();
    }

    /** Task ids from number {@code from} down to {@code to}: the due-date order of this test's tasks. */
    private static List<String> ids(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i >= to; i--) {
            ids.add(String.format("test-total-%04d", i));
        }
        return ids;
    }
}
