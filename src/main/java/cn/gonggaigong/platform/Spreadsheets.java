package cn.gonggaigong.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Excel workbooks (.xlsx): their cells' look (宋体, centred vertically, thin borders) and their download. */
public final class Spreadsheets {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Spreadsheets() {
    }

    /** A style of the workbook: 宋体 of {@code points}, bold or not, with thin borders or none, aligned so. */
    public static CellStyle style(Workbook workbook, int points, boolean bold, boolean bordered,
                                  HorizontalAlignment alignment) {
        Font font = workbook.createFont();
        font.setFontName("宋体");
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        if (bordered) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }

    /** A text cell (empty for null) of that style. */
    public static Cell cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
        return cell;
    }

    /**
     * The file of a new workbook that {@code fill} writes into; the workbook is closed whatever happens (a streaming
     * workbook's temporary files go with it).
     */
    public static <W extends Workbook> byte[] write(W workbook, Consumer<W> fill) {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A time as a workbook's note says it: China's date and minute (2026-12-08 09:30). */
    public static String minute(java.time.Instant at) {
        return java.time.LocalDateTime.ofInstant(at, cn.gonggaigong.clock.WorkingDayCalendar.ZONE).format(MINUTE);
    }

    /** Rows of a list workbook ({@link #list}): its title, note, header row, then one row per item. */
    public static final int TITLE_ROW = 0;
    public static final int NOTE_ROW = 1;
    public static final int HEADER_ROW = 2;
    public static final int FIRST_ROW = 3;

    /**
     * A list as a workbook of one sheet: a title across the columns, a note (when, what, how many), the header row
     * (frozen with the rows above it) and one row per item, numbered in the first column; a {@link Number} is a number
     * cell, anything else text (empty for null). {@code widths}: each column's width in characters.
     */
    public static byte[] list(String sheetName, String title, String note, List<String> headers, List<Integer> widths,
                              List<List<Object>> rows) {
        return write(new SXSSFWorkbook(200), workbook -> {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle titleStyle = style(workbook, 16, true, false, HorizontalAlignment.CENTER);
            CellStyle noteStyle = style(workbook, 11, false, false, HorizontalAlignment.LEFT);
            CellStyle header = style(workbook, 11, true, true, HorizontalAlignment.CENTER);
            header.setWrapText(true);
            CellStyle text = style(workbook, 11, false, true, HorizontalAlignment.LEFT);
            text.setWrapText(true);
            CellStyle number = style(workbook, 11, false, true, HorizontalAlignment.CENTER);
            Row titleRow = sheet.createRow(TITLE_ROW);
            titleRow.setHeightInPoints(28);
            cell(titleRow, 0, title, titleStyle);
            sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, headers.size() - 1));
            cell(sheet.createRow(NOTE_ROW), 0, note, noteStyle);
            sheet.addMergedRegion(new CellRangeAddress(NOTE_ROW, NOTE_ROW, 0, headers.size() - 1));
            Row headerRow = sheet.createRow(HEADER_ROW);
            headerRow.setHeightInPoints(30);
            for (int c = 0; c < headers.size(); c++) {
                cell(headerRow, c, headers.get(c), header);
                sheet.setColumnWidth(c, widths.get(c) * 256);
            }
            int r = FIRST_ROW;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r);
                Cell numbered = row.createCell(0);
                numbered.setCellValue(r - FIRST_ROW + 1);
                numbered.setCellStyle(number);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value instanceof Number n) {
                        Cell cell = row.createCell(c + 1);
                        cell.setCellValue(n.doubleValue());
                        cell.setCellStyle(number);
                    } else {
                        cell(row, c + 1, value == null ? null : value.toString(), text);
                    }
                }
                r++;
            }
            sheet.createFreezePane(0, FIRST_ROW);
        });
    }

    /** 200 with the workbook as an attachment named {@code filename} (Chinese kept, RFC 5987). */
    public static ResponseEntity<byte[]> download(String filename, byte[] workbook) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(workbook);
    }
}
