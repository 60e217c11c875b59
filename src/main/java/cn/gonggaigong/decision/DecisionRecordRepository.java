package cn.gonggaigong.decision;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DecisionRecordRepository extends JpaRepository<DecisionRecord, Long> {

    List<DecisionRecord> findByProjectIdOrderByDecidedAtAscIdAsc(Long projectId);

    /** The latest decision taken in one task of one process instance. */
    Optional<DecisionRecord> findFirstByProcessInstanceIdAndTaskDefinitionKeyOrderByDecidedAtDescIdDesc(
            String processInstanceId, String taskDefinitionKey);

    /** The latest decision recorded for a project. */
    Optional<DecisionRecord> findFirstByProjectIdOrderByDecidedAtDescIdDesc(Long projectId);

    List<DecisionRecord> findByUnitIdOrderByDecidedAtAscIdAsc(Long unitId);

    /** One kind of decision (e.g. a send-back) taken in a process instance within a span of time, latest first. */
    List<DecisionRecord> findByProcessInstanceIdAndOutcomeAndDecidedAtBetweenOrderByDecidedAtDescIdDesc(
            String processInstanceId, String outcome, java.time.Instant from, java.time.Instant to);

    List<DecisionRecord> findByAnnualPlanIdOrderByDecidedAtAscIdAsc(Long annualPlanId);
}
