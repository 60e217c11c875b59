package cn.gonggaigong.project;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.gonggaigong.plan.AnnualPlan;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProjectRepository extends JpaRepository<Project, Long> {

    Optional<Project> findByCode(String code);

    Optional<Project> findByProcessInstanceId(String processInstanceId);

    List<Project> findByAnnualPlan(AnnualPlan annualPlan);

    /** The projects of these towns' groups or of this applicant. */
    Page<Project> findByTownGroupIdInOrApplicantUserId(Collection<String> townGroupIds, String applicantUserId,
                                                        Pageable pageable);
}
