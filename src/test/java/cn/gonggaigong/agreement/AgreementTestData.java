package cn.gonggaigong.agreement;

import cn.gonggaigong.project.ProjectRepository;
import java.time.LocalDate;
import org.springframework.transaction.support.TransactionTemplate;

/** A monitoring agreement's three deadlines for a project, as AgreementRecorder registers them after signing. */
public final class AgreementTestData {

    private AgreementTestData() {
    }

    public static void register(TransactionTemplate transactions, ProjectRepository projects,
                                AgreementMilestoneRepository milestones, long projectId, String agreementNumber,
                                LocalDate demolition, LocalDate constructionStart, LocalDate completion) {
        transactions.executeWithoutResult(status -> {
            var project = projects.findById(projectId).orElseThrow();
            milestones.save(new AgreementMilestone(project, agreementNumber, "demolitionDeadline", "完成拆迁及补偿安置", demolition));
            milestones.save(new AgreementMilestone(project, agreementNumber, "constructionStartDeadline", "动工建设",
                    constructionStart));
            milestones.save(new AgreementMilestone(project, agreementNumber, "completionDeadline", "竣工", completion));
        });
    }
}
