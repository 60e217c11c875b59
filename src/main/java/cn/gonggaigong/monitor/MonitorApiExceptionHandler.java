package cn.gonggaigong.monitor;

import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.project.ProjectApiExceptionHandler.ApiError;
import cn.gonggaigong.platform.ConcurrentChangeRetry;
import cn.gonggaigong.report.MonthlyReportController;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.List;

/** The error format of the project API, for the monitoring and monthly-report APIs: 400 names each field, 403 why. */
@RestControllerAdvice(assignableTypes = {MonitorController.class, MonthlyReportController.class})
public class MonitorApiExceptionHandler {

    @ExceptionHandler(BadParametersException.class)
    ResponseEntity<ApiError> badParameters(BadParametersException e) {
        return ResponseEntity.badRequest().body(new ApiError(400, e.getMessage(), e.problems()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(new ApiError(400, FieldProblem.BAD_PARAMETERS,
                List.of(new FieldProblem(e.getName(), "格式不正确"))));
    }

    /** A monthly report met a concurrent change in every attempt of {@link ConcurrentChangeRetry}: nothing saved. */
    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ApiError> concurrent(OptimisticLockingException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(409, ConcurrentChangeRetry.GAVE_UP, List.of()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError(404, e.getMessage(), List.of()));
    }

    /** Request parameters that are missing or wrong; every problem is named. */
    public static class BadParametersException extends RuntimeException {

        private final List<FieldProblem> problems;

        public BadParametersException(List<FieldProblem> problems) {
            super(FieldProblem.BAD_PARAMETERS);
            this.problems = List.copyOf(problems);
        }

        public List<FieldProblem> problems() {
            return problems;
        }
    }

    public static class NotFoundException extends RuntimeException {

        public NotFoundException(String message) {
            super(message);
        }
    }
}
