package cn.gonggaigong.project;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.gonggaigong.task.SubmissionCheck;
import cn.gonggaigong.task.TaskRow;
import org.springframework.stereotype.Component;

/** 调查基础数据: the surveyed area in 亩 agrees with the one in m², as an application's must. */
@Component
public class SurveyedAreas implements SubmissionCheck {

    @Override
    public boolean appliesTo(String taskDefinitionKey) {
        return "Task_SurveyBaseData".equals(taskDefinitionKey);
    }

    @Override
    public List<FieldProblem> problems(TaskRow task, Map<String, Object> variables) {
        return ProjectApplicationValidator.muMatchesSquareMetres(decimal(variables.get("landAreaSqm")),
                decimal(variables.get("landAreaMu"))).stream().toList();
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }
}
