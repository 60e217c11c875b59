package cn.gonggaigong.escalation;

import cn.gonggaigong.security.CurrentUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Warnings (红黄牌): list, answer (回告), urge (催办). Errors: {@link EscalationApiExceptionHandler}. */
@RestController
public class WarningController {

    private final Warnings warnings;

    public WarningController(Warnings warnings) {
        this.warnings = warnings;
    }

    public record ReplyRequest(String reply) {
    }

    public record UrgeRequest(String message) {
    }

    @GetMapping("/api/warnings")
    public List<WarningView> list(@RequestParam(required = false) Boolean open, @RequestParam(required = false) String grade,
                                  @RequestParam(required = false) String town, @RequestParam(required = false) String group) {
        return warnings.list(CurrentUser.current(), open, grade, town, group);
    }

    @GetMapping("/api/warnings/{id}")
    public WarningView get(@PathVariable long id) {
        return warnings.get(CurrentUser.current(), id);
    }

    @PostMapping("/api/warnings/{id}/reply")
    public WarningView reply(@PathVariable long id, @RequestBody ReplyRequest request) {
        return warnings.reply(CurrentUser.current(), id, request.reply());
    }

    @PostMapping("/api/tasks/{taskId}/urge")
    public ResponseEntity<WarningView> urge(@PathVariable String taskId, @RequestBody UrgeRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(warnings.urge(CurrentUser.current(), taskId, request.message()));
    }
}
