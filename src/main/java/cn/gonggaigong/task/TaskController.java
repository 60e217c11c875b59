package cn.gonggaigong.task;

import java.util.List;
import java.util.Map;

import cn.gonggaigong.platform.ConcurrentChangeRetry;
import cn.gonggaigong.task.TaskViews.Comment;
import cn.gonggaigong.task.TaskViews.CommentRequest;
import cn.gonggaigong.task.TaskViews.DelegateRequest;
import cn.gonggaigong.task.TaskViews.SendBackRequest;
import cn.gonggaigong.task.TaskViews.TaskDetails;
import cn.gonggaigong.task.TaskViews.TaskPage;
import cn.gonggaigong.task.TaskViews.TransferRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's work queue and the work on one task. Errors: {@link WorkApiExceptionHandler}. Each action is one
 * transaction of {@link TaskWorkService}, run again when it met a concurrent change ({@link ConcurrentChangeRetry}).
 */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "待办任务", description = "我的待办、签收、办理、意见、转办、委派、退回；我的已办")
public class TaskController {

    private final TaskWorkService work;
    private final ConcurrentChangeRetry retry;
    private final DoneTasks done;

    public TaskController(TaskWorkService work, ConcurrentChangeRetry retry, DoneTasks done) {
        this.work = work;
        this.retry = retry;
        this.done = done;
    }

    @GetMapping
    @Operation(summary = "我的待办任务（本人及本部门），按办理期限排序，分页")
    public TaskPage tasks(@Parameter(description = "阶段，如 INTAKE") @RequestParam(required = false) String phase,
                          @Parameter(description = "镇街代码，如 zhanlong") @RequestParam(required = false) String town,
                          @Parameter(description = "true 只看已超期") @RequestParam(required = false) Boolean overdue,
                          @Parameter(description = "按任务名称、项目名称或编号搜索；年度计划、改造单元和月度报告的任务也按计划名称、单元编号或名称、所含项目、月份（如 2026-11）搜索") @RequestParam(required = false) String q,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "50") int size) {
        return work.list(phase, town, overdue, q, page, size);
    }

    @GetMapping("/done")
    @Operation(summary = "我的已办：本人办结的事项，按办结时间从新到旧，分页")
    public DoneTasks.DonePage done(@Parameter(description = "按事项名称、项目名称或编号、年度计划或改造单元名称搜索") @RequestParam(required = false) String q,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size) {
        return done.mine(q, page, size);
    }

    @GetMapping("/context")
    @Operation(summary = "若干待办任务所属的项目、镇街、阶段和期限（Camunda 任务列表 Tasklist 据此显示项目）；"
            + "只返回本人可查看的待办，已办结或无权查看的不返回")
    public List<TaskViews.TaskItem> context(@Parameter(description = "任务 ID，以逗号分隔，最多 " + TaskWorkService.MAX_CONTEXT_IDS + " 个")
                                            @RequestParam List<String> ids) {
        return work.context(ids);
    }

    @GetMapping("/{taskId}")
    @Operation(summary = "任务详情：表单、预填数据、项目概况、可否退回")
    public TaskDetails task(@PathVariable String taskId) {
        return work.details(taskId);
    }

    @PostMapping("/{taskId}/claim")
    @Operation(summary = "签收（认领）任务；他人已签收为 409")
    public ResponseEntity<Void> claim(@PathVariable String taskId) {
        retry.run("claim " + taskId, () -> work.claim(taskId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/unclaim")
    @Operation(summary = "取消签收")
    public ResponseEntity<Void> unclaim(@PathVariable String taskId) {
        retry.run("unclaim " + taskId, () -> work.unclaim(taskId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/complete")
    @Operation(summary = "提交表单，办结任务；表单校验不通过为 400（逐项列出），已办结为 409")
    public ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody(required = false) Map<String, Object> form) {
        Map<String, Object> submitted = form == null ? Map.of() : form;
        retry.run("complete " + taskId, () -> work.complete(taskId, submitted));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/check")
    @Operation(summary = "按提交时的规则校验表单，不办结任务（页面在不能撤回的结论前先校验）：通过为 204，不通过为 400（逐项列出）")
    public ResponseEntity<Void> check(@PathVariable String taskId, @RequestBody(required = false) Map<String, Object> form) {
        work.check(taskId, form == null ? Map.of() : form);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/resolve")
    @Operation(summary = "被委派人办理完毕，交回委派人")
    public ResponseEntity<Void> resolve(@PathVariable String taskId, @RequestBody(required = false) Map<String, Object> form) {
        Map<String, Object> submitted = form == null ? Map.of() : form;
        retry.run("resolve " + taskId, () -> work.resolve(taskId, submitted));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{taskId}/comments")
    @Operation(summary = "任务的办理意见")
    public List<Comment> comments(@PathVariable String taskId) {
        return work.comments(taskId);
    }

    @PostMapping("/{taskId}/comments")
    @Operation(summary = "添加办理意见")
    public ResponseEntity<Comment> comment(@PathVariable String taskId, @RequestBody CommentRequest request) {
        Comment added = retry.call("comment " + taskId, () -> work.comment(taskId, request.message()));
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    @GetMapping("/{taskId}/colleagues")
    @Operation(summary = "可转办或委派的同事（本任务办理部门的其他人员）")
    public List<UserDirectory.Person> colleagues(@PathVariable String taskId) {
        return work.colleagues(taskId);
    }

    @PostMapping("/{taskId}/transfer")
    @Operation(summary = "转办给本任务办理部门的同事")
    public ResponseEntity<Void> transfer(@PathVariable String taskId, @RequestBody TransferRequest request) {
        retry.run("transfer " + taskId, () -> work.transfer(taskId, request.userId(), request.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/delegate")
    @Operation(summary = "委派给本任务办理部门的同事，办理后交回")
    public ResponseEntity<Void> delegate(@PathVariable String taskId, @RequestBody DelegateRequest request) {
        retry.run("delegate " + taskId, () -> work.delegate(taskId, request.userId()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/send-back")
    @Operation(summary = "退回上一环节（仅流程模型允许的环节），须说明理由")
    public ResponseEntity<Void> sendBack(@PathVariable String taskId, @RequestBody SendBackRequest request) {
        retry.run("send back " + taskId, () -> work.sendBack(taskId, request.reason()));
        return ResponseEntity.noContent().build();
    }
}
