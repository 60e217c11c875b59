package cn.gonggaigong.projectpage;

import java.util.List;

import cn.gonggaigong.projectpage.ProjectPageViews.MyProject;
import cn.gonggaigong.projectpage.ProjectPageViews.Overview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The project page, the applicant's own projects and the BPMN models for the diagram viewer. */
@RestController
@Tag(name = "项目页面", description = "项目概况、办理过程、当前待办、流程图状态")
public class ProjectPageController {

    private final ProjectPageService pages;
    private final ApplicationWithdrawal withdrawal;
    private final cn.gonggaigong.platform.ConcurrentChangeRetry retry;

    public ProjectPageController(ProjectPageService pages, ApplicationWithdrawal withdrawal,
                                 cn.gonggaigong.platform.ConcurrentChangeRetry retry) {
        this.pages = pages;
        this.withdrawal = withdrawal;
        this.retry = retry;
    }

    /** The reason given for a withdrawal. */
    public record WithdrawalRequest(String reason) {
    }

    @org.springframework.web.bind.annotation.PostMapping("/api/projects/{id}/withdrawal")
    @Operation(summary = "申请人撤回申请（改造方案获市政府批准前）：项目终止，待办一并撤销，镇街和市自然资源局收到通知；须写明原因")
    public ResponseEntity<Void> withdraw(@PathVariable long id,
                                         @org.springframework.web.bind.annotation.RequestBody(required = false) WithdrawalRequest request) {
        retry.run("withdraw project " + id, () -> withdrawal.withdraw(id, request == null ? null : request.reason()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/projects/{id}/overview")
    @Operation(summary = "项目页面：项目指标、办理过程（经办人、时间、结论、文号、意见）、当前待办、流程图状态")
    public Overview overview(@PathVariable long id) {
        return pages.overview(id);
    }

    @GetMapping("/api/my/projects")
    @Operation(summary = "改造主体（申请人）本人的项目及其当前待办")
    public List<MyProject> myProjects() {
        return pages.mine();
    }

    @GetMapping(value = "/api/process-definitions/{processDefinitionId}/xml")
    @Operation(summary = "流程定义的 BPMN XML（供流程图查看器显示）")
    public ResponseEntity<String> processXml(@PathVariable String processDefinitionId) {
        return ResponseEntity.ok().contentType(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8))
                .body(pages.processXml(processDefinitionId));
    }
}
