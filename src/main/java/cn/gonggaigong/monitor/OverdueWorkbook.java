package cn.gonggaigong.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gonggaigong.monitor.MonitorViews.OverdueTask;
import cn.gonggaigong.platform.Spreadsheets;
import cn.gonggaigong.project.Town;
import cn.gonggaigong.project.TownRepository;
import org.springframework.stereotype.Component;

/**
 * 逾期事项清单 as an Excel workbook, for the leading group's 督办 (the dashboard lists the first 200): a title, a note
 * (as of when, the city or one town, how many), the header row and every open task past its deadline, oldest first,
 * as {@link MonitorQueries#overdue} finds them: the project (or the town's monthly report), the task, its office and
 * the person working on it, the deadline, the working days overdue, the warning grade, and whether an administrator
 * suspended the process.
 */
@Component
public class OverdueWorkbook {

    public static final List<String> HEADERS = List.of("序号", "镇（街道、农场）", "项目编号", "项目名称", "办理事项", "责任单位",
            "经办人", "办理期限", "逾期工作日", "预警", "备注");

    private final TownRepository towns;

    public OverdueWorkbook(TownRepository towns) {
        this.towns = towns;
    }

    /**
     * @param town   the town's code, null for the whole city
     * @param people the assignees' names by user id
     */
    public byte[] write(String town, List<OverdueTask> tasks, Map<String, String> people, Instant asOf) {
        String scope = town == null ? "全市" : towns.findById(town).map(Town::getName).orElse(town);
        List<List<Object>> rows = new ArrayList<>();
        for (OverdueTask task : tasks) {
            Grade grade = Grade.valueOf(task.grade());
            rows.add(java.util.Arrays.asList(task.townName(), task.projectCode(),
                    task.projectCode() == null ? "（月度进度报告）" : task.projectName(), task.taskName(),
                    task.responsibleOfficeName() != null ? task.responsibleOfficeName() : task.responsibleOffice(),
                    task.assignee() == null ? "未签收" : people.getOrDefault(task.assignee(), task.assignee()),
                    task.dueDay().toString(), task.workingDaysOverdue(), grade == Grade.NONE ? "" : grade.label(),
                    task.suspended() ? "流程已被系统管理员挂起，恢复前不能办理" : ""));
        }
        return Spreadsheets.list("逾期事项", "普宁市“工改工”逾期事项清单", "统计时点："
                + Spreadsheets.minute(asOf) + "　范围：" + scope + "　共"
                + tasks.size() + "项，按办理期限从早到晚排列（逾期工作日按法定工作日计）", HEADERS,
                List.of(6, 12, 18, 28, 28, 18, 12, 12, 12, 12, 12), rows);
    }
}
