package cn.gonggaigong.meeting;

import java.net.URI;
import java.util.List;

import cn.gonggaigong.meeting.MeetingViews.Agenda;
import cn.gonggaigong.meeting.MeetingViews.MeetingRequest;
import cn.gonggaigong.meeting.MeetingViews.MeetingView;
import cn.gonggaigong.platform.ConcurrentChangeRetry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Meeting decisions of the planning committee and the municipal government. */
@RestController
@RequestMapping("/api/meetings")
@Tag(name = "会议决定", description = "规划委员会、市政府会议一次决定多个项目")
public class MeetingController {

    private final MeetingService meetings;
    private final ConcurrentChangeRetry retry;

    public MeetingController(MeetingService meetings, ConcurrentChangeRetry retry) {
        this.meetings = meetings;
        this.retry = retry;
    }

    @GetMapping("/agenda")
    @Operation(summary = "待上会事项：本人可在该类会议上决定的待办任务及其决定选项")
    public Agenda agenda(@RequestParam String kind) {
        return meetings.agenda(kind);
    }

    @PostMapping
    @Operation(summary = "记录一次会议（日期、纪要、文号）并一次办结各项决定；任一项有误则 400 且全部不办理")
    public ResponseEntity<MeetingView> record(@RequestBody MeetingRequest request) {
        // One transaction for all decisions, run again when a task's timer job met it (ConcurrentChangeRetry).
        MeetingView meeting = retry.call("meeting", () -> meetings.record(request));
        return ResponseEntity.created(URI.create("/api/meetings/" + meeting.id())).body(meeting);
    }

    @PostMapping("/check")
    @Operation(summary = "按登记时的规则校验会议及各项决定，不登记、不办理（页面在终止项目的决定前先校验）：通过为 204，不通过为 400（逐项列出）")
    public ResponseEntity<Void> check(@RequestBody MeetingRequest request) {
        meetings.check(request);
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    @Operation(summary = "会议记录列表（最近200次）")
    public List<MeetingView> list() {
        return meetings.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "一次会议及其各项决定")
    public MeetingView get(@PathVariable long id) {
        return meetings.get(id);
    }
}
