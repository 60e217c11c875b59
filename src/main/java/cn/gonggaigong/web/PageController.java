package cn.gonggaigong.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.gonggaigong.process.Phase;
import cn.gonggaigong.project.ApplicantType;
import cn.gonggaigong.project.IndustryCategory;
import cn.gonggaigong.project.Ownership;
import cn.gonggaigong.project.ProjectStatus;
import cn.gonggaigong.project.RenovationMode;
import cn.gonggaigong.project.RenovationType;
import cn.gonggaigong.project.TownRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The pages officers and applicants use (in Chinese). Each is a small HTML shell with its script bundle
 * ({@code src/main/frontend}, built into {@code static/assets} by Maven); the data comes from the JSON API with
 * the browser's session. The shell carries the session's CSRF token (for logging out) and the reference data
 * the filters and the application form need (phases, towns, offices, the application's options). Only logged-in users
 * reach these URLs (the security filter chain sends everyone else to log in).
 */
@Controller
public class PageController {

    /** The pages: template script name and Chinese title. */
    enum Page {
        TASKS("tasks", "我的待办"),
        DONE("done", "我的已办"),
        TASK("task", "办理任务"),
        PROJECT("project", "项目详情"),
        PROJECTS("projects", "项目查询"),
        APPLICATIONS("applications", "我的申请"),
        MEETINGS("meetings", "会议决定"),
        NOTIFICATIONS("notifications", "消息通知");

        final String script;
        final String title;

        Page(String script, String title) {
            this.script = script;
            this.title = title;
        }
    }

    private final PageTemplates templates;
    private final TownRepository towns;
    private final ObjectMapper json;
    private final IdentityService identityService;

    public PageController(PageTemplates templates, TownRepository towns, ObjectMapper json, IdentityService identityService) {
        this.templates = templates;
        this.towns = towns;
        this.json = json;
        this.identityService = identityService;
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/tasks";
    }

    @GetMapping("/tasks")
    public ResponseEntity<String> tasks(HttpServletRequest request) {
        return page(Page.TASKS, request);
    }

    @GetMapping("/done")
    public ResponseEntity<String> done(HttpServletRequest request) {
        return page(Page.DONE, request);
    }

    @GetMapping("/tasks/{taskId}")
    public ResponseEntity<String> task(@PathVariable String taskId, HttpServletRequest request) {
        return page(Page.TASK, request);
    }

    /** Any last part: the page itself says in words when it names no project (/projects/abc), not an error page. */
    @GetMapping("/projects/{projectId}")
    public ResponseEntity<String> project(@PathVariable String projectId, HttpServletRequest request) {
        return page(Page.PROJECT, request);
    }

    @GetMapping("/projects")
    public ResponseEntity<String> projects(HttpServletRequest request) {
        return page(Page.PROJECTS, request);
    }

    @GetMapping("/my-applications")
    public ResponseEntity<String> applications(HttpServletRequest request) {
        return page(Page.APPLICATIONS, request);
    }

    @GetMapping("/meetings")
    public ResponseEntity<String> meetings(HttpServletRequest request) {
        return page(Page.MEETINGS, request);
    }

    /** The leading group's dashboard (its data answers 403 to others; the page says so). */
    @GetMapping("/monitor/")
    public ResponseEntity<String> monitor(HttpServletRequest request) {
        return templates.render("monitor", Map.of(), request);
    }

    @GetMapping("/notifications")
    public ResponseEntity<String> notifications(HttpServletRequest request) {
        return page(Page.NOTIFICATIONS, request);
    }

    private ResponseEntity<String> page(Page page, HttpServletRequest request) {
        return templates.render("page", Map.of("page", page.script, "title", page.title,
                "reference", new PageTemplates.Raw(reference())), request);
    }

    /** JSON for a script element: "<" escaped so no text in it can close the element. */
    private String reference() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("phases", Arrays.stream(Phase.values()).map(p -> option(p.name(), p.label())).toList());
        data.put("towns", towns.findAllInListOrder().stream().map(t -> option(t.getCode(), t.getName())).toList());
        data.put("applicantTypes", Arrays.stream(ApplicantType.values()).map(v -> option(v.name(), v.label())).toList());
        data.put("renovationModes", Arrays.stream(RenovationMode.values()).map(v -> option(v.name(), v.label())).toList());
        data.put("renovationTypes", Arrays.stream(RenovationType.values()).map(v -> option(v.name(), v.label())).toList());
        data.put("ownerships", Arrays.stream(Ownership.values()).map(v -> option(v.name(), v.label())).toList());
        data.put("industryCategories", Arrays.stream(IndustryCategory.values()).map(v -> option(v.name(), v.label())).toList());
        data.put("statuses", Arrays.stream(ProjectStatus.values()).map(v -> option(v.name(), v.label())).toList());
        data.put("groups", identityService.createGroupQuery().orderByGroupId().asc().list().stream()
                .map(g -> option(g.getId(), g.getName() == null ? g.getId() : g.getName())).toList());
        try {
            return json.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> option(String code, String name) {
        return Map.of("code", code, "name", name);
    }
}
