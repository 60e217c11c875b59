package cn.gonggaigong.agreement;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AgreementMilestoneRepository extends JpaRepository<AgreementMilestone, Long> {

    List<AgreementMilestone> findByProjectIdOrderByDeadlineAsc(Long projectId);

    /** The project's milestone of a term (the latest, should an agreement be drawn up again). */
    Optional<AgreementMilestone> findFirstByProjectIdAndTermOrderByIdDesc(Long projectId, String term);
}
