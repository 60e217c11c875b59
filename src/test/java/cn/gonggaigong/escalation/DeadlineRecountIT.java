package cn.gonggaigong.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.gonggaigong.clock.CalendarWarningSink;
import cn.gonggaigong.clock.HolidayYear;
import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.task.WorkApiTestSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A deadline counted through a year without its holiday file is counted again once the file is there: the task's due
 * date, its task-list rows and its warning timers move, the administrators' warning for the year is closed, and a due
 * date someone set by hand is left alone.
 */
class DeadlineRecountIT extends WorkApiTestSupport {

    private static final int YEAR = 2035;

    @Autowired
    WorkingDayCalendar shipped;
    @Autowired
    CalendarWarningSink sink;
    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;

    @Test
    void theYearsFileAddedMovesTheProvisionalDeadlinesAndClosesItsWarning() throws Exception {
        String counted = officeTask("占陇镇期限重算项目一");
        String byHand = officeTask("占陇镇期限重算项目二");
        // Both were counted on 5 February of a year without its file, as the running application would have.
        Instant start = ZonedDateTime.of(YEAR, 2, 5, 9, 0, 0, 0, WorkingDayCalendar.ZONE).toInstant();
        int limit = jdbc.queryForObject("select limit_working_days from task_clock where task_id = ?", Integer.class, counted);
        Instant provisional = shipped.deadline(start, limit).dueAt();
        for (String task : List.of(counted, byHand)) {
            jdbc.update("update task_clock set started_at = ?, due_at = ? where task_id = ?",
                    Timestamp.from(start), Timestamp.from(provisional), task);
            taskService.setDueDate(task, Date.from(provisional));
        }
        Instant setByHand = provisional.plusSeconds(86_400 * 3);
        taskService.setDueDate(byHand, Date.from(setByHand));
        jdbc.update("insert into calendar_warning (year, message, example, first_seen_at, last_seen_at) values (?, '测试', '测试', now(), now())"
                + " on conflict (year) do nothing", YEAR);

        // The city adds the year's file, with a Spring Festival of a week in the deadline's way; the application restarts.
        Map<Integer, HolidayYear> years = new TreeMap<>(shipped.years());
        years.put(YEAR, HolidayYear.parse(YEAR, YEAR + ".txt", List.of("off 2035-02-07..2035-02-13 春节")));
        WorkingDayCalendar withTheFile = new WorkingDayCalendar(years);
        Instant expected = withTheFile.deadline(start, limit).dueAt();
        assertThat(expected).isAfter(provisional);
        int moved = new DeadlineRecount(jdbc, engine, new StatutoryClock(withTheFile, sink)).recountAddedYears();

        assertThat(moved).isEqualTo(1);
        assertThat(taskService.createTaskQuery().taskId(counted).singleResult().getDueDate().toInstant()).isEqualTo(expected);
        assertThat(jdbc.queryForObject("select due_at from task_clock where task_id = ?", Timestamp.class, counted).toInstant())
                .isEqualTo(expected);
        assertThat(jdbc.queryForList("select distinct due_date from task_inbox where task_id = ?", Timestamp.class, counted))
                .extracting(Timestamp::toInstant).containsExactly(expected);
        assertThat(managementService.createJobQuery().processInstanceId(processOf(counted)).list())
                .filteredOn(j -> j.getDuedate().toInstant().equals(expected)).hasSize(1); // the RED timer at the deadline
        // Set by hand: not the clock's to move.
        assertThat(taskService.createTaskQuery().taskId(byHand).singleResult().getDueDate().toInstant()).isEqualTo(setByHand);
        // The administrators' warning for the year is closed; a second start finds nothing to do.
        assertThat(jdbc.queryForObject("select count(*) from calendar_warning where year = ?", Integer.class, YEAR)).isZero();
        assertThat(new DeadlineRecount(jdbc, engine, new StatutoryClock(withTheFile, sink)).recountAddedYears()).isZero();
    }

    /** A new project's first office task (摸查改造意愿, the town's), with its clock and timers. */
    private String officeTask(String name) throws Exception {
        String code = apply("zhanlong", name).get("code").asText();
        return taskId("zhanlong1", code, "Task_SurveyWillingness");
    }

    private String processOf(String taskId) {
        return taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
    }
}
