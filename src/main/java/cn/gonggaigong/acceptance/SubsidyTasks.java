package cn.gonggaigong.acceptance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import cn.gonggaigong.platform.Amounts;
import cn.gonggaigong.project.ProjectRepository;
import cn.gonggaigong.task.ProjectTaskContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 拨付改造建设补贴: the finance bureau sees what it pays, on what basis (Art. 19) and to whom: the renovation subject
 * NRB confirmed (出具改造主体确认, its latest confirmation), which in a cooperation need not be the applicant; the
 * applicant where no confirmation names one.
 */
@Component
public class SubsidyTasks extends ProjectTaskContext {

    /** The amount due, as text (720,000 元): shown by the step, and recorded with its decision (SubsidyRecorder). */
    static final String DUE = "subsidyDue";

    /** The subject's name in the project's latest 出具改造主体确认 (DecisionRecorder keeps it among the facts). */
    private static final String CONFIRMED_SUBJECT = """
            select f ->> 'value' from decision_record d
             cross join lateral jsonb_array_elements(d.facts) f
             where d.project_id = ? and d.task_definition_key = 'Task_ConfirmSubject' and f ->> 'field' = 'subjectName'
             order by d.decided_at desc, d.id desc
             limit 1""";

    private final ProjectRepository projects;
    private final JdbcTemplate jdbc;

    public SubsidyTasks(ProjectRepository projects, JdbcTemplate jdbc) {
        super(Set.of("Task_DisburseSubsidy"));
        this.projects = projects;
        this.jdbc = jdbc;
    }

    @Override
    protected Map<String, Object> values(String taskDefinitionKey, long projectId) {
        Map<String, Object> values = new LinkedHashMap<>();
        projects.findById(projectId).ifPresent(p -> {
            if (p.getSubsidyAmount() != null) {
                values.put(DUE, Amounts.yuan(p.getSubsidyAmount()));
            }
            values.put("subsidyBasis", p.getSubsidyBasis());
            values.put("payee", jdbc.queryForList(CONFIRMED_SUBJECT, String.class, projectId).stream()
                    .filter(name -> name != null && !name.isBlank()).findFirst().orElse(p.getApplicantName()));
        });
        values.values().removeIf(java.util.Objects::isNull);
        return values;
    }
}
