package cn.gonggaigong.form;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.task.SubmissionCheck;
import cn.gonggaigong.task.SystemRights;
import cn.gonggaigong.task.TaskRow;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * What follows the government's approval of the scheme is not dated before it: its filing with the prefecture's
 * bureau, and the vote on the compensation plan, whose year runs from the approval (Art. 12(2)). The approval's date
 * is the one the government entered (批复日期), as its process holds it. And the approval itself is not dated before
 * the planning committee's meeting that passed the scheme (its 会议日期, handed on by the lifecycle): a wrong 批复日期
 * would otherwise move the vote's deadline.
 */
@Component
public class AfterSchemeApproval implements SubmissionCheck {

    /** In {@code task}, the date {@code field} is on or after the process variable {@code earlier}, named {@code label}. */
    record Rule(String task, String field, String earlier, String label) {
    }

    static final String APPROVAL = "改造方案批复日期";

    static final List<Rule> RULES = List.of(
            new Rule("Task_FileWithPrefectureNrb", "filingDate", "approvalDate", APPROVAL),
            new Rule("Task_RecordCompensationVote", "voteDate", "schemeApprovalDate", APPROVAL),
            new Rule("Task_ApproveScheme", "approvalDate", "committeeMeetingDate", "规划委员会审议通过的会议日期"));

    private final RuntimeService runtime;
    private final SystemRights system;

    public AfterSchemeApproval(RuntimeService runtime, SystemRights system) {
        this.runtime = runtime;
        this.system = system;
    }

    @Override
    public boolean appliesTo(String taskDefinitionKey) {
        return RULES.stream().anyMatch(rule -> rule.task().equals(taskDefinitionKey));
    }

    @Override
    public List<FieldProblem> problems(TaskRow task, Map<String, Object> variables) {
        return RULES.stream().filter(rule -> rule.task().equals(task.taskDefinitionKey())).flatMap(rule -> {
            LocalDate day = DateOrder.day(variables.get(rule.field()));
            if (day == null) {
                return java.util.stream.Stream.empty();
            }
            // The office completing the step may not read the process's variables itself (a sub-process of NRB's).
            LocalDate earlier = DateOrder.day(system.call(() -> runtime.getVariable(task.processInstanceId(), rule.earlier())));
            return earlier != null && day.isBefore(earlier)
                    ? java.util.stream.Stream.of(new FieldProblem(rule.field(), "不能早于" + rule.label() + "（" + earlier + "）"))
                    : java.util.stream.Stream.empty();
        }).toList();
    }
}
