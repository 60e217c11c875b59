package cn.gonggaigong.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gonggaigong.task.SubmissionCheck;
import cn.gonggaigong.task.TaskRow;
import org.springframework.stereotype.Component;

/**
 * 调查基础数据: the surveyed area in 亩 agrees with the one in m², as an application's must; and the parcels
 * surveyed are not held by another project under way, nor named twice (ParcelRegister, as for an application).
 */
@Component
public class SurveyedAreas implements SubmissionCheck {

    private final ParcelRegister parcels;

    public SurveyedAreas(ParcelRegister parcels) {
        this.parcels = parcels;
    }

    @Override
    public boolean appliesTo(String taskDefinitionKey) {
        return "Task_SurveyBaseData".equals(taskDefinitionKey);
    }

    @Override
    public List<FieldProblem> problems(TaskRow task, Map<String, Object> variables) {
        List<FieldProblem> problems = new ArrayList<>(ProjectApplicationValidator.muMatchesSquareMetres(
                decimal(variables.get("landAreaSqm")), decimal(variables.get("landAreaMu"))).stream().toList());
        Object text = variables.get("parcelIds");
        problems.addAll(parcels.problems(ParcelRegister.parse(text instanceof String s ? s : null), task.projectCode(),
                i -> "parcelIds"));
        return problems;
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }
}
