package cn.gonggaigong.monitor;

import cn.gonggaigong.monitor.MonitorViews.ReportRow;
import cn.gonggaigong.platform.Spreadsheets;
import cn.gonggaigong.process.Phase;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The 月报表 as an Excel workbook (Apache POI): a title row, a note row (as of when), the header row, one row per
 * town (29) and a totals row. Columns: 序号, 乡镇(街道、农场), 已列入年度计划项目数, 已开工项目数, one per phase
 * (在办), 已完成项目数, 逾期项目数, 本月发出预警, 本月关闭预警.
 */
@Component
public class MonthlyReportWorkbook {

    public static final int TITLE_ROW = 0;
    public static final int NOTE_ROW = 1;
    public static final int HEADER_ROW = 2;
    public static final int FIRST_TOWN_ROW = 3;


    /** The column headers, in order. */
    public static List<String> headers() {
        List<String> headers = new ArrayList<>(List.of("序号", "乡镇（街道、农场）", "已列入年度计划项目数", "已开工项目数"));
        for (Phase phase : Phase.values()) {
            headers.add(phase.label() + "（在办）");
        }
        headers.addAll(List.of("已完成项目数", "逾期项目数", "本月发出预警", "本月关闭预警"));
        return headers;
    }

    public byte[] write(YearMonth month, List<ReportRow> rows, Instant asOf) {
        return Spreadsheets.write(new XSSFWorkbook(), workbook -> {
            Sheet sheet = workbook.createSheet(month + " 月报表");
            List<String> headers = headers();
            CellStyle title = Spreadsheets.style(workbook, 16, true, false, HorizontalAlignment.CENTER);
            CellStyle header = Spreadsheets.style(workbook, 11, true, true, HorizontalAlignment.CENTER);
            header.setWrapText(true);
            CellStyle body = Spreadsheets.style(workbook, 11, false, true, HorizontalAlignment.CENTER);
            CellStyle totals = Spreadsheets.style(workbook, 11, true, true, HorizontalAlignment.CENTER);

            Row titleRow = sheet.createRow(TITLE_ROW);
            titleRow.setHeightInPoints(28);
            Cell titleCell = titleRow.createCell(0);
            titleCell.setCellValue("普宁市“工改工”项目推进情况月报表（" + month.getYear() + "年" + month.getMonthValue() + "月）");
            titleCell.setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, headers.size() - 1));

            Row note = sheet.createRow(NOTE_ROW);
            note.createCell(0).setCellValue("统计时点：" + Spreadsheets.minute(asOf)
                    + "（项目数为统计时点状态，预警数为本月发生数）");
            sheet.addMergedRegion(new CellRangeAddress(NOTE_ROW, NOTE_ROW, 0, headers.size() - 1));

            Row headerRow = sheet.createRow(HEADER_ROW);
            headerRow.setHeightInPoints(45);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = headerRow.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, c == 1 ? 18 * 256 : 11 * 256);
            }

            int r = FIRST_TOWN_ROW;
            int number = 1;
            for (ReportRow row : rows) {
                write(sheet.createRow(r++), Integer.toString(number++), row, body);
            }
            write(sheet.createRow(r), "", MonitorQueries.total(rows), totals);
            sheet.createFreezePane(2, FIRST_TOWN_ROW);
        });
    }

    private static void write(Row row, String number, ReportRow data, CellStyle style) {
        List<Object> values = new ArrayList<>();
        values.add(number);
        values.add(data.townName());
        values.add(data.projectsInPlan());
        values.add(data.projectsStarted());
        for (Phase phase : Phase.values()) {
            values.add(data.projectsByPhase().get(phase.name()));
        }
        values.add(data.projectsCompleted());
        values.add(data.projectsOverdue());
        values.add(data.warningsRaised());
        values.add(data.warningsClosed());
        for (int c = 0; c < values.size(); c++) {
            Cell cell = row.createCell(c);
            if (values.get(c) instanceof Long n) {
                cell.setCellValue(n);
            } else {
                cell.setCellValue((String) values.get(c));
            }
            cell.setCellStyle(style);
        }
    }
}
