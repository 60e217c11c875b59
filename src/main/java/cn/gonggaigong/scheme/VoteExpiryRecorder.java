package cn.gonggaigong.scheme;

import cn.gonggaigong.decision.DecisionRecord;
import cn.gonggaigong.decision.DecisionRecordRepository;
import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.process.Variables;
import cn.gonggaigong.project.ProjectRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Art. 12(2): the compensation plan was not voted within a year of the scheme's approval, so the scheme is approved
 * again (重新报批: revised, consulted, reviewed and approved as before). The project's decisions say so, by the
 * system, under the vote that ran out; the scheme's next compilation reads it among its reasons for revision.
 */
@Component("voteExpiryRecorder")
public class VoteExpiryRecorder implements ExecutionListener {

    public static final String OUTCOME = "VOTE_EXPIRED";
    public static final String LABEL = "逾期未完成表决，改造方案重新报批";
    static final String TASK = "Task_RecordCompensationVote";
    static final String REASON = "补偿安置方案自改造方案批复之日起1年内未完成相关权利主体表决（第十二条第二项），"
            + "改造方案应当重新报批：修改方案后重新征求部门意见、提交规划委员会审议、报市政府审批";

    private final DecisionRecordRepository records;
    private final ProjectRepository projects;

    public VoteExpiryRecorder(DecisionRecordRepository records, ProjectRepository projects) {
        this.records = records;
        this.projects = projects;
    }

    @Override
    public void notify(DelegateExecution execution) {
        DecisionRecord record = new DecisionRecord(execution.getProcessInstanceId(), TASK, "组织表决补偿安置方案", null,
                ClockUtil.getCurrentTime().toInstant(), OUTCOME, null, REASON);
        record.setProject(projects.getReferenceById(Variables.id(execution, ProjectLifecycleProcess.Var.PROJECT_ID)));
        records.save(record);
    }
}
