package cn.gonggaigong.monitor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.monitor.MonitorViews.AgreementBreach;
import cn.gonggaigong.monitor.MonitorViews.OverdueTask;
import cn.gonggaigong.platform.Spreadsheets;

/**
 * The dashboard's lists as Excel workbooks, for the leading group's 督办 (the page shows the first 200 of each): every
 * item of the city or of one town ({@code scope}, as the note names it), in the page's order and words.
 */
public final class MonitorExports {

    /** 逾期事项清单's columns. */
    public static final List<String> OVERDUE_HEADERS = List.of("序号", "镇（街道、农场）", "项目编号", "项目名称", "办理事项", "责任单位",
            "经办人", "办理期限", "逾期工作日", "预警", "备注");
    /** 监管协议逾期清单's columns. */
    public static final List<String> BREACH_HEADERS = List.of("序号", "项目编号", "项目名称", "镇（街道、农场）", "约定事项",
            "约定时限", "发现逾期", "履约情况", "属改造主体责任", "乡镇说明");

    private MonitorExports() {
    }

    /**
     * 逾期事项清单: every open task past its deadline as {@link MonitorQueries#overdue} finds them, oldest first: the
     * project (or the town's monthly report), the task, its office and who signed for it ({@code people}: names by
     * user id), the deadline, the working days overdue, the grade, and whether an administrator suspended the process.
     */
    static byte[] overdue(String scope, List<OverdueTask> tasks, Map<String, String> people, Instant asOf) {
        List<List<Object>> rows = tasks.stream().map(task -> {
            Grade grade = Grade.valueOf(task.grade());
            return Arrays.<Object>asList(task.townName(), task.projectCode(),
                    task.projectCode() == null ? "（月度进度报告）" : task.projectName(), task.taskName(),
                    task.responsibleOfficeName() != null ? task.responsibleOfficeName() : task.responsibleOffice(),
                    task.assignee() == null ? "未签收" : people.getOrDefault(task.assignee(), task.assignee()),
                    task.dueDay().toString(), task.workingDaysOverdue(), grade == Grade.NONE ? "" : grade.label(),
                    task.suspended() ? "流程已被系统管理员挂起，恢复前不能办理" : "");
        }).toList();
        return Spreadsheets.list("逾期事项", "普宁市“工改工”逾期事项清单", "统计时点：" + Spreadsheets.minute(asOf)
                + "　范围：" + scope + "　共" + tasks.size() + "项，按办理期限从早到晚排列（逾期工作日按法定工作日计）",
                OVERDUE_HEADERS, List.of(6, 12, 18, 28, 28, 18, 12, 12, 12, 12, 12), rows);
    }

    /** 监管协议逾期清单: every missed agreement deadline as {@link AgreementBreachList} lists them, unfinished first. */
    static byte[] breaches(String scope, List<AgreementBreach> items, Instant asOf) {
        List<List<Object>> rows = items.stream().map(b -> Arrays.<Object>asList(b.projectCode(), b.projectName(),
                b.townName(), b.milestone(), b.deadline().toString(),
                LocalDate.ofInstant(b.breachedAt(), WorkingDayCalendar.ZONE).toString(), b.status(),
                b.subjectResponsible() == null ? "待乡镇说明" : b.subjectResponsible() ? "是" : "否", b.explanation())).toList();
        return Spreadsheets.list("监管协议逾期", "普宁市“工改工”实施监管协议逾期清单", "统计时点：" + Spreadsheets.minute(asOf)
                + "　范围：" + scope + "　共" + items.size()
                + "项，未完成的在前，按发现逾期从新到旧排列（第十三条；属改造主体责任的，不予发放改造建设补贴，第十九条）",
                BREACH_HEADERS, List.of(6, 18, 28, 12, 24, 12, 12, 12, 14, 40), rows);
    }
}
