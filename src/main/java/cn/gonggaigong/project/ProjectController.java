package cn.gonggaigong.project;

import java.net.URI;
import java.time.LocalDate;

import cn.gonggaigong.clock.WorkingDayCalendar;
import cn.gonggaigong.platform.Spreadsheets;

import cn.gonggaigong.project.ProjectViews.PageView;
import cn.gonggaigong.project.ProjectViews.ProjectDetails;
import cn.gonggaigong.project.ProjectViews.ProjectSummary;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Project applications and their state. Errors: {@link ProjectApiExceptionHandler}. */
@RestController
@RequestMapping("/api/projects")
public class ProjectController {

    static final int MAX_PAGE_SIZE = 100;

    private final ProjectService projects;
    private final ProjectLedger ledger;

    public ProjectController(ProjectService projects, ProjectLedger ledger) {
        this.projects = projects;
        this.ledger = ledger;
    }

    /** Submits an application: 201 with the new project, or 400 listing what is wrong (nothing saved). */
    @PostMapping
    public ResponseEntity<ProjectDetails> apply(@RequestBody ProjectApplication application) {
        ProjectDetails project = projects.submit(application);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(project.id()).toUri();
        return ResponseEntity.created(location).body(project);
    }

    /**
     * 项目台账: every project that {@link #projects} finds with the same filters, as an Excel workbook
     * ({@link ProjectLedger}); a filter naming no town, phase or status is a 400 naming it.
     */
    @GetMapping("/ledger.xlsx")
    public ResponseEntity<byte[]> ledger(@RequestParam(required = false) String q,
                                         @RequestParam(required = false) String town,
                                         @RequestParam(required = false) String phase,
                                         @RequestParam(required = false) String status) {
        byte[] file = ledger.workbook(new ProjectService.Search(q, town, phase, status));
        return Spreadsheets.download("工改工项目台账-" + LocalDate.now(WorkingDayCalendar.ZONE) + ".xlsx", file);
    }

    /** The project with its phase, open tasks, decisions and the rules its current scheme breaks. */
    @GetMapping("/{id}")
    public ProjectDetails project(@PathVariable long id) {
        return projects.details(id);
    }

    /**
     * The projects the caller may read, newest first, filtered (项目查询): a word of the name, the code or the
     * applicant; the town, the phase, the status. A filter naming no town, phase or status is a 400 naming it.
     */
    @GetMapping
    public PageView<ProjectSummary> projects(@RequestParam(required = false) String q,
                                             @RequestParam(required = false) String town,
                                             @RequestParam(required = false) String phase,
                                             @RequestParam(required = false) String status,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size) {
        FieldProblem.ofPage(page, size, MAX_PAGE_SIZE).ifPresent(problem -> {
            throw new BadParameterException(problem);
        });
        return projects.list(new ProjectService.Search(q, town, phase, status), page, size);
    }
}
