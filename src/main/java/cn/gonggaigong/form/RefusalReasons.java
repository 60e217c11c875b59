package cn.gonggaigong.form;

import java.util.List;
import java.util.Map;

import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.task.SubmissionCheck;
import cn.gonggaigong.task.TaskRow;
import org.springframework.stereotype.Component;

/**
 * A check that does not pass says what is wrong, since the next step is the applicant's, who acts on it: its reason
 * field, optional on the form, is required when the answer is 否.
 */
@Component
public class RefusalReasons implements SubmissionCheck {

    /** In {@code task}, {@code reason} is required when {@code decision} is false. */
    record Rule(String task, String decision, String reason, String message) {
    }

    static final List<Rule> RULES = List.of(
            // 组织竣工验收 → 整改验收问题
            new Rule("Task_InspectCompletion", "acceptancePassed", "defects",
                    "核验不通过时必填：写明存在的问题和整改要求，改造主体据此整改"),
            // 核验权属证明材料 → 补充权属证明材料
            new Rule("Task_VerifyTitleDocuments", "titleVerified", "titleDefects",
                    "核查不通过时必填：写明需补充或更正的权属材料，改造主体据此补充"));

    @Override
    public boolean appliesTo(String taskDefinitionKey) {
        return RULES.stream().anyMatch(rule -> rule.task().equals(taskDefinitionKey));
    }

    @Override
    public List<FieldProblem> problems(TaskRow task, Map<String, Object> variables) {
        return RULES.stream()
                .filter(rule -> rule.task().equals(task.taskDefinitionKey()))
                .filter(rule -> Boolean.FALSE.equals(variables.get(rule.decision())))
                .filter(rule -> !(variables.get(rule.reason()) instanceof String text) || text.isBlank())
                .map(rule -> new FieldProblem(rule.reason(), rule.message()))
                .toList();
    }
}
