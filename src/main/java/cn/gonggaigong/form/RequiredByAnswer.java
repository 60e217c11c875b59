package cn.gonggaigong.form;

import java.util.List;
import java.util.Map;

import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.task.SubmissionCheck;
import cn.gonggaigong.task.TaskRow;
import org.springframework.stereotype.Component;

/**
 * Fields a form cannot mark required because they depend on its answer: a check that does not pass says what is
 * wrong, since the next step is the applicant's, who acts on it; an agreement said to be signed by all has its number
 * and date, while one not yet signed by all has none to give; a scheme sent back or refused by the committee or the
 * government carries the reasons, which the bureau revises it by (or the project's record keeps).
 */
@Component
public class RequiredByAnswer implements SubmissionCheck {

    /** In {@code task}, {@code field} is required when the answer {@code decision} is {@code when}. */
    record Rule(String task, String decision, Object when, String field, String message) {
    }

    static final List<Rule> RULES = List.of(
            // 公示基础数据 → 调查基础数据 again: the town re-checks what was objected to
            new Rule("Task_PublishBaseData", "objectionsRaised", true, "opinion",
                    "有异议时必填：写明异议内容及处理情况，乡镇据此重新核查基础数据"),
            // 组织竣工验收 → 整改验收问题
            new Rule("Task_InspectCompletion", "acceptancePassed", false, "defects",
                    "核验不通过时必填：写明存在的问题和整改要求，改造主体据此整改"),
            // 核验权属证明材料 → 补充权属证明材料
            new Rule("Task_VerifyTitleDocuments", "titleVerified", false, "titleDefects",
                    "核查不通过时必填：写明需补充或更正的权属材料，改造主体据此补充"),
            // 组织签署统一改造协议: signed by all → the joint subject is formed on that agreement (Art. 11(2)4)
            new Rule("Task_NegotiateUnifiedAgreement", "allOwnersSigned", true, "agreementNumber",
                    "所有权利主体均已签署时必填：统一改造协议的编号"),
            new Rule("Task_NegotiateUnifiedAgreement", "allOwnersSigned", true, "signedDate",
                    "所有权利主体均已签署时必填：协议签署完成的日期"),
            // … and one not signed by all says who has not, and why: the town coordinates them again on it
            new Rule("Task_NegotiateUnifiedAgreement", "allOwnersSigned", false, "opinion",
                    "未全部签署时必填：写明哪些权利主体尚未签署及原因"),
            // 规划委员会审议 / 市政府审批改造方案: what to revise, or why not
            new Rule("Task_ReviewScheme", "committeeDecision", "REVISE", "opinion",
                    "修改后再审时必填：写明修改意见，市自然资源局据此修改方案"),
            new Rule("Task_ReviewScheme", "committeeDecision", "REJECT", "opinion", "不予通过时必填：写明理由"),
            new Rule("Task_ApproveScheme", "governmentDecision", "REVISE", "opinion",
                    "退回修改时必填：写明修改意见，市自然资源局据此修改方案"),
            new Rule("Task_ApproveScheme", "governmentDecision", "REJECTED", "opinion", "不予批准时必填：写明理由"));

    /** Whether, in {@code task}, the answer {@code answer} to {@code decision} makes {@code field} required. */
    public static boolean requires(String task, String decision, Object answer, String field) {
        return RULES.stream().anyMatch(rule -> rule.task().equals(task) && rule.decision().equals(decision)
                && rule.when().equals(answer) && rule.field().equals(field));
    }

    @Override
    public boolean appliesTo(String taskDefinitionKey) {
        return RULES.stream().anyMatch(rule -> rule.task().equals(taskDefinitionKey));
    }

    @Override
    public List<FieldProblem> problems(TaskRow task, Map<String, Object> variables) {
        return RULES.stream()
                .filter(rule -> rule.task().equals(task.taskDefinitionKey()))
                .filter(rule -> rule.when().equals(variables.get(rule.decision())))
                .filter(rule -> !(variables.get(rule.field()) instanceof String text) || text.isBlank())
                .map(rule -> new FieldProblem(rule.field(), rule.message()))
                .toList();
    }
}
