package cn.gonggaigong.agreement;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AgreementMilestoneRepository extends JpaRepository<AgreementMilestone, Long> {

    List<AgreementMilestone> findByProjectIdOrderByDeadlineAsc(Long projectId);

    /** Open milestones due on or before a date (overdue or due soon). */
    List<AgreementMilestone> findByCompletedAtIsNullAndDeadlineLessThanEqualOrderByDeadlineAsc(LocalDate date);
}
