package cn.gonggaigong.project;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The error format of the project API:
 * {@code {"status":400,"message":"申请材料校验未通过","errors":[{"field":"landAreaSqm","reason":"必须大于0"}]}}.
 */
@RestControllerAdvice(assignableTypes = ProjectController.class)
public class ProjectApiExceptionHandler {

    static final String APPLICATION_REJECTED = "申请材料校验未通过";

    private static final Logger log = LoggerFactory.getLogger(ProjectApiExceptionHandler.class);

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ApiError(int status, String message, List<FieldProblem> errors) {
    }

    @ExceptionHandler(ApplicationRejectedException.class)
    ResponseEntity<ApiError> rejected(ApplicationRejectedException e) {
        return error(HttpStatus.BAD_REQUEST, APPLICATION_REJECTED, e.problems());
    }

    /** Malformed JSON, a value of the wrong type, an unknown enumeration value: named by field where possible. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, APPLICATION_REJECTED, List.of(problem(e)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, FieldProblem.BAD_PARAMETERS, List.of(new FieldProblem(e.getName(), "格式不正确")));
    }

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<ApiError> outOfRange(BadParameterException e) {
        return error(HttpStatus.BAD_REQUEST, FieldProblem.BAD_PARAMETERS, List.of(e.problem()));
    }

    @ExceptionHandler(ProjectNotFoundException.class)
    ResponseEntity<ApiError> notFound(ProjectNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    /** The lifecycle could not start (e.g. no process model deployed); the transaction rolled back. */
    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<ApiError> engineFailure(ProcessEngineException e) {
        log.error("Project lifecycle could not be started; nothing was saved", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "审批流程启动失败，申请未保存，请联系系统管理员", List.of());
    }

    static FieldProblem problem(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return new FieldProblem(path(invalid), "取值无效，可选值：" + enumValues(invalid.getTargetType()));
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return new FieldProblem(path(mismatched), typeReason(mismatched.getTargetType()));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new FieldProblem(path(mapping), "格式不正确");
        }
        if (cause instanceof JsonProcessingException processing) {
            String field = null;
            if (processing.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
                field = parser.getParsingContext().getCurrentName();
            }
            return new FieldProblem(field != null ? field : "body", "JSON格式错误");
        }
        return new FieldProblem("body", "请求体缺失或不是有效的JSON");
    }

    /** {@code parcelIds[0]}, {@code landAreaSqm}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String typeReason(Class<?> type) {
        if (type == null) {
            return "格式不正确";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "必须是整数";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "必须是数字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "必须是true或false";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "必须是数组";
        }
        return "格式不正确";
    }

    private static String enumValues(Class<?> type) {
        StringBuilder values = new StringBuilder();
        for (Object constant : type.getEnumConstants()) {
            if (!values.isEmpty()) {
                values.append(", ");
            }
            values.append(((Enum<?>) constant).name());
        }
        return values.toString();
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String message, List<FieldProblem> errors) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), message, errors));
    }
}
