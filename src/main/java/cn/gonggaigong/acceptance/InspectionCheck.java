package cn.gonggaigong.acceptance;

import java.util.List;
import java.util.Map;

import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.task.SubmissionCheck;
import cn.gonggaigong.task.TaskRow;
import org.springframework.stereotype.Component;

/** 组织竣工验收: an inspection that does not pass says what is wrong, since the applicant's rectification shows it. */
@Component
public class InspectionCheck implements SubmissionCheck {

    @Override
    public boolean appliesTo(String taskDefinitionKey) {
        return "Task_InspectCompletion".equals(taskDefinitionKey);
    }

    @Override
    public List<FieldProblem> problems(TaskRow task, Map<String, Object> variables) {
        boolean failed = Boolean.FALSE.equals(variables.get("acceptancePassed"));
        boolean described = variables.get("defects") instanceof String text && !text.isBlank();
        return failed && !described
                ? List.of(new FieldProblem("defects", "核验不通过时必填：写明存在的问题和整改要求，改造主体据此整改"))
                : List.of();
    }
}
