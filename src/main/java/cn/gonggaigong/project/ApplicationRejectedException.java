package cn.gonggaigong.project;

import java.util.List;

/** The application does not pass the checks; nothing was saved. */
public class ApplicationRejectedException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public ApplicationRejectedException(List<FieldProblem> problems) {
        super("申请材料校验未通过: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
