package cn.gonggaigong.project;

import java.util.List;
import java.util.Optional;

import cn.gonggaigong.plan.AnnualPlan;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProjectRepository extends JpaRepository<Project, Long> {

    Optional<Project> findByCode(String code);

    Optional<Project> findByProcessInstanceId(String processInstanceId);

    List<Project> findByAnnualPlan(AnnualPlan annualPlan);
}
