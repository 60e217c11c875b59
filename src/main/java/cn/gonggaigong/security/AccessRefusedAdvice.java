package cn.gonggaigong.security;

import cn.gonggaigong.project.ProjectApiExceptionHandler.ApiError;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every JSON API answers a refused request the same way: 403 with the reason, {@code errors} empty. One place for all
 * the APIs, after their own advice (which maps the errors that differ between them).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class AccessRefusedAdvice {

    @ExceptionHandler(AccessRefusedException.class)
    ResponseEntity<ApiError> refused(AccessRefusedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError(403, e.getMessage(), List.of()));
    }
}
