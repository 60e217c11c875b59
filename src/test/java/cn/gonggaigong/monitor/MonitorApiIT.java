package cn.gonggaigong.monitor;

import cn.gonggaigong.ApplicationTestSupport;
import cn.gonggaigong.process.Phase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The monitoring API on seeded data ({@link MonitorSeed}): every count is checked against the rows themselves,
 * counted here in Java from plain selects and the engine's own task and history queries (an oracle independent of
 * the API's SQL), and the seeded towns against the numbers known by construction. Who may read it; the 月报表
 * export opened with POI.
 */
class MonitorApiIT extends ApplicationTestSupport {

    private static final RequestPostProcessor LEADER = httpBasic("leader1", "demo");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void seedAndFixNow() {
        MonitorSeed.seed(jdbc, engine);
        ClockUtil.setCurrentTime(MonitorSeed.NOW);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private JsonNode read(String path, RequestPostProcessor user) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(user)).andReturn().getResponse();
        assertThat(response.getStatus()).as("%s: %s", path, response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsByteArray());
    }

    /** The leading group's download: 200, an .xlsx attachment, the workbook read back. */
    private Workbook workbook(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(LEADER)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        assertThat(response.getContentType()).startsWith(cn.gonggaigong.platform.Spreadsheets.XLSX.toString());
        assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains(".xlsx");
        return new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()));
    }

    // --- the oracle: the rows, counted in Java -----------------------------------------------------------------

    record P(long id, String town, String status, String phase, boolean inPlan, String instance, Instant created) {
    }

    private List<P> projects() {
        return jdbc.query("select id, town_code, status, phase, annual_plan_id is not null, process_instance_id, created_at from project",
                (rs, i) -> new P(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()));
    }

    record W(Long project, String town, String grade, Instant raised, Instant closed, String responsible) {
    }

    private List<W> warnings() {
        return jdbc.query("select project_id, town_code, grade, raised_at, closed_at, responsible_group from task_warning",
                (rs, i) -> new W(rs.getObject(1) == null ? null : rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getString(6)));
    }

    private static int rank(String grade) {
        return switch (grade) {
            case "ESCALATED" -> 3;
            case "RED" -> 2;
            case "YELLOW" -> 1;
            default -> 0;
        };
    }

    private Map<Long, String> openGrades() {
        Map<Long, Integer> ranks = new HashMap<>();
        for (W w : warnings()) {
            if (w.project() != null && w.closed() == null) {
                ranks.merge(w.project(), rank(w.grade()), Math::max);
            }
        }
        Map<Long, String> grades = new HashMap<>();
        ranks.forEach((p, r) -> grades.put(p, Grade.ofRank(r).name()));
        return grades;
    }

    /** Lifecycle instances with an open task past its due date, from the engine's task query. */
    private Set<String> overdueRoots() {
        return engine.getTaskService().createTaskQuery().dueBefore(ClockUtil.getCurrentTime()).list().stream()
                .map(t -> MonitorSeed.rootOf(engine, t)).collect(Collectors.toSet());
    }

    private static boolean started(P p) {
        return "COMPLETED".equals(p.status()) || "ACTIVE".equals(p.status()) && Set.of("IMPLEMENTATION_SUPERVISION",
                "COMPLETION_ACCEPTANCE", "TRANSITION_PERIOD").contains(p.phase());
    }

    private static boolean inMonth(Instant at, YearMonth month) {
        return at != null && YearMonth.from(at.atZone(CHINA)).equals(month);
    }

    /** The 月报表 of a town counted from the rows: the columns in the export's order after the town's name. */
    private List<Long> reportRow(String town, YearMonth month, List<P> projects, List<W> warnings, Set<String> overdue) {
        List<P> mine = projects.stream().filter(p -> p.town().equals(town)).toList();
        List<Long> row = new ArrayList<>();
        row.add(mine.stream().filter(P::inPlan).count());
        row.add(mine.stream().filter(MonitorApiIT::started).count());
        for (Phase phase : Phase.values()) {
            row.add(mine.stream().filter(p -> "ACTIVE".equals(p.status()) && phase.name().equals(p.phase())).count());
        }
        row.add(mine.stream().filter(p -> "COMPLETED".equals(p.status())).count());
        row.add(mine.stream().filter(p -> "ACTIVE".equals(p.status()) && overdue.contains(p.instance())).count());
        row.add(warnings.stream().filter(w -> town.equals(w.town()) && inMonth(w.raised(), month)).count());
        row.add(warnings.stream().filter(w -> town.equals(w.town()) && inMonth(w.closed(), month)).count());
        return row;
    }

    // --- figures -----------------------------------------------------------------------------------------------

    @Test
    void phaseTownGradeCountsAreTheRowsAndDrillToTheirProjects() throws Exception {
        JsonNode figure = read("/api/monitor/phase-town-grade", LEADER);
        Map<String, Long> api = new TreeMap<>();
        figure.get("cells").forEach(c -> api.put(c.get("phase").asText() + "|" + c.get("town").asText() + "|"
                + c.get("grade").asText(), c.get("count").asLong()));

        Map<Long, String> grades = openGrades();
        Map<String, Long> rows = projects().stream().filter(p -> "ACTIVE".equals(p.status()) && p.phase() != null)
                .collect(Collectors.groupingBy(p -> p.phase() + "|" + p.town() + "|" + grades.getOrDefault(p.id(), "NONE"),
                        TreeMap::new, Collectors.counting()));
        assertThat(api).isEqualTo(rows);
        assertThat(figure.get("total").asLong()).isEqualTo(rows.values().stream().mapToLong(Long::longValue).sum());
        assertThat(figure.get("towns")).hasSize(29);
        assertThat(figure.get("phases")).hasSize(Phase.values().length);

        // Known by construction: 后溪乡 has one project in intake without warning, one yellow; scheme red; implementation escalated.
        assertThat(api).containsEntry("INTAKE|houxi|NONE", 1L).containsEntry("INTAKE|houxi|YELLOW", 1L)
                .containsEntry("SCHEME_COMPILATION|houxi|RED", 1L).containsEntry("IMPLEMENTATION_SUPERVISION|houxi|ESCALATED", 1L)
                .containsEntry("INTAKE|puqiao|RED", 1L).containsEntry("LAND_MANAGEMENT|puqiao|NONE", 1L);
        assertThat(api.keySet()).noneMatch(k -> k.contains("|chigang|"));

        // Every cell drills down to exactly its projects.
        for (Map.Entry<String, Long> cell : api.entrySet()) {
            String[] key = cell.getKey().split("\\|");
            JsonNode list = read("/api/monitor/projects?figure=phase-town-grade&phase=" + key[0] + "&town=" + key[1]
                    + "&grade=" + key[2] + "&limit=500", LEADER);
            assertThat(list.get("total").asLong()).as(cell.getKey()).isEqualTo(cell.getValue());
            list.get("items").forEach(item -> {
                assertThat(item.get("phase").asText()).isEqualTo(key[0]);
                assertThat(item.get("townCode").asText()).isEqualTo(key[1]);
                assertThat(item.get("grade").asText()).isEqualTo(key[2]);
            });
        }
        JsonNode houxiRed = read("/api/monitor/projects?figure=phase-town-grade&town=houxi&grade=RED", LEADER);
        assertThat(houxiRed.get("items")).extracting(i -> i.get("code").asText()).containsExactly("MON-H3");
        assertThat(houxiRed.get("items").get(0).get("phaseLabel").asText()).isEqualTo("编制改造方案");
    }

    /** The card of the projects an administrator suspended (挂起), and its list; activated, the project leaves both. */
    @Test
    void suspendedProjectsAreCountedAndListedUntilActivated() throws Exception {
        String instance = jdbc.queryForObject("select process_instance_id from project where code = 'MON-H3'", String.class);
        long before = read("/api/monitor/totals", LEADER).get("suspendedProjects").asLong();
        engine.getRuntimeService().suspendProcessInstanceById(instance);
        try {
            assertThat(read("/api/monitor/totals", LEADER).get("suspendedProjects").asLong()).isEqualTo(before + 1);
            JsonNode list = read("/api/monitor/projects?figure=suspended&limit=500", LEADER);
            assertThat(list.get("total").asLong()).isEqualTo(before + 1);
            assertThat(list.get("items")).extracting(i -> i.get("code").asText()).contains("MON-H3");
            JsonNode houxi = read("/api/monitor/projects?figure=suspended&town=houxi", LEADER);
            assertThat(houxi.get("items")).extracting(i -> i.get("code").asText()).containsExactly("MON-H3");
        } finally {
            engine.getRuntimeService().activateProcessInstanceById(instance);
        }
        assertThat(read("/api/monitor/totals", LEADER).get("suspendedProjects").asLong()).isEqualTo(before);
        assertThat(read("/api/monitor/projects?figure=suspended&limit=500", LEADER).get("items"))
                .extracting(i -> i.get("code").asText()).doesNotContain("MON-H3");
    }

    @Test
    void overdueListIsTheEnginesOverdueTasksWithWorkingDaysAndTheOffice() throws Exception {
        JsonNode list = read("/api/monitor/overdue?limit=500", LEADER);
        List<Task> overdue = engine.getTaskService().createTaskQuery().dueBefore(ClockUtil.getCurrentTime()).list();
        assertThat(list.get("total").asLong()).isEqualTo(overdue.size());
        assertThat(list.get("items")).extracting(i -> i.get("taskId").asText())
                .containsExactlyInAnyOrderElementsOf(overdue.stream().map(Task::getId).toList());

        Map<String, JsonNode> byProject = new HashMap<>();
        list.get("items").forEach(i -> {
            if (!i.get("projectCode").isNull()) {
                byProject.put(i.get("projectCode").asText(), i);
            }
        });
        // H3: due Friday 20 Nov 18:00; working days after it until Monday 30 Nov: 23–27 and 30 Nov.
        JsonNode h3 = byProject.get("MON-H3");
        assertThat(h3.get("taskName").asText()).isEqualTo("监测探针后续事项");
        assertThat(h3.get("townName").asText()).isEqualTo("后溪乡");
        assertThat(h3.get("responsibleOffice").asText()).isEqualTo("town-houxi");
        assertThat(h3.get("responsibleOfficeName").asText()).as("what the leading group reads").isEqualTo("后溪乡");
        assertThat(h3.get("dueDay").asText()).isEqualTo("2026-11-20");
        assertThat(h3.get("workingDaysOverdue").asInt()).isEqualTo(6);
        assertThat(h3.get("grade").asText()).isEqualTo("NONE");
        // P1: its task is in the called step instance, due at the end of Friday 27 Nov: one working day (Mon 30).
        JsonNode p1 = byProject.get("MON-P1");
        assertThat(p1.get("taskName").asText()).isEqualTo("监测探针事项");
        assertThat(p1.get("workingDaysOverdue").asInt()).isEqualTo(1);
        assertThat(byProject).doesNotContainKey("MON-P3");
        assertThat(list.get("items")).allSatisfy(i -> assertThat(i.get("suspended").asBoolean()).isFalse());
        // An administrator suspends H3's process (挂起, Cockpit): still late, marked as such in both lists.
        String h3Instance = jdbc.queryForObject("select process_instance_id from project where code = 'MON-H3'", String.class);
        engine.getRuntimeService().suspendProcessInstanceById(h3Instance);
        try {
            for (String path : List.of("/api/monitor/overdue?limit=500", "/api/monitor/overdue?limit=500&town=houxi")) {
                JsonNode marked = read(path, LEADER);
                assertThat(marked.get("items")).as(path).anySatisfy(i -> assertThat(i.get("projectCode").asText()).isEqualTo("MON-H3"));
                marked.get("items").forEach(i -> assertThat(i.get("suspended").asBoolean()).as(path + " " + i)
                        .isEqualTo("MON-H3".equals(i.get("projectCode").asText())));
            }
        } finally {
            engine.getRuntimeService().activateProcessInstanceById(h3Instance);
        }

        JsonNode puqiao = read("/api/monitor/overdue?town=puqiao", LEADER);
        assertThat(puqiao.get("total").asLong()).isEqualTo(1);
        // One town's list (found through the task lists' read model) is every town's list cut to that town.
        Map<String, List<String>> byTown = new java.util.TreeMap<>();
        list.get("items").forEach(i -> {
            if (!i.get("townCode").isNull()) {
                byTown.computeIfAbsent(i.get("townCode").asText(), t -> new java.util.ArrayList<>()).add(i.get("taskId").asText());
            }
        });
        assertThat(byTown).containsKeys("houxi", "puqiao");
        for (Map.Entry<String, List<String>> town : byTown.entrySet()) {
            JsonNode one = read("/api/monitor/overdue?limit=500&town=" + town.getKey(), LEADER);
            assertThat(one.get("total").asLong()).as(town.getKey()).isEqualTo(town.getValue().size());
            assertThat(one.get("items")).extracting(i -> i.get("taskId").asText()).as(town.getKey())
                    .containsExactlyElementsOf(town.getValue());
        }
        JsonNode drill = read("/api/monitor/projects?figure=overdue&town=houxi", LEADER);
        assertThat(drill.get("items")).extracting(i -> i.get("code").asText()).containsExactly("MON-H3");
        JsonNode all = read("/api/monitor/projects?figure=overdue&limit=500", LEADER);
        Set<String> roots = overdueRoots();
        assertThat(all.get("total").asLong()).isEqualTo(projects().stream()
                .filter(p -> "ACTIVE".equals(p.status()) && roots.contains(p.instance())).count());
    }

    @Test
    void officesTimelinessIsTheStatutoryClocksRowsOfTheMonthAndOfNow() throws Exception {
        // September 2026, when the seed completed 后溪乡's first steps (in China's time).
        JsonNode table = read("/api/monitor/offices?month=2026-09", LEADER);
        assertThat(table.get("month").asText()).isEqualTo("2026-09");
        Instant from = Instant.parse("2026-08-31T16:00:00Z");
        Instant to = Instant.parse("2026-09-30T16:00:00Z");
        Instant now = MonitorSeed.NOW.toInstant();
        // The oracle: the clock's rows, counted here.
        Map<String, long[]> expected = new java.util.TreeMap<>();
        Map<String, List<Integer>> days = new HashMap<>();
        jdbc.query("select responsible_group, clock, started_at, due_at, ended_at, ended_reason, working_days_used from task_clock", rs -> {
            if (!"OFFICE".equals(rs.getString("clock"))) {
                return;
            }
            String office = rs.getString("responsible_group");
            java.sql.Timestamp due = rs.getTimestamp("due_at");
            java.sql.Timestamp ended = rs.getTimestamp("ended_at");
            if (ended == null) {
                long[] c = expected.computeIfAbsent(office, o -> new long[5]);
                c[3]++;
                if (due != null && due.toInstant().isBefore(now)) {
                    c[4]++;
                }
            } else if ("COMPLETED".equals(rs.getString("ended_reason")) && !ended.toInstant().isBefore(from)
                    && ended.toInstant().isBefore(to)) {
                long[] c = expected.computeIfAbsent(office, o -> new long[5]);
                c[0]++;
                if (due != null) {
                    c[1]++;
                    if (!ended.toInstant().isAfter(due.toInstant())) {
                        c[2]++;
                    }
                }
                days.computeIfAbsent(office, o -> new ArrayList<>()).add(rs.getInt("working_days_used"));
            }
        });
        assertThat(expected).containsKeys("town-houxi", "town-puqiao");
        assertThat(expected.get("town-houxi")[0]).as("后溪乡's steps completed in September").isPositive();
        Map<String, JsonNode> rows = new java.util.TreeMap<>();
        table.get("rows").forEach(r -> rows.put(r.get("office").asText(), r));
        assertThat(rows.keySet()).isEqualTo(expected.keySet());
        expected.forEach((office, c) -> {
            JsonNode row = rows.get(office);
            assertThat(row.get("completedTasks").asLong()).as(office).isEqualTo(c[0]);
            assertThat(row.get("onTimeTasks").asLong()).as(office).isEqualTo(c[2]);
            if (c[1] == 0) {
                assertThat(row.get("onTimeRate").isNull()).as(office).isTrue();
            } else {
                assertThat(row.get("onTimeRate").asDouble()).as(office).isCloseTo((double) c[2] / c[1], org.assertj.core.data.Offset.offset(0.0001));
            }
            if (days.containsKey(office)) {
                assertThat(row.get("averageWorkingDays").asDouble()).as(office).isCloseTo(
                        days.get(office).stream().mapToInt(Integer::intValue).average().orElseThrow(), org.assertj.core.data.Offset.offset(0.05));
            } else {
                assertThat(row.get("averageWorkingDays").isNull()).as(office).isTrue();
            }
            assertThat(row.get("openTasks").asLong()).as(office).isEqualTo(c[3]);
            assertThat(row.get("overdueTasks").asLong()).as(office).isEqualTo(c[4]);
        });
        // Named as people read them; most overdue first.
        assertThat(rows.get("town-houxi").get("officeName").asText()).isEqualTo("后溪乡");
        List<Long> overdue = new ArrayList<>();
        table.get("rows").forEach(r -> overdue.add(r.get("overdueTasks").asLong()));
        assertThat(overdue).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // A month with nothing completed: only the open steps, as now.
        JsonNode quiet = read("/api/monitor/offices?month=2020-01", LEADER);
        quiet.get("rows").forEach(r -> assertThat(r.get("completedTasks").asLong()).isZero());
        assertThat(quiet.get("rows")).hasSize((int) expected.values().stream().filter(c -> c[3] > 0).count());
        assertThat(mvc.perform(get("/api/monitor/offices?month=2026-13").with(LEADER)).andReturn().getResponse()
                .getStatus()).isEqualTo(400);
    }

    @Test
    void overdueExportIsTheWholeListInItsOrderForTheCityOrOneTown() throws Exception {
        String h3Instance = jdbc.queryForObject("select process_instance_id from project where code = 'MON-H3'", String.class);
        engine.getRuntimeService().suspendProcessInstanceById(h3Instance);
        try {
            for (String town : java.util.Arrays.asList(null, "houxi")) {
                String query = town == null ? "" : "?town=" + town;
                JsonNode list = read("/api/monitor/overdue?limit=500" + (town == null ? "" : "&town=" + town), LEADER);
                try (Workbook workbook = workbook("/api/monitor/overdue.xlsx" + query)) {
                    Sheet sheet = workbook.getSheetAt(0);
                    assertThat(sheet.getRow(cn.gonggaigong.platform.Spreadsheets.TITLE_ROW).getCell(0).getStringCellValue()).isEqualTo("普宁市“工改工”逾期事项清单");
                    assertThat(sheet.getRow(cn.gonggaigong.platform.Spreadsheets.NOTE_ROW).getCell(0).getStringCellValue())
                            .contains("统计时点：2026-11-30").contains("范围：" + (town == null ? "全市" : "后溪乡"))
                            .contains("共" + list.get("total").asLong() + "项");
                    List<String> headers = new ArrayList<>();
                    sheet.getRow(cn.gonggaigong.platform.Spreadsheets.HEADER_ROW).forEach(c -> headers.add(c.getStringCellValue()));
                    assertThat(headers).containsExactlyElementsOf(MonitorExports.OVERDUE_HEADERS);
                    assertThat(sheet.getLastRowNum() - cn.gonggaigong.platform.Spreadsheets.FIRST_ROW + 1).isEqualTo(list.get("items").size())
                            .isEqualTo(list.get("total").asInt()).isPositive();
                    int r = cn.gonggaigong.platform.Spreadsheets.FIRST_ROW;
                    for (JsonNode item : list.get("items")) {
                        Row row = sheet.getRow(r++);
                        Map<String, String> cells = new HashMap<>();
                        for (int c = 0; c < headers.size(); c++) {
                            Cell cell = row.getCell(c);
                            cells.put(headers.get(c), cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                    ? Long.toString((long) cell.getNumericCellValue()) : cell.getStringCellValue());
                        }
                        assertThat(cells.get("序号")).isEqualTo(Integer.toString(r - cn.gonggaigong.platform.Spreadsheets.FIRST_ROW));
                        assertThat(cells.get("项目编号")).isEqualTo(item.get("projectCode").isNull() ? "" : item.get("projectCode").asText());
                        assertThat(cells.get("项目名称")).isEqualTo(item.get("projectCode").isNull() ? "（月度进度报告）"
                                : item.get("projectName").asText());
                        assertThat(cells.get("镇（街道、农场）")).isEqualTo(item.get("townName").asText(""));
                        assertThat(cells.get("办理事项")).isEqualTo(item.get("taskName").asText());
                        assertThat(cells.get("责任单位")).isEqualTo(item.get("responsibleOfficeName").asText());
                        assertThat(cells.get("办理期限")).isEqualTo(item.get("dueDay").asText());
                        assertThat(cells.get("逾期工作日")).isEqualTo(item.get("workingDaysOverdue").asText());
                        assertThat(cells.get("预警")).isEqualTo(switch (item.get("grade").asText()) {
                            case "YELLOW" -> "黄牌";
                            case "RED" -> "红牌";
                            case "ESCALATED" -> "已升级领导小组";
                            default -> "";
                        });
                        assertThat(cells.get("备注")).isEqualTo(item.get("suspended").asBoolean() ? "流程已被系统管理员挂起，恢复前不能办理" : "");
                        if (item.get("assignee").isNull()) {
                            assertThat(cells.get("经办人")).isEqualTo("未签收");
                        } else {
                            assertThat(cells.get("经办人")).isNotBlank().isNotEqualTo("未签收");
                        }
                    }
                    // H3's task: 后溪乡's, suspended, 6 working days late.
                    List<String> h3 = new ArrayList<>();
                    for (int i = cn.gonggaigong.platform.Spreadsheets.FIRST_ROW; i <= sheet.getLastRowNum(); i++) {
                        if ("MON-H3".equals(sheet.getRow(i).getCell(2).getStringCellValue())) {
                            sheet.getRow(i).forEach(c -> h3.add(c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                    ? Long.toString((long) c.getNumericCellValue()) : c.getStringCellValue()));
                        }
                    }
                    assertThat(h3).as(query).containsSubsequence("后溪乡", "MON-H3", "监测探针后续事项", "后溪乡", "未签收",
                            "2026-11-20", "6", "", "流程已被系统管理员挂起，恢复前不能办理");
                }
            }
        } finally {
            engine.getRuntimeService().activateProcessInstanceById(h3Instance);
        }
        assertThat(mvc.perform(get("/api/monitor/overdue.xlsx?town=atlantis").with(LEADER)).andReturn().getResponse()
                .getStatus()).isEqualTo(400);
    }

    /** Whether the group was a candidate of the task when it ended: its last candidate link change was an add. */
    private boolean wasCandidate(String taskId, String group) {
        return engine.getHistoryService().createHistoricIdentityLinkLogQuery().taskId(taskId).groupId(group)
                .type(org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE).orderByTime().desc().list().stream()
                .findFirst().map(l -> "add".equals(l.getOperationType())).orElse(false);
    }

    @Test
    void leagueTableCountsCompletedTasksPhasesAndOpenRedWarningsPerTown() throws Exception {
        JsonNode league = read("/api/monitor/league", LEADER);
        assertThat(league).hasSize(29);
        Map<String, JsonNode> byTown = new HashMap<>();
        league.forEach(r -> byTown.put(r.get("townCode").asText(), r));

        // Oracle: the engine's history of completed tasks with a due date, by the town of their project; the league
        // counts those of the town's own office (its group a candidate of the task when it was completed, read here
        // through Camunda's HistoricIdentityLinkLog), the cards every office's.
        Map<String, String> townOfInstance = new HashMap<>();
        projects().stream().filter(p -> p.instance() != null).forEach(p -> townOfInstance.put(p.instance(), p.town()));
        Map<String, long[]> tasks = new HashMap<>();
        long[] all = new long[2];
        engine.getHistoryService().createHistoricTaskInstanceQuery().finished().list().stream()
                .filter(h -> h.getDueDate() != null && "completed".equals(h.getDeleteReason())
                        && townOfInstance.containsKey(h.getRootProcessInstanceId()))
                .forEach(h -> {
                    String town = townOfInstance.get(h.getRootProcessInstanceId());
                    boolean onTime = !h.getEndTime().after(h.getDueDate());
                    all[0]++;
                    all[1] += onTime ? 1 : 0;
                    if (wasCandidate(h.getId(), "town-" + town)) {
                        long[] t = tasks.computeIfAbsent(town, k -> new long[2]);
                        t[0]++;
                        t[1] += onTime ? 1 : 0;
                    }
                });
        Map<String, Long> red = warnings().stream().filter(w -> w.closed() == null && "RED".equals(w.grade()) && w.town() != null
                        && ("town-" + w.town()).equals(w.responsible()))
                .collect(Collectors.groupingBy(W::town, Collectors.counting()));
        for (JsonNode row : league) {
            String town = row.get("townCode").asText();
            long[] t = tasks.getOrDefault(town, new long[2]);
            assertThat(row.get("completedTasks").asLong()).as(town).isEqualTo(t[0]);
            assertThat(row.get("onTimeTasks").asLong()).as(town).isEqualTo(t[1]);
            assertThat(row.get("openRedWarnings").asLong()).as(town).isEqualTo(red.getOrDefault(town, 0L));
        }
        JsonNode totals = read("/api/monitor/totals", LEADER);
        assertThat(totals.get("completedTasks").asLong()).isEqualTo(all[0]);
        assertThat(totals.get("onTimeTasks").asLong()).isEqualTo(all[1]);
        assertThat(totals.get("openRedWarnings").asLong())
                .isEqualTo(warnings().stream().filter(w -> w.closed() == null && "RED".equals(w.grade())).count());
        // 后溪乡: one step on time, one late; phases of 2 and 3 working days; one open red (H4's red is closed).
        JsonNode houxi = byTown.get("houxi");
        assertThat(houxi.get("onTimeRate").asDouble()).isEqualTo(0.5);
        assertThat(houxi.get("completedPhases").asLong()).isEqualTo(2);
        assertThat(houxi.get("averageWorkingDaysPerPhase").asDouble()).isEqualTo(2.5);
        assertThat(houxi.get("openRedWarnings").asLong()).isEqualTo(1);
        assertThat(byTown.get("chigang").get("onTimeRate").isNull()).isTrue();
        assertThat(byTown.get("chigang").get("completedTasks").asLong()).isZero();

        assertThat(read("/api/monitor/projects?figure=late-tasks&town=houxi", LEADER).get("items"))
                .extracting(i -> i.get("code").asText()).containsExactly("MON-H5");
        assertThat(read("/api/monitor/projects?figure=open-red&town=houxi", LEADER).get("items"))
                .extracting(i -> i.get("code").asText()).containsExactly("MON-H3");
        assertThat(read("/api/monitor/projects?figure=phases-done&town=houxi&phase=INTAKE", LEADER).get("items"))
                .extracting(i -> i.get("code").asText()).containsExactly("MON-H3", "MON-H5");
    }

    @Test
    void trendByMonthCountsEntriesCompletionsAndWarnings() throws Exception {
        JsonNode trend = read("/api/monitor/trend?from=2026-01&to=2026-11", LEADER);
        assertThat(trend).hasSize(11);
        List<P> projects = projects();
        List<W> warnings = warnings();
        Set<String> completedInstances = new HashSet<>();
        Map<String, YearMonth> completedMonth = new HashMap<>();
        engine.getHistoryService().createHistoricProcessInstanceQuery().finished().list().stream()
                .filter(h -> "EndEvent_ProjectCompleted".equals(h.getEndActivityId())).forEach(h -> {
                    completedInstances.add(h.getId());
                    completedMonth.put(h.getId(), YearMonth.from(h.getEndTime().toInstant().atZone(CHINA)));
                });
        for (JsonNode m : trend) {
            YearMonth month = YearMonth.parse(m.get("month").asText());
            assertThat(m.get("projectsEntered").asLong()).as("entered %s", month)
                    .isEqualTo(projects.stream().filter(p -> inMonth(p.created(), month)).count());
            assertThat(m.get("projectsCompleted").asLong()).as("completed %s", month).isEqualTo(projects.stream()
                    .filter(p -> completedInstances.contains(p.instance()) && completedMonth.get(p.instance()).equals(month)).count());
            assertThat(m.get("warningsRaised").asLong()).as("raised %s", month)
                    .isEqualTo(warnings.stream().filter(w -> inMonth(w.raised(), month)).count());
            assertThat(m.get("warningsClosed").asLong()).as("closed %s", month)
                    .isEqualTo(warnings.stream().filter(w -> inMonth(w.closed(), month)).count());
        }
        JsonNode october = trend.get(9);
        assertThat(october.get("month").asText()).isEqualTo("2026-10");
        assertThat(october.get("projectsCompleted").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(read("/api/monitor/projects?figure=completed-in-month&month=2026-10&town=houxi", LEADER).get("items"))
                .extracting(i -> i.get("code").asText()).containsExactly("MON-H5");
        assertThat(read("/api/monitor/projects?figure=entered&month=2026-07&town=houxi", LEADER).get("items"))
                .extracting(i -> i.get("code").asText()).containsExactly("MON-H2", "MON-H3");
        // The yellow raised at 01:00 on 1 November in China belongs to November, not October.
        assertThat(read("/api/monitor/projects?figure=warnings-raised&month=2026-11&town=houxi", LEADER).get("items"))
                .extracting(i -> i.get("code").asText()).containsExactly("MON-H2", "MON-H3", "MON-H4");
    }

    @Test
    void monthlyReportTableAndItsExcelExportAreTheRows() throws Exception {
        YearMonth november = YearMonth.of(2026, 11);
        List<P> projects = projects();
        List<W> warnings = warnings();
        Set<String> overdue = overdueRoots();
        JsonNode table = read("/api/monitor/monthly-report?month=2026-11", LEADER);
        assertThat(table.get("rows")).hasSize(29);

        try (Workbook workbook = workbook("/api/monitor/monthly-report.xlsx?month=2026-11")) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(MonthlyReportWorkbook.TITLE_ROW).getCell(0).getStringCellValue())
                    .contains("月报表").contains("2026年11月");
            Row header = sheet.getRow(MonthlyReportWorkbook.HEADER_ROW);
            List<String> headers = new ArrayList<>();
            header.forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactlyElementsOf(MonthlyReportWorkbook.headers());
            assertThat(headers).contains("乡镇（街道、农场）", "已列入年度计划项目数", "已开工项目数", "编制改造方案（在办）",
                    "已完成项目数", "逾期项目数", "本月发出预警", "本月关闭预警");

            List<Long> totals = new ArrayList<>();
            for (int i = 0; i < 29; i++) {
                Row row = sheet.getRow(MonthlyReportWorkbook.FIRST_TOWN_ROW + i);
                JsonNode json = table.get("rows").get(i);
                String town = json.get("townCode").asText();
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(json.get("townName").asText());
                List<Long> expected = reportRow(town, november, projects, warnings, overdue);
                List<Long> cells = new ArrayList<>();
                for (int c = 2; c < headers.size(); c++) {
                    cells.add((long) row.getCell(c).getNumericCellValue());
                }
                assertThat(cells).as(town).isEqualTo(expected);
                for (int c = 0; c < expected.size(); c++) {
                    if (totals.size() <= c) {
                        totals.add(0L);
                    }
                    totals.set(c, totals.get(c) + expected.get(c));
                }
            }
            Row total = sheet.getRow(MonthlyReportWorkbook.FIRST_TOWN_ROW + 29);
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("合计");
            List<Long> totalCells = new ArrayList<>();
            for (int c = 2; c < headers.size(); c++) {
                totalCells.add((long) total.getCell(c).getNumericCellValue());
            }
            assertThat(totalCells).isEqualTo(totals);
        }
        // 后溪乡 in November, known by construction: 4 in the plan, 2 started (H4, H5), 2 in intake, 1 in scheme
        // compilation, 1 in implementation, 1 completed, 1 overdue (H3). (Its warnings also count its monthly report's,
        // which another test may have raised; the seeded ones are checked through their projects below.)
        assertThat(reportRow("houxi", november, projects, warnings, overdue).subList(0, 17))
                .containsExactly(4L, 2L, 2L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 0L, 0L, 1L, 1L);
        assertThat(read("/api/monitor/projects?figure=warnings-closed&month=2026-11&town=houxi", LEADER).get("items"))
                .extracting(i -> i.get("code").asText()).containsExactly("MON-H4");
        assertThat(read("/api/monitor/projects?figure=in-phase&phase=SCHEME_COMPILATION&town=houxi", LEADER).get("total").asLong())
                .isEqualTo(1);
        assertThat(read("/api/monitor/projects?figure=started&town=houxi", LEADER).get("items"))
                .extracting(i -> i.get("code").asText()).containsExactly("MON-H4", "MON-H5");
    }

    // --- who may read it; bad parameters ------------------------------------------------------------------------

    @Test
    void onlyTheLeadingGroupItsOfficeNrbAndAdminsMayReadIt() throws Exception {
        List<String> paths = List.of("/api/monitor/phase-town-grade", "/api/monitor/overdue", "/api/monitor/league",
                "/api/monitor/trend", "/api/monitor/report-months", "/api/monitor/monthly-report?month=2026-11",
                "/api/monitor/monthly-report.xlsx?month=2026-11", "/api/monitor/projects?figure=overdue",
                "/api/monitor/overdue.xlsx", "/api/monitor/offices", "/api/monitor/agreement-breaches.xlsx");
        for (String path : paths) {
            for (String reader : List.of("leader1", "office1", "nrb-clerk", "admin")) {
                assertThat(mvc.perform(get(path).with(httpBasic(reader, "demo"))).andReturn().getResponse().getStatus())
                        .as("%s %s", reader, path).isEqualTo(200);
            }
            for (String other : List.of("zhanlong1", "fgj1", "applicant1", "gov1")) {
                MockHttpServletResponse refused = mvc.perform(get(path).with(httpBasic(other, "demo"))).andReturn().getResponse();
                assertThat(refused.getStatus()).as("%s %s", other, path).isEqualTo(403);
                assertThat(json.readTree(refused.getContentAsByteArray()).get("message").asText()).contains("领导小组");
            }
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).as("anonymous %s", path).isEqualTo(401);
        }
    }

    @Test
    void badParametersAreNamedWithTheirReason() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/monitor/projects?figure=nope&town=atlantis&phase=X&grade=PINK&limit=0")
                .with(LEADER)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode body = json.readTree(response.getContentAsByteArray());
        assertThat(body.get("status").asInt()).isEqualTo(400);
        // Headed as every API heads wrong parameters (the task list, 项目查询, the notifications).
        assertThat(body.get("message").asText()).isEqualTo("请求参数格式不正确");
        assertThat(body.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("figure", "town", "phase", "grade", "limit");
        body.get("errors").forEach(e -> assertThat(e.get("reason").asText()).isNotBlank());
        // The choices are written as the task list and 项目查询 write them: names separated by commas, no brackets.
        assertThat(body.get("errors")).filteredOn(e -> e.get("field").asText().equals("phase")).singleElement()
                .extracting(e -> e.get("reason").asText()).isEqualTo("取值无效，可选值：" + String.join(", ",
                        java.util.Arrays.stream(cn.gonggaigong.process.Phase.values()).map(Enum::name).toList()));
        assertThat(body.get("errors")).filteredOn(e -> e.get("field").asText().equals("grade")).singleElement()
                .extracting(e -> e.get("reason").asText()).isEqualTo("取值无效，可选值：NONE, YELLOW, RED, ESCALATED");

        JsonNode month = json.readTree(mvc.perform(get("/api/monitor/monthly-report.xlsx?month=2026-13").with(LEADER))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(month.get("errors").get(0).get("field").asText()).isEqualTo("month");
        JsonNode missing = json.readTree(mvc.perform(get("/api/monitor/projects?figure=entered").with(LEADER))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(missing.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("month");
        assertThat(mvc.perform(get("/api/monitor/trend?from=2026-05&to=2026-01").with(LEADER)).andReturn().getResponse()
                .getStatus()).isEqualTo(400);
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, CHINA);
    }
}
