package cn.gonggaigong.agreement;

import java.util.List;
import java.util.Map;

import cn.gonggaigong.decision.DecisionRecordRepository;
import cn.gonggaigong.project.FieldProblem;
import cn.gonggaigong.task.SubmissionCheck;
import cn.gonggaigong.task.TaskRow;
import org.springframework.stereotype.Component;

/**
 * 报送实施进展 reports each month once: a month this project's progress was already reported for is a field error
 * naming when (the form starts from the month its task came in, AgreementTasks; a changed month could repeat one).
 */
@Component
public class ProgressReportCheck implements SubmissionCheck {

    static final String TASK = "Task_ReportProgress";
    static final String MONTH = "reportMonth";

    private final DecisionRecordRepository decisions;

    public ProgressReportCheck(DecisionRecordRepository decisions) {
        this.decisions = decisions;
    }

    @Override
    public boolean appliesTo(String taskDefinitionKey) {
        return TASK.equals(taskDefinitionKey);
    }

    @Override
    public List<FieldProblem> problems(TaskRow task, Map<String, Object> variables) {
        if (task.projectId() == null || !(variables.get(MONTH) instanceof String month) || month.isBlank()) {
            return List.of();
        }
        return decisions.factRecordedOn(task.projectId(), TASK, MONTH, month.strip())
                .map(day -> List.of(new FieldProblem(MONTH, month.strip() + " 的实施进展已于 " + day
                        + " 报送，每月报送一次：请填写本次报送的月份")))
                .orElse(List.of());
    }
}
