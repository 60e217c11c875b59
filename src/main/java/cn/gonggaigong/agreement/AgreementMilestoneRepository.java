package cn.gonggaigong.agreement;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AgreementMilestoneRepository extends JpaRepository<AgreementMilestone, Long> {

    List<AgreementMilestone> findByProjectIdOrderByDeadlineAsc(Long projectId);

    /**
     * Deadlines missed (breached), of one town or all: those still not done first, then the newest breach first;
     * with their projects and towns (the leading group's list).
     */
    @Query(value = """
            select m from AgreementMilestone m join fetch m.project p join fetch p.town t
            where m.breachedAt is not null and (:town is null or t.code = :town)
            order by case when m.completedAt is null then 0 else 1 end, m.breachedAt desc, m.id desc""",
            countQuery = """
            select count(m) from AgreementMilestone m join m.project p join p.town t
            where m.breachedAt is not null and (:town is null or t.code = :town)""")
    Page<AgreementMilestone> findBreaches(@Param("town") String town, Pageable page);

    /** The project's milestone of a term (the latest, should an agreement be drawn up again). */
    Optional<AgreementMilestone> findFirstByProjectIdAndTermOrderByIdDesc(Long projectId, String term);
}
