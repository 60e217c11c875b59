package cn.gonggaigong.escalation;

import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.security.AccessRefusedException;
import cn.gonggaigong.security.CurrentUser;
import cn.gonggaigong.security.Groups;
import cn.gonggaigong.task.UserDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading, answering (回告) and raising by hand (催办) the warnings. Who sees which: the overseers (leading group and
 * its office, NRB, administrators) every warning; everyone else the warnings of their own office (a group they
 * belong to, or themselves as assignee), a town's officers only on their own town's work.
 */
@Service
public class Warnings {

    static final int MAX_TEXT = 2000;
    static final int MAX_LIST = 500;
    /** Who may urge (催办): the leading group, its office and NRB. */
    static final Set<String> URGERS = Set.of(Groups.LEADING_GROUP, Groups.LEADING_GROUP_OFFICE, Groups.NRB);

    private static final String SELECT = """
            select w.*, p.code as project_code, p.name as project_name, t.name as town_name
            from task_warning w left join project p on p.id = w.project_id left join town t on t.code = w.town_code
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final ProcessEngine engine;
    private final WarningRaiser raiser;
    private final UserDirectory users;
    private final WarningMailer mailer;

    public Warnings(NamedParameterJdbcTemplate jdbc, ProcessEngine engine, WarningRaiser raiser, UserDirectory users,
                    WarningMailer mailer) {
        this.users = users;
        this.mailer = mailer;
        this.jdbc = jdbc;
        this.engine = engine;
        this.raiser = raiser;
    }

    public List<WarningView> list(CurrentUser user, Boolean open, String grade, String town, String group) {
        List<FieldProblem> problems = new ArrayList<>();
        if (grade != null && !grade.isBlank() && !isGrade(grade)) {
            problems.add(FieldProblem.oneOf("grade", Grade.values()));
        }
        if (!problems.isEmpty()) {
            throw EscalationApiException.invalidParameters(problems);
        }
        StringBuilder sql = new StringBuilder(SELECT).append(" where true");
        MapSqlParameterSource params = new MapSqlParameterSource();
        visibility(user, sql, params);
        if (open != null) {
            sql.append(open ? " and w.closed_at is null" : " and w.closed_at is not null");
        }
        if (grade != null && !grade.isBlank()) {
            sql.append(" and w.grade = :grade");
            params.addValue("grade", grade);
        }
        if (town != null && !town.isBlank()) {
            sql.append(" and w.town_code = :town");
            params.addValue("town", town);
        }
        if (group != null && !group.isBlank()) {
            sql.append(" and w.responsible_group = :group");
            params.addValue("group", group);
        }
        sql.append(" order by w.raised_at desc, w.id desc limit ").append(MAX_LIST);
        return toReader(user, jdbc.query(sql.toString(), params, Warnings::view));
    }

    public WarningView get(CurrentUser user, long id) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where w.id = :id");
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        visibility(user, sql, params);
        return toReader(user, jdbc.query(sql.toString(), params, Warnings::view)).stream().findFirst()
                .orElseThrow(() -> EscalationApiException.notFound("预警 " + id + " 不存在或无权查看"));
    }

    /** Names the responsible offices (UserDirectory.officeNames) and says whether the user may answer. */
    private List<WarningView> toReader(CurrentUser user, List<WarningView> views) {
        Map<String, String> names = users.officeNames(views.stream().map(WarningView::responsibleGroup).toList());
        return views.stream().map(v -> v.toReader(names.get(v.responsibleGroup()), mayReply(user, v.responsibleGroup())))
                .toList();
    }

    private static boolean mayReply(CurrentUser user, String office) {
        return office != null && (user.inGroup(office) || user.userId().equals(office));
    }

    /**
     * 回告: a member of the responsible office answers; answering again replaces the answer. Whoever urged by hand
     * (催办) is told the answer, in the app and by e-mail after the commit: the urging officer waits for it.
     */
    @Transactional
    public WarningView reply(CurrentUser user, long id, String reply) {
        if (reply == null || reply.isBlank()) {
            throw EscalationApiException.invalid(List.of(new FieldProblem("reply", "必填，请写明办理情况或超期原因")));
        }
        if (reply.length() > MAX_TEXT) {
            throw EscalationApiException.invalid(List.of(new FieldProblem("reply", "不能超过" + MAX_TEXT + "字")));
        }
        List<String> responsible = jdbc.queryForList("select responsible_group from task_warning where id = :id",
                new MapSqlParameterSource("id", id), String.class);
        if (responsible.isEmpty()) {
            throw EscalationApiException.notFound("预警 " + id + " 不存在");
        }
        String office = responsible.get(0);
        if (!mayReply(user, office)) {
            throw new AccessRefusedException("只有责任单位（" + users.officeNames(List.of(office)).get(office) + "）的人员可以回告该预警");
        }
        jdbc.update("update task_warning set reply = :reply, replied_by = :user, replied_at = :at where id = :id",
                new MapSqlParameterSource("reply", reply.strip()).addValue("user", user.userId())
                        .addValue("at", Timestamp.from(ClockUtil.getCurrentTime().toInstant())).addValue("id", id));
        WarningView answered = get(user, id);
        if (answered.raisedBy() != null && !answered.raisedBy().equals(user.userId())) {
            tellUrger(answered, user);
        }
        return answered;
    }

    /** The urging officer's notice of the answer, linked to the warning (their notices show it, without 回告 of their own). */
    private void tellUrger(WarningView w, CurrentUser replier) {
        String what = w.taskName() + (w.projectName() == null ? "" : "（项目：" + w.projectName() + "，" + w.projectCode() + "）");
        String body = w.responsibleName() + " " + users.name(replier.userId()) + " 对您的催办（" + what + "）回告："
                + w.reply();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        configuration.getCommandExecutorTxRequired().execute(context -> {
            List<Long> told = Notices.toUser(context, w.id(), w.raisedBy(), "【催办回告】" + w.taskName(), body);
            mailer.afterCommit(context, told);
            return null;
        });
    }

    /** 催办 by hand: recorded as an URGE warning and notified like the others. */
    public WarningView urge(CurrentUser user, String taskId, String message) {
        if (!user.inAnyGroup(URGERS)) {
            throw new AccessRefusedException("只有领导小组、领导小组办公室和市自然资源局可以催办");
        }
        if (message == null || message.isBlank()) {
            throw EscalationApiException.invalid(List.of(new FieldProblem("message", "必填，请写明催办要求")));
        }
        if (message.length() > MAX_TEXT) {
            throw EscalationApiException.invalid(List.of(new FieldProblem("message", "不能超过" + MAX_TEXT + "字")));
        }
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Optional<Long> id = configuration.getCommandExecutorTxRequired().execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            // only tasks of a process (a standalone task has no clock)
            return task == null || task.getExecutionId() == null ? null : raiser.raise(context, task, Grade.URGE, user.userId(), message.strip());
        });
        if (id == null) {
            throw EscalationApiException.notFound("待办任务 " + taskId + " 不存在或已办结");
        }
        return get(user, id.orElseThrow());
    }

    private static void visibility(CurrentUser user, StringBuilder sql, MapSqlParameterSource params) {
        if (user.inAnyGroup(Groups.OVERSEERS)) {
            return;
        }
        sql.append(" and (w.responsible_group in (:groups) or w.responsible_group = :user)");
        params.addValue("groups", user.groups().isEmpty() ? List.of("") : List.copyOf(user.groups()));
        params.addValue("user", user.userId());
        List<String> towns = user.groups().stream().filter(Groups::isTown).toList();
        if (!towns.isEmpty()) {
            sql.append(" and w.town_code in (select code from town where group_id in (:towns))");
            params.addValue("towns", towns);
        }
    }

    private static boolean isGrade(String grade) {
        for (Grade g : Grade.values()) {
            if (g.name().equals(grade)) {
                return true;
            }
        }
        return false;
    }

    private static WarningView view(ResultSet rs, int row) throws SQLException {
        String grade = rs.getString("grade");
        return new WarningView(rs.getLong("id"), (Long) rs.getObject("project_id", Long.class), rs.getString("project_code"),
                rs.getString("project_name"), rs.getString("town_code"), rs.getString("town_name"), rs.getString("task_id"),
                rs.getString("task_definition_key"), rs.getString("task_name"), rs.getString("responsible_group"), null,
                grade, Grade.valueOf(grade).label(), instant(rs, "due_at"), instant(rs, "raised_at"),
                rs.getString("raised_by"), rs.getString("message"), rs.getString("notified"), rs.getString("reply"),
                rs.getString("replied_by"), instant(rs, "replied_at"), instant(rs, "closed_at"), rs.getString("closed_reason"), false);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
