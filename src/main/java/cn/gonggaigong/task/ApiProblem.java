package cn.gonggaigong.task;

import java.util.List;

import cn.gonggaigong.project.FieldProblem;
import org.springframework.http.HttpStatus;

/**
 * A request of the task, project-page, meeting or attachment APIs that cannot be done; answered with its status,
 * the Chinese message and the fields at fault, after nothing was changed (the transaction rolls back).
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldProblem> errors;

    public ApiProblem(HttpStatus status, String message, List<FieldProblem> errors) {
        super(message, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem badRequest(String message, List<FieldProblem> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, message, errors);
    }

    public static ApiProblem badField(String message, String field, String reason) {
        return badRequest(message, List.of(new FieldProblem(field, reason)));
    }

    public static ApiProblem notFound(String message) {
        return new ApiProblem(HttpStatus.NOT_FOUND, message, List.of());
    }

    public static ApiProblem conflict(String message) {
        return new ApiProblem(HttpStatus.CONFLICT, message, List.of());
    }

    public static ApiProblem forbidden(String message) {
        return new ApiProblem(HttpStatus.FORBIDDEN, message, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
