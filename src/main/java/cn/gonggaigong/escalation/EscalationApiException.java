package cn.gonggaigong.escalation;

import cn.gonggaigong.project.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** An answer other than success from the warning, notification and urging API: 400 (with fields) or 404. */
public class EscalationApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldProblem> problems;

    EscalationApiException(HttpStatus status, String message, List<FieldProblem> problems) {
        super(message);
        this.status = status;
        this.problems = problems;
    }

    /** What was sent in the request's body is wrong. */
    static EscalationApiException invalid(List<FieldProblem> problems) {
        return new EscalationApiException(HttpStatus.BAD_REQUEST, "请求内容校验未通过", problems);
    }

    /** A query or path parameter is wrong: said as the other APIs say it (the task list, 项目查询). */
    static EscalationApiException invalidParameters(List<FieldProblem> problems) {
        return new EscalationApiException(HttpStatus.BAD_REQUEST, FieldProblem.BAD_PARAMETERS, problems);
    }

    static EscalationApiException notFound(String message) {
        return new EscalationApiException(HttpStatus.NOT_FOUND, message, List.of());
    }

    HttpStatus status() {
        return status;
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
