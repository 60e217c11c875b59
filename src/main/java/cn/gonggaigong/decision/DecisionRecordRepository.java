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

    /**
     * The renovation subject NRB confirmed for a project: the name in its latest 出具改造主体确认 (recorded among the
     * step's facts); empty before that.
     */
    @org.springframework.data.jpa.repository.Query(nativeQuery = true, value = """
            select f ->> 'value' from decision_record d
             cross join lateral jsonb_array_elements(d.facts) f
             where d.project_id = :projectId and d.task_definition_key = 'Task_ConfirmSubject'
               and f ->> 'field' = 'subjectName' and coalesce(trim(f ->> 'value'), '') <> ''
             order by d.decided_at desc, d.id desc
             limit 1""")
    Optional<String> confirmedSubject(@org.springframework.data.repository.query.Param("projectId") long projectId);

    /**
     * The day (Beijing, YYYY-MM-DD) a step of a project last recorded {@code value} as its fact {@code field} (e.g. the
     * month of a progress report); empty when it never did.
     */
    @org.springframework.data.jpa.repository.Query(nativeQuery = true, value = """
            select to_char(max(d.decided_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') from decision_record d
             where d.project_id = :projectId and d.task_definition_key = :taskKey
               and d.facts @> cast(jsonb_build_array(jsonb_build_object('field', :field, 'value', :value)) as jsonb)""")
    Optional<String> factRecordedOn(@org.springframework.data.repository.query.Param("projectId") long projectId,
                                              @org.springframework.data.repository.query.Param("taskKey") String taskKey,
                                              @org.springframework.data.repository.query.Param("field") String field,
                                              @org.springframework.data.repository.query.Param("value") String value);

    /**
     * The greatest value a step of a project recorded as its fact {@code field} (e.g. the latest month of its progress
     * reports, YYYY-MM); empty when it never did.
     */
    @org.springframework.data.jpa.repository.Query(nativeQuery = true, value = """
            select max(f ->> 'value') from decision_record d
             cross join lateral jsonb_array_elements(d.facts) f
             where d.project_id = :projectId and d.task_definition_key = :taskKey
               and f ->> 'field' = :field and coalesce(trim(f ->> 'value'), '') <> ''""")
    Optional<String> latestFact(@org.springframework.data.repository.query.Param("projectId") long projectId,
                                @org.springframework.data.repository.query.Param("taskKey") String taskKey,
                                @org.springframework.data.repository.query.Param("field") String field);
}
