package cn.gonggaigong.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.monitor.Grade;
import cn.gonggaigong.platform.Spreadsheets;
import cn.gonggaigong.process.Phase;
import cn.gonggaigong.security.CurrentUser;
import cn.gonggaigong.security.ProjectAccess;
import cn.gonggaigong.task.UserDirectory;
import jakarta.persistence.EntityManager;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 项目台账: every project that 项目查询 finds for the caller with the same filters (word, town, phase, status; the same
 * {@link ProjectSearch}, so a town's officer exports its own town's projects only), newest first, as an Excel
 * workbook: a title, a note (when, by which filters, how many), the header row and one row per project with its
 * application's figures, its phase and status, what it waits on now (its open tasks and their offices), the earliest
 * deadline of those tasks and its warning grade.
 *
 * <p>Written in chunks of {@value #CHUNK} projects (keyset by id), each with one statement for the open tasks and the
 * warning grade, into a streaming workbook that keeps {@value #WINDOW} rows in memory, so a province's 100,000
 * projects cost temporary disk while the rows are read, and the heap only the finished file.
 */
@Component
public class ProjectLedger {

    public static final int TITLE_ROW = 0;
    public static final int NOTE_ROW = 1;
    public static final int HEADER_ROW = 2;
    public static final int FIRST_ROW = 3;
    static final int CHUNK = 500;
    static final int WINDOW = 200;

    /** The column headers, in order. */
    public static final List<String> HEADERS = List.of("序号", "项目编号", "项目名称", "镇（街道、农场）", "申请人",
            "申请人类型", "改造方式", "改造类型", "产业类别", "申请用地面积（亩）", "核实用地面积（亩）", "申请时现状容积率",
            "申请时规划容积率", "总投资（万元）", "申请纳入计划年度", "所处阶段", "项目状态", "当前办理事项（办理单位）",
            "最早办理期限", "预警", "申请时间");


    /** Per project of a chunk: its open tasks (one row per task and party) and its warning grade. */
    private static final String OPEN_WORK = """
            select p.id as project_id, p.warning_rank, p.applicant_user_id, i.task_id, i.task_name, i.party, i.due_date
              from project p
              left join task_inbox i on i.project_id = p.id
             where p.id in (:ids)
             order by p.id, i.due_date nulls last, i.create_time, i.task_id""";

    private final ProjectRepository projects;
    private final TownRepository towns;
    private final ProjectAccess access;
    private final NamedParameterJdbcTemplate jdbc;
    private final UserDirectory users;
    private final EntityManager entityManager;
    private final TransactionTemplate readOnly;
    private final WorkingDayCalendar calendar;

    public ProjectLedger(ProjectRepository projects, TownRepository towns, ProjectAccess access,
                         NamedParameterJdbcTemplate jdbc, UserDirectory users, EntityManager entityManager,
                         PlatformTransactionManager transactions, WorkingDayCalendar calendar) {
        this.projects = projects;
        this.towns = towns;
        this.access = access;
        this.jdbc = jdbc;
        this.users = users;
        this.entityManager = entityManager;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        // One snapshot for the count in the note and every chunk: a project applied for during the export is in
        // neither, not in the rows only.
        this.readOnly.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.calendar = calendar;
    }

    /**
     * The workbook, or a {@link BadParameterException} naming a town, phase or status that does not exist. Made
     * whole before it is answered (a province's 100,000 projects are a file of a few MB), so an error on the way is
     * an ordinary error answer, not a broken download.
     */
    public byte[] workbook(ProjectService.Search search) {
        CurrentUser user = CurrentUser.current();
        Specification<Project> found = ProjectSearch.of(search, towns, access.readsAll(user) ? null : user);
        Instant asOf = Instant.now();
        return Spreadsheets.write(new SXSSFWorkbook(WINDOW), workbook -> {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet("项目台账");
            readOnly.executeWithoutResult(status -> {
                long total = projects.count(found);
                head(sheet, styles, search, total, asOf);
                Map<String, String> townNames = new HashMap<>();
                towns.findAll().forEach(t -> townNames.put(t.getCode(), t.getName()));
                Map<String, String> offices = new HashMap<>();
                int number = 0;
                Long last = null;
                while (true) {
                    Long below = last;
                    Specification<Project> chunkOf = below == null ? found
                            : found.and((root, query, cb) -> cb.lessThan(root.get("id"), below));
                    List<Project> chunk = projects.findBy(chunkOf,
                            q -> q.sortBy(Sort.by(Sort.Direction.DESC, "id")).limit(CHUNK).all());
                    if (chunk.isEmpty()) {
                        break;
                    }
                    Map<Long, OpenWork> work = openWork(chunk.stream().map(Project::getId).toList(), offices);
                    for (Project p : chunk) {
                        row(sheet.createRow(FIRST_ROW + number), ++number, p, townNames, work.get(p.getId()), asOf,
                                styles);
                    }
                    last = chunk.get(chunk.size() - 1).getId();
                    entityManager.clear();
                }
            });
            sheet.createFreezePane(3, FIRST_ROW);
        });
    }

    private void head(Sheet sheet, Styles styles, ProjectService.Search search, long total, Instant asOf) {
        Row title = sheet.createRow(TITLE_ROW);
        title.setHeightInPoints(28);
        Spreadsheets.cell(title, 0, "普宁市“工改工”项目台账", styles.title);
        sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, HEADERS.size() - 1));
        Row note = sheet.createRow(NOTE_ROW);
        Spreadsheets.cell(note, 0, "导出时间：" + Spreadsheets.minute(asOf)
                + "　查询条件：" + conditions(search) + "　共" + total + "个项目，按申请时间从新到旧排列", styles.note);
        sheet.addMergedRegion(new CellRangeAddress(NOTE_ROW, NOTE_ROW, 0, HEADERS.size() - 1));
        Row header = sheet.createRow(HEADER_ROW);
        header.setHeightInPoints(32);
        for (int c = 0; c < HEADERS.size(); c++) {
            Spreadsheets.cell(header, c, HEADERS.get(c), styles.header);
            sheet.setColumnWidth(c, width(HEADERS.get(c)) * 256);
        }
    }

    private static int width(String header) {
        return switch (header) {
            case "序号" -> 6;
            case "项目名称", "申请人" -> 28;
            case "当前办理事项（办理单位）" -> 40;
            case "项目编号", "申请时间" -> 17;
            default -> 12;
        };
    }

    /** The filters in words: 关键词“…”，镇街：…，阶段：…，状态：… (全部项目 without any). */
    String conditions(ProjectService.Search search) {
        List<String> parts = new ArrayList<>();
        if (search.text() != null && !search.text().isBlank()) {
            parts.add("关键词“" + search.text().strip() + "”");
        }
        if (search.town() != null && !search.town().isBlank()) {
            parts.add("镇街：" + towns.findById(search.town().strip()).map(Town::getName).orElse(search.town()));
        }
        if (search.phase() != null && !search.phase().isBlank()) {
            parts.add("阶段：" + Phase.named(search.phase().strip()).map(Phase::label).orElse(search.phase()));
        }
        if (search.status() != null && !search.status().isBlank()) {
            parts.add("状态：" + ProjectStatus.valueOf(search.status().strip()).label());
        }
        return parts.isEmpty() ? "全部项目" : String.join("，", parts);
    }

    /**
     * A deadline's day, and whether it has passed (已逾期) or lies in a year without the State Council's holiday
     * arrangement (期限暂估, as the task list says it).
     */
    private String deadline(LocalDateTime due, Instant asOf) {
        if (due.isBefore(LocalDateTime.ofInstant(asOf, WorkingDayCalendar.ZONE))) {
            return due.toLocalDate() + "（已逾期）";
        }
        return due.toLocalDate() + (calendar.hasDataFor(due.getYear()) ? "" : "（期限暂估）");
    }

    private void row(Row row, int number, Project p, Map<String, String> townNames, OpenWork work, Instant asOf,
                     Styles styles) {
        List<Object> values = new ArrayList<>();
        values.add((long) number);
        values.add(p.getCode());
        values.add(p.getName());
        values.add(townNames.getOrDefault(p.getTown().getCode(), p.getTown().getCode()));
        values.add(p.getApplicantName());
        values.add(p.getApplicantType().label());
        values.add(p.getRenovationMode().label());
        values.add(p.getRenovationType().label());
        values.add(p.getIndustryCategory().label());
        values.add(p.getLandAreaMu());
        values.add(p.getSurvey() != null ? p.getSurvey().getLandAreaMu() : null);
        values.add(p.getCurrentPlotRatio());
        values.add(p.getPlannedPlotRatio());
        values.add(p.getInvestment() == null ? null : p.getInvestment().divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP));
        values.add((long) p.getPlanYear());
        values.add(p.getPhase() == null ? null : Phase.named(p.getPhase()).map(Phase::label).orElse(p.getPhase()));
        values.add(p.getStatus().label());
        values.add(work == null ? null : work.tasks());
        values.add(work == null || work.earliestDue() == null ? null : deadline(work.earliestDue(), asOf));
        values.add(work == null || work.grade() == Grade.NONE ? null : work.grade().label());
        values.add(p.getCreatedAt() == null ? null : Spreadsheets.minute(p.getCreatedAt()));
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            Cell cell = row.createCell(c);
            if (value instanceof Long n) {
                cell.setCellValue(n);
                cell.setCellStyle(styles.centered);
            } else if (value instanceof BigDecimal d) {
                cell.setCellValue(d.doubleValue());
                cell.setCellStyle(styles.number);
            } else {
                cell.setCellValue(value == null ? "" : value.toString());
                cell.setCellStyle(styles.text);
            }
        }
    }

    /**
     * What each project of a chunk waits on: its open tasks by name, in order of their deadlines, each with its
     * offices (one task: 名称（单位）; several of one name, as the consultation's departments: 名称（N项）), the
     * earliest deadline (China's date) and its warning grade.
     */
    private Map<Long, OpenWork> openWork(List<Long> ids, Map<String, String> officeNames) {
        Map<Long, Collected> collected = new LinkedHashMap<>();
        jdbc.query(OPEN_WORK, Map.of("ids", ids), rs -> {
            long projectId = rs.getLong("project_id");
            Collected c = collected.get(projectId);
            if (c == null) {
                c = new Collected(rs.getInt("warning_rank"), rs.getString("applicant_user_id"));
                collected.put(projectId, c);
            }
            String taskId = rs.getString("task_id");
            if (taskId == null) {
                return;
            }
            Timestamp due = rs.getTimestamp("due_date");
            c.add(taskId, rs.getString("task_name"), rs.getString("party"), due == null ? null : due.toInstant());
        });
        Set<String> unnamed = new HashSet<>();
        collected.values().forEach(c -> c.offices().stream().filter(o -> !officeNames.containsKey(o)).forEach(unnamed::add));
        if (!unnamed.isEmpty()) {
            officeNames.putAll(users.officeNames(unnamed));
        }
        Map<Long, OpenWork> work = new HashMap<>();
        collected.forEach((id, c) -> work.put(id, c.toWork(officeNames)));
        return work;
    }

    record OpenWork(String tasks, LocalDateTime earliestDue, Grade grade) {
    }

    /** One project's rows of {@link #OPEN_WORK} as they are read. */
    static final class Collected {
        private final int warningRank;
        private final String applicant;
        /** task id → name, groups, users, due; in the order read (by deadline). */
        private final Map<String, Task> tasks = new LinkedHashMap<>();

        Collected(int warningRank, String applicant) {
            this.warningRank = warningRank;
            this.applicant = applicant;
        }

        void add(String taskId, String name, String party, Instant due) {
            Task task = tasks.computeIfAbsent(taskId, id -> new Task(name, new ArrayList<>(), new ArrayList<>(), due));
            if (party.startsWith("g:")) {
                task.groups().add(party.substring(2));
            } else if (party.startsWith("u:")) {
                task.users().add(party.substring(2));
            }
        }

        /** The ids to name: each task's groups, or its users where it has none (not the applicant). */
        Set<String> offices() {
            return tasks.values().stream().flatMap(t -> t.offices(applicant).stream()).collect(Collectors.toSet());
        }

        OpenWork toWork(Map<String, String> officeNames) {
            Map<String, List<Task>> byName = new LinkedHashMap<>();
            tasks.values().forEach(t -> byName.computeIfAbsent(t.name(), n -> new ArrayList<>()).add(t));
            List<String> parts = new ArrayList<>();
            byName.forEach((name, same) -> parts.add(name + "（" + (same.size() > 1 ? same.size() + "项"
                    : office(same.get(0), officeNames)) + "）"));
            Instant earliest = tasks.values().stream().map(Task::due).filter(java.util.Objects::nonNull)
                    .min(Instant::compareTo).orElse(null);
            return new OpenWork(parts.isEmpty() ? null : String.join("；", parts),
                    earliest == null ? null : LocalDateTime.ofInstant(earliest, WorkingDayCalendar.ZONE),
                    Grade.ofRank(warningRank));
        }

        /** The task's offices by name (a group's name, else a person's); the applicant's own task is 申请人's. */
        private String office(Task task, Map<String, String> officeNames) {
            if (task.groups().isEmpty() && task.users().contains(applicant)) {
                return "申请人";
            }
            return new TreeSet<>(task.offices(applicant)).stream().map(o -> officeNames.getOrDefault(o, o))
                    .collect(Collectors.joining("、"));
        }
    }

    private record Task(String name, List<String> groups, List<String> users, Instant due) {

        /** Its candidate groups; where it has none, the people on it but the applicant. */
        List<String> offices(String applicant) {
            return groups.isEmpty() ? users.stream().filter(u -> !u.equals(applicant)).distinct().toList() : groups;
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle note;
        final CellStyle header;
        final CellStyle text;
        final CellStyle centered;
        final CellStyle number;

        Styles(Workbook workbook) {
            title = Spreadsheets.style(workbook, 16, true, false, HorizontalAlignment.CENTER);
            note = Spreadsheets.style(workbook, 11, false, false, HorizontalAlignment.LEFT);
            header = Spreadsheets.style(workbook, 11, true, true, HorizontalAlignment.CENTER);
            header.setWrapText(true);
            text = Spreadsheets.style(workbook, 11, false, true, HorizontalAlignment.LEFT);
            text.setWrapText(true);
            centered = Spreadsheets.style(workbook, 11, false, true, HorizontalAlignment.CENTER);
            number = Spreadsheets.style(workbook, 11, false, true, HorizontalAlignment.RIGHT);
            number.setDataFormat(workbook.createDataFormat().getFormat("0.00##"));
        }
    }
}
