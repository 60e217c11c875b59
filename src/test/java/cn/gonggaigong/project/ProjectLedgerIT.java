package cn.gonggaigong.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.escalation.WarningJobHandler;
import cn.gonggaigong.platform.Spreadsheets;
import cn.gonggaigong.task.WorkApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * 项目台账 (GET /api/projects/ledger.xlsx): the projects 项目查询 finds for the caller with the same filters, one row
 * each with what the project waits on, as an Excel workbook; a town's officer exports its own town's only.
 */
class ProjectLedgerIT extends WorkApiTestSupport {

    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;

    @Test
    void theLedgerListsTheProjectsTheSearchFindsWithWhatEachWaitsOn() throws Exception {
        JsonNode zhanlong = apply("zhanlong", "台账校验丝袜厂改造项目");
        JsonNode liushadong = apply("liushadong", "台账校验五金厂改造项目");
        String zhanlongCode = zhanlong.get("code").asText();
        String liushadongCode = liushadong.get("code").asText();
        // A red card on 流沙东街道's project: its town's task's RED timer runs (as the job executor would at the
        // deadline); then the task is due yesterday.
        String late = tasksOf("liushadong1", liushadongCode).get(0).get("taskId").asText();
        managementService.executeJob(new JdbcTemplate(dataSource).queryForObject(
                "select ID_ from ACT_RU_JOB where HANDLER_TYPE_ = ? and HANDLER_CFG_ = ?", String.class,
                WarningJobHandler.TYPE, late + ":RED"));
        LocalDate yesterday = LocalDate.now(WorkingDayCalendar.ZONE).minusDays(1);
        taskService.setDueDate(late, java.util.Date.from(WorkingDayCalendar.endOf(yesterday)));

        MockHttpServletResponse response = download("nrb-clerk", "?q=台账校验");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith(Spreadsheets.XLSX.toString());
        assertThat(response.getHeader("Content-Disposition")).contains("attachment")
                .contains("filename*=UTF-8''%E5%B7%A5%E6%94%B9%E5%B7%A5%E9%A1%B9%E7%9B%AE%E5%8F%B0%E8%B4%A6") // 工改工项目台账
                .contains(LocalDate.now(WorkingDayCalendar.ZONE) + ".xlsx");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(text(sheet.getRow(ProjectLedger.TITLE_ROW), 0)).isEqualTo("普宁市“工改工”项目台账");
            assertThat(text(sheet.getRow(ProjectLedger.NOTE_ROW), 0)).contains("查询条件：关键词“台账校验”")
                    .contains("共2个项目");
            assertThat(cells(sheet.getRow(ProjectLedger.HEADER_ROW))).containsExactlyElementsOf(ProjectLedger.HEADERS);
            assertThat(sheet.getLastRowNum()).isEqualTo(ProjectLedger.FIRST_ROW + 1);

            // Newest first: 流沙东街道's project, then 占陇镇's.
            Row first = sheet.getRow(ProjectLedger.FIRST_ROW);
            Row second = sheet.getRow(ProjectLedger.FIRST_ROW + 1);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(text(first, 1)).isEqualTo(liushadongCode);
            assertThat(text(second, 1)).isEqualTo(zhanlongCode);
            assertThat(second.getCell(0).getNumericCellValue()).isEqualTo(2);

            assertThat(text(second, column("项目名称"))).isEqualTo("台账校验丝袜厂改造项目");
            assertThat(text(second, column("镇（街道、农场）"))).isEqualTo("占陇镇");
            assertThat(text(second, column("申请人"))).isEqualTo(zhanlong.get("applicantName").asText());
            assertThat(text(second, column("改造方式"))).isEqualTo(RenovationMode.valueOf(zhanlong.get("renovationMode").asText()).label());
            assertThat(text(second, column("产业类别"))).isEqualTo(IndustryCategory.valueOf(zhanlong.get("industryCategory").asText()).label());
            assertThat(second.getCell(column("申请用地面积（亩）")).getNumericCellValue())
                    .isEqualTo(zhanlong.get("landAreaMu").decimalValue().doubleValue());
            assertThat(text(second, column("核实用地面积（亩）"))).isEmpty(); // not surveyed yet
            assertThat(second.getCell(column("总投资（万元）")).getNumericCellValue())
                    .isEqualTo(zhanlong.get("investment").decimalValue().divide(BigDecimal.valueOf(10_000)).doubleValue());
            assertThat(text(second, column("所处阶段"))).isEqualTo("纳入年度实施计划");
            assertThat(text(second, column("项目状态"))).isEqualTo("审批实施中");

            // What it waits on: the town's open task, with the town as its office, and that task's deadline.
            JsonNode task = tasksOf("zhanlong1", zhanlongCode).get(0);
            assertThat(text(second, column("当前办理事项（办理单位）"))).isEqualTo(task.get("taskName").asText() + "（占陇镇）");
            LocalDate due = LocalDate.ofInstant(Instant.parse(task.get("dueAt").asText()), WorkingDayCalendar.ZONE);
            assertThat(text(second, column("最早办理期限"))).isEqualTo(due + (calendar.hasDataFor(due.getYear()) ? "" : "（期限暂估）"));
            assertThat(text(second, column("预警"))).isEmpty();
            assertThat(text(first, column("预警"))).isEqualTo("红牌");
            assertThat(text(first, column("当前办理事项（办理单位）"))).endsWith("（流沙东街道）");
            assertThat(text(first, column("最早办理期限"))).isEqualTo(yesterday + "（已逾期）");
        }

        // A town's officer: its own town's projects only, whatever the filter names.
        assertThat(codes(download("zhanlong1", "?q=台账校验"))).containsExactly(zhanlongCode);
        assertThat(codes(download("zhanlong1", "?q=台账校验&town=liushadong"))).isEmpty();
        // The other filters, as 项目查询's.
        assertThat(codes(download("nrb-clerk", "?q=台账校验&town=liushadong"))).containsExactly(liushadongCode);
        MockHttpServletResponse none = download("nrb-clerk", "?q=台账校验&status=COMPLETED&phase=INTAKE");
        assertThat(codes(none)).isEmpty();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(none.getContentAsByteArray()))) {
            assertThat(text(workbook.getSheetAt(0).getRow(ProjectLedger.NOTE_ROW), 0))
                    .contains("查询条件：关键词“台账校验”，阶段：纳入年度实施计划，状态：已完成").contains("共0个项目");
        }

        // A filter naming nothing: 400 naming it, as JSON, not a file.
        Answer bad = get("nrb-clerk", "/api/projects/ledger.xlsx?town=zhanlon");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().at("/errors/0/field").asText()).isEqualTo("town");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/projects/ledger.xlsx")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    private MockHttpServletResponse download(String user, String query) throws Exception {
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get("/api/projects/ledger.xlsx" + query).with(httpBasic(user, "demo")))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response;
    }

    private static List<String> codes(MockHttpServletResponse response) throws Exception {
        List<String> codes = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = ProjectLedger.FIRST_ROW; r <= sheet.getLastRowNum(); r++) {
                codes.add(text(sheet.getRow(r), 1));
            }
        }
        return codes;
    }

    private static int column(String header) {
        int c = ProjectLedger.HEADERS.indexOf(header);
        assertThat(c).as(header).isNotNegative();
        return c;
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        row.forEach(c -> cells.add(c.getStringCellValue()));
        return cells;
    }

    private static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
        return cell.getStringCellValue();
    }
}
