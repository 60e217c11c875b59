package cn.gonggaigong.escalation;

import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.project.ProjectApiExceptionHandler.ApiError;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The project API's error shape ({@code {"status":400,"message":…,"errors":[{"field":…,"reason":…}]}}) here too. */
@RestControllerAdvice(assignableTypes = {WarningController.class, NotificationController.class, ClockAdminController.class})
public class EscalationApiExceptionHandler {

    @ExceptionHandler(EscalationApiException.class)
    ResponseEntity<ApiError> failed(EscalationApiException e) {
        return ResponseEntity.status(e.status()).body(new ApiError(e.status().value(), e.getMessage(), e.problems()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return failed(EscalationApiException.invalid(List.of(new FieldProblem("body", "请求体缺失或不是有效的JSON"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return failed(EscalationApiException.invalidParameters(List.of(new FieldProblem(e.getName(), "格式不正确"))));
    }
}
