package cn.gonggaigong.attachment;

import java.util.List;

import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.project.ProjectApiExceptionHandler.ApiError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the limit is refused while the request is read, before any controller is chosen: answer it as
 * the attachment API does (413 with the limit in Chinese), whatever the path.
 */
@RestControllerAdvice
public class UploadLimitHandler {

    private final DataSize maxSize;

    public UploadLimitHandler(@Value("${ggg.attachments.max-size:20MB}") DataSize maxSize) {
        this.maxSize = maxSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        String limit = maxSize.toMegabytes() + "MB";
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(new ApiError(413, "文件过大：单个附件不能超过" + limit,
                List.of(new FieldProblem("file", "不能超过" + limit))));
    }
}
