package cn.gonggaigong.escalation;

import cn.gonggaigong.clock.CalendarWarnings;
import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.security.AccessRefusedException;
import cn.gonggaigong.security.CurrentUser;
import cn.gonggaigong.security.Groups;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * For administrators (and NRB, the business owner): missing holiday data, and the time limits (read by everyone,
 * changed by administrators; the same as an UPDATE of {@code task_time_limit}, effective for tasks created after).
 */
@RestController
public class ClockAdminController {

    private final CalendarWarnings calendarWarnings;
    private final NamedParameterJdbcTemplate jdbc;

    public ClockAdminController(CalendarWarnings calendarWarnings, NamedParameterJdbcTemplate jdbc) {
        this.calendarWarnings = calendarWarnings;
        this.jdbc = jdbc;
    }

    public record TimeLimitChange(Integer workingDays, Integer yellowBeforeDays, Integer escalateAfterDays, String clock,
                                  String note) {
    }

    @GetMapping("/api/admin/calendar-warnings")
    public List<Map<String, Object>> calendarWarnings() {
        CurrentUser user = CurrentUser.current();
        if (!user.inGroup(Groups.ADMINS) && !user.inGroup(Groups.NRB)) {
            throw new AccessRefusedException("只有系统管理员和市自然资源局可以查看节假日数据告警");
        }
        return calendarWarnings.list();
    }

    @GetMapping("/api/time-limits")
    public List<Map<String, Object>> timeLimits() {
        return jdbc.getJdbcTemplate().queryForList("""
                select task_definition_key as "taskDefinitionKey", task_name as "taskName", working_days as "workingDays",
                       yellow_before_days as "yellowBeforeDays", escalate_after_days as "escalateAfterDays",
                       clock, note from task_time_limit order by task_definition_key""");
    }

    @PutMapping("/api/time-limits/{key}")
    public Map<String, Object> change(@PathVariable String key, @RequestBody TimeLimitChange change) {
        if (!CurrentUser.current().inGroup(Groups.ADMINS)) {
            throw new AccessRefusedException("只有系统管理员可以修改办理时限");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (change.workingDays() == null || change.workingDays() < 1 || change.workingDays() > 1000) {
            problems.add(new FieldProblem("workingDays", "必填，1至1000之间的整数"));
        }
        if (change.yellowBeforeDays() != null && (change.yellowBeforeDays() < 0 || change.yellowBeforeDays() > 100)) {
            problems.add(new FieldProblem("yellowBeforeDays", "0至100之间的整数"));
        }
        if (change.escalateAfterDays() != null && (change.escalateAfterDays() < 0 || change.escalateAfterDays() > 100)) {
            problems.add(new FieldProblem("escalateAfterDays", "0至100之间的整数"));
        }
        if (change.clock() != null && !List.of("OFFICE", "APPLICANT", "OUTSIDE").contains(change.clock())) {
            problems.add(new FieldProblem("clock", "取值无效，可选值：OFFICE, APPLICANT, OUTSIDE"));
        }
        if (!problems.isEmpty()) {
            throw EscalationApiException.invalid(problems);
        }
        int updated = jdbc.update("""
                update task_time_limit set working_days = :days, yellow_before_days = :yellow,
                    escalate_after_days = :escalate, clock = :clock, note = coalesce(:note, note), updated_at = now()
                where task_definition_key = :key""",
                new MapSqlParameterSource("days", change.workingDays()).addValue("yellow", change.yellowBeforeDays())
                        .addValue("escalate", change.escalateAfterDays()).addValue("clock", change.clock())
                        .addValue("note", change.note()).addValue("key", key));
        if (updated == 0) {
            throw EscalationApiException.notFound("没有任务 " + key + " 的办理时限设置");
        }
        return timeLimits().stream().filter(r -> key.equals(r.get("taskDefinitionKey"))).findFirst().orElseThrow();
    }
}
