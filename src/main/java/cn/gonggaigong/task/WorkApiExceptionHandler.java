package cn.gonggaigong.task;

import java.util.List;

import cn.gonggaigong.platform.ConcurrentChangeRetry;
import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.project.ProjectApiExceptionHandler.ApiError;
import cn.gonggaigong.project.ProjectNotFoundException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** The error format of the task, project-page, meeting and attachment APIs (the same shape as the project API's). */
@RestControllerAdvice(basePackages = {"cn.gonggaigong.task", "cn.gonggaigong.projectpage", "cn.gonggaigong.meeting",
        "cn.gonggaigong.attachment"})
public class WorkApiExceptionHandler {

    static final String BAD_REQUEST = "请求格式不正确";

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ApiError> problem(ApiProblem e) {
        return error(e.status(), e.getMessage(), e.errors());
    }

    /** The engine refused what our own checks let through: still a 403, and the transaction rolled back. */
    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ApiError> engineRefused(AuthorizationException e) {
        return error(HttpStatus.FORBIDDEN, "无权办理该任务：您不是该任务的办理人或候选部门成员", List.of());
    }

    /**
     * Someone or something (a timer job) changed the same task or instance at once, and the action still met that
     * after {@link ConcurrentChangeRetry}'s attempts; each was rolled back, so nothing of it was saved.
     */
    /** A completion the product's page did not check itself, refused by {@link CompletionGuard}: the same 400. */
    @ExceptionHandler(CompletionGuard.Refused.class)
    ResponseEntity<ApiError> refused(CompletionGuard.Refused e) {
        return error(HttpStatus.BAD_REQUEST, TaskWorkService.FORM_REJECTED, e.problems());
    }

    /**
     * The project's process instance was suspended (挂起) by an administrator in Cockpit: the engine refuses any step
     * on its tasks until it is activated again. Nothing of the attempt was saved.
     */
    @ExceptionHandler(SuspendedEntityInteractionException.class)
    ResponseEntity<ApiError> suspended(SuspendedEntityInteractionException e) {
        return error(HttpStatus.CONFLICT, SUSPENDED, List.of());
    }

    /** What an officer is told of a task whose process is suspended, here and in Tasklist (EngineMessagesFilter). */
    static final String SUSPENDED = "该项目的审批流程已被系统管理员挂起（暂停），恢复前不能签收或办理其任务；如需办理，请联系系统管理员";

    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ApiError> concurrent(OptimisticLockingException e) {
        return error(HttpStatus.CONFLICT, ConcurrentChangeRetry.GAVE_UP, List.of());
    }

    @ExceptionHandler(ProjectNotFoundException.class)
    ResponseEntity<ApiError> projectNotFound(ProjectNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, BAD_REQUEST, List.of(new FieldProblem("body", "请求体缺失或不是有效的JSON对象")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, FieldProblem.BAD_PARAMETERS, List.of(new FieldProblem(e.getName(), "格式不正确")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "请求参数缺失", List.of(new FieldProblem(e.getParameterName(), "必填")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
        return error(HttpStatus.BAD_REQUEST, "请选择要上传的文件", List.of(new FieldProblem(e.getRequestPartName(), "必填")));
    }

    static ResponseEntity<ApiError> error(HttpStatus status, String message, List<FieldProblem> errors) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), message, errors));
    }
}
