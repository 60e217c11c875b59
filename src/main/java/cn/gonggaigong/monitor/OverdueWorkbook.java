package cn.gonggaigong.monitor;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.monitor.MonitorViews.OverdueTask;
import cn.gonggaigong.platform.Spreadsheets;
import cn.gonggaigong.project.Town;
import cn.gonggaigong.project.TownRepository;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
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

    public static final int TITLE_ROW = 0;
    public static final int NOTE_ROW = 1;
    public static final int HEADER_ROW = 2;
    public static final int FIRST_ROW = 3;

    public static final List<String> HEADERS = List.of("序号", "镇（街道、农场）", "项目编号", "项目名称", "办理事项", "责任单位",
            "经办人", "办理期限", "逾期工作日", "预警", "备注");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TownRepository towns;

    public OverdueWorkbook(TownRepository towns) {
        this.towns = towns;
    }

    /**
     * @param town   the town's code, null for the whole city
     * @param people the assignees' names by user id
     */
    public byte[] write(String town, List<OverdueTask> tasks, Map<String, String> people, Instant asOf) {
        return Spreadsheets.write(new SXSSFWorkbook(200), workbook -> {
            Sheet sheet = workbook.createSheet("逾期事项");
            CellStyle title = Spreadsheets.style(workbook, 16, true, false, HorizontalAlignment.CENTER);
            CellStyle note = Spreadsheets.style(workbook, 11, false, false, HorizontalAlignment.LEFT);
            CellStyle header = Spreadsheets.style(workbook, 11, true, true, HorizontalAlignment.CENTER);
            header.setWrapText(true);
            CellStyle text = Spreadsheets.style(workbook, 11, false, true, HorizontalAlignment.LEFT);
            text.setWrapText(true);
            CellStyle centered = Spreadsheets.style(workbook, 11, false, true, HorizontalAlignment.CENTER);

            Row titleRow = sheet.createRow(TITLE_ROW);
            titleRow.setHeightInPoints(28);
            Spreadsheets.cell(titleRow, 0, "普宁市“工改工”逾期事项清单", title);
            sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, HEADERS.size() - 1));
            String scope = town == null ? "全市" : towns.findById(town).map(Town::getName).orElse(town);
            Spreadsheets.cell(sheet.createRow(NOTE_ROW), 0, "统计时点：" + LocalDateTime.ofInstant(asOf, WorkingDayCalendar.ZONE).format(MINUTE)
                    + "　范围：" + scope + "　共" + tasks.size() + "项，按办理期限从早到晚排列（逾期工作日按法定工作日计）", note);
            sheet.addMergedRegion(new CellRangeAddress(NOTE_ROW, NOTE_ROW, 0, HEADERS.size() - 1));
            Row headerRow = sheet.createRow(HEADER_ROW);
            headerRow.setHeightInPoints(30);
            for (int c = 0; c < HEADERS.size(); c++) {
                Spreadsheets.cell(headerRow, c, HEADERS.get(c), header);
                sheet.setColumnWidth(c, switch (HEADERS.get(c)) {
                    case "序号" -> 6;
                    case "项目名称", "办理事项" -> 28;
                    case "责任单位", "项目编号" -> 18;
                    default -> 12;
                } * 256);
            }

            int r = FIRST_ROW;
            for (OverdueTask task : tasks) {
                Row row = sheet.createRow(r);
                Cell number = row.createCell(0);
                number.setCellValue(r - FIRST_ROW + 1);
                number.setCellStyle(centered);
                List<String> values = new ArrayList<>();
                values.add(task.townName());
                values.add(task.projectCode());
                values.add(task.projectCode() == null ? "（月度进度报告）" : task.projectName());
                values.add(task.taskName());
                values.add(task.responsibleOfficeName() != null ? task.responsibleOfficeName() : task.responsibleOffice());
                values.add(task.assignee() == null ? "未签收" : people.getOrDefault(task.assignee(), task.assignee()));
                values.add(task.dueDay().toString());
                for (int c = 0; c < values.size(); c++) {
                    Spreadsheets.cell(row, c + 1, values.get(c), c == 6 ? centered : text);
                }
                Cell days = row.createCell(values.size() + 1);
                days.setCellValue(task.workingDaysOverdue());
                days.setCellStyle(centered);
                Grade grade = Grade.valueOf(task.grade());
                Spreadsheets.cell(row, values.size() + 2, grade == Grade.NONE ? "" : grade.label(), centered);
                Spreadsheets.cell(row, values.size() + 3, task.suspended() ? "流程已被系统管理员挂起，恢复前不能办理" : "", text);
                r++;
            }
            sheet.createFreezePane(0, FIRST_ROW);
        });
    }
}
