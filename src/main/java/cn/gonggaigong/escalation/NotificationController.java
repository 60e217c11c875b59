package cn.gonggaigong.escalation;

import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.security.CurrentUser;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The current user's in-app notifications: the list, the unread count (the badge), marking one read. */
@RestController
public class NotificationController {

    static final int MAX_PAGE_SIZE = 100;

    private final NamedParameterJdbcTemplate jdbc;

    public NotificationController(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One notification; grade, taskId and projectId come from its warning, or for a notice that is not one, taskId and
     * projectId from the notice itself (a task handed to the user, a project's notice); null where there is none.
     */
    public record NotificationView(long id, Long warningId, String title, String body, Instant createdAt,
                                   Instant readAt, Instant emailedAt, String grade, String taskId, Long projectId) {
    }

    @GetMapping("/api/notifications")
    public List<NotificationView> list(@RequestParam(defaultValue = "false") boolean unreadOnly,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "20") int size) {
        FieldProblem.ofPage(page, size, MAX_PAGE_SIZE).ifPresent(problem -> {
            throw EscalationApiException.invalidParameters(List.of(problem));
        });
        return jdbc.query("select n.id, n.warning_id, n.title, n.body, n.created_at, n.read_at, n.emailed_at, w.grade,"
                        + " coalesce(w.task_id, n.task_id) as task_id, coalesce(w.project_id, n.project_id) as project_id"
                        + " from notification n"
                        + " left join task_warning w on w.id = n.warning_id where n.user_id = :user"
                        + (unreadOnly ? " and n.read_at is null" : "")
                        + " order by n.created_at desc, n.id desc limit :size offset :offset",
                new MapSqlParameterSource("user", CurrentUser.current().userId()).addValue("size", size)
                        .addValue("offset", (long) page * size),
                (rs, row) -> new NotificationView(rs.getLong("id"), rs.getObject("warning_id", Long.class),
                        rs.getString("title"), rs.getString("body"), Warnings.instant(rs, "created_at"),
                        Warnings.instant(rs, "read_at"), Warnings.instant(rs, "emailed_at"), rs.getString("grade"),
                        rs.getString("task_id"), rs.getObject("project_id", Long.class)));
    }

    @GetMapping("/api/notifications/unread-count")
    public Map<String, Long> unreadCount() {
        Long count = jdbc.queryForObject("select count(*) from notification where user_id = :user and read_at is null",
                new MapSqlParameterSource("user", CurrentUser.current().userId()), Long.class);
        return Map.of("unread", count == null ? 0 : count);
    }

    @PostMapping("/api/notifications/{id}/read")
    public Map<String, Object> read(@PathVariable long id) {
        int updated = jdbc.update("update notification set read_at = coalesce(read_at, :at) where id = :id and user_id = :user",
                new MapSqlParameterSource("id", id).addValue("user", CurrentUser.current().userId())
                        .addValue("at", Timestamp.from(ClockUtil.getCurrentTime().toInstant())));
        if (updated == 0) {
            throw EscalationApiException.notFound("通知 " + id + " 不存在");
        }
        return Map.of("id", id, "read", true);
    }
}
