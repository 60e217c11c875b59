package cn.gonggaigong.project;

import java.util.List;
import java.util.Map;

import cn.gonggaigong.task.SubmissionCheck;
import cn.gonggaigong.task.TaskRow;
import org.springframework.stereotype.Component;

/**
 * Art. 11(2)1: "经原土地权属人同意由土地实际使用人实施改造的，相关合同或协议视为改造主体资格确认书". A lessee's title documents
 * are accepted only with that contract named; the applicant supplementing them may name it then.
 */
@Component
public class LesseeConsent implements SubmissionCheck {

    static final String FIELD = "ownerConsentDocument";
    static final String REASON = "申请人为承租人（土地实际使用人），核查无误须有原土地权属人同意其实施改造的合同或协议（第十一条（二）第1项）";

    private final ProjectRepository projects;

    public LesseeConsent(ProjectRepository projects) {
        this.projects = projects;
    }

    @Override
    public boolean appliesTo(String taskDefinitionKey) {
        return "Task_VerifyTitleDocuments".equals(taskDefinitionKey);
    }

    @Override
    public List<FieldProblem> problems(TaskRow task, Map<String, Object> variables) {
        if (!Boolean.TRUE.equals(variables.get("titleVerified")) || task.projectId() == null
                || variables.get(FIELD) instanceof String named && !named.isBlank()) {
            return List.of();
        }
        boolean lessee = projects.findById(task.projectId())
                .map(p -> p.getApplicantType() == ApplicantType.LESSEE).orElse(false);
        return lessee ? List.of(new FieldProblem(FIELD, REASON)) : List.of();
    }
}
