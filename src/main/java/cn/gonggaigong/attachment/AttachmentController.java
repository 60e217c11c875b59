package cn.gonggaigong.attachment;

import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.gonggaigong.attachment.AttachmentService.AttachmentView;
import cn.gonggaigong.attachment.AttachmentService.Download;
import cn.gonggaigong.attachment.AttachmentService.WithdrawalRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A project's materials: list, upload (multipart), download, withdraw (作废). */
@RestController
@Tag(name = "附件材料", description = "项目附件：PDF、PNG、JPEG，单个不超过20MB")
public class AttachmentController {

    private final AttachmentService attachments;

    public AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/api/projects/{id}/attachments")
    @Operation(summary = "项目的附件材料")
    public List<AttachmentView> list(@PathVariable long id) {
        return attachments.list(id);
    }

    @PostMapping(value = "/api/projects/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传附件（PDF、PNG、JPEG，按文件内容识别；超过大小限制为 413）")
    public ResponseEntity<AttachmentView> upload(@PathVariable long id, @RequestPart("file") MultipartFile file,
                                                 @RequestParam(required = false) String description,
                                                 @RequestParam(required = false) String taskId) {
        return ResponseEntity.status(HttpStatus.CREATED).body(attachments.upload(id, file, description, taskId));
    }

    @PostMapping("/api/attachments/{id}/withdrawal")
    @Operation(summary = "作废附件（上传人或系统管理员，须说明原因；作废后仍列出、可下载；项目已结束或所属任务已办结时为 409）")
    public AttachmentView withdraw(@PathVariable long id, @RequestBody(required = false) WithdrawalRequest request) {
        return attachments.withdraw(id, request == null ? null : request.reason());
    }

    @GetMapping("/api/attachments/{id}")
    @Operation(summary = "下载附件（保留中文文件名）")
    public ResponseEntity<byte[]> download(@PathVariable long id) {
        Download file = attachments.download(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }
}
