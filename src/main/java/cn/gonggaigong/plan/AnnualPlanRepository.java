package cn.gonggaigong.plan;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AnnualPlanRepository extends JpaRepository<AnnualPlan, Long> {

    Optional<AnnualPlan> findByYear(int year);

    Optional<AnnualPlan> findByProcessInstanceId(String processInstanceId);
}
