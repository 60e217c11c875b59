package cn.gonggaigong.project;

/** A query parameter of the project API out of its range: a 400 naming it, as the task list answers the same. */
public class BadParameterException extends RuntimeException {

    private final transient FieldProblem problem;

    public BadParameterException(FieldProblem problem) {
        super(problem.field() + ": " + problem.reason(), null, false, false);
        this.problem = problem;
    }

    public FieldProblem problem() {
        return problem;
    }
}
