package cn.gonggaigong.decision;

import cn.gonggaigong.form.RequiredByAnswer;
import cn.gonggaigong.plan.AnnualPlanRepository;
import cn.gonggaigong.process.AnnualPlanProcess;
import cn.gonggaigong.process.ProjectLifecycleProcess;
import cn.gonggaigong.process.UnitPlanningProcess;
import cn.gonggaigong.project.ProjectRepository;
import cn.gonggaigong.unit.RenovationUnitRepository;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link DecisionRecord} for every completed user task: who, when, the decision, the document number
 * (文号) and the opinion. Which variable holds a task's decision is declared in the model, as the user task's
 * extension property {@value #DECISION_VARIABLE_PROPERTY}. The document number and opinion are form fields of
 * one step only: once recorded they are removed from the process, so a later step never records them again.
 */
@Component
public class DecisionRecorder implements TaskListener {

    public static final String DECISION_VARIABLE_PROPERTY = "decisionVariable";
    /**
     * The model's property naming the form field that says what was wrong when the step does not pass; recorded when
     * the answer made it required ({@link RequiredByAnswer}), so an earlier round's text is not recorded with a pass.
     */
    public static final String DECISION_REASON_PROPERTY = "decisionReason";
    /**
     * The model's property naming, comma-separated, the form fields a step records besides its decision (公示开始日期,
     * 公示结束日期; a payment's amount, date and receipt number; an agreement's number and signing date), so the
     * project's timeline shows them; empty fields are left out.
     */
    public static final String DECISION_FACTS_PROPERTY = "decisionFacts";
    public static final String DOCUMENT_NUMBER = "documentNumber";
    public static final String OPINION = "opinion";
    static final String DONE = "DONE";
    static final String UNKNOWN_ACTOR = "anonymous";

    private final DecisionRecordRepository records;
    private final ProjectRepository projects;
    private final RenovationUnitRepository units;
    private final AnnualPlanRepository plans;
    private final IdentityService identityService;

    public DecisionRecorder(DecisionRecordRepository records, ProjectRepository projects,
                            RenovationUnitRepository units, AnnualPlanRepository plans, IdentityService identityService) {
        this.records = records;
        this.projects = projects;
        this.units = units;
        this.plans = plans;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        record(task);
    }

    /** Writes the task's record (see the class); the record written. */
    DecisionRecord record(DelegateTask task) {
        java.util.Optional<String> decisionVariable = decisionVariable(task);
        Object decision = decisionVariable.map(task::getVariable).orElse(null);
        DecisionRecord record = new DecisionRecord(task.getProcessInstanceId(), task.getTaskDefinitionKey(),
                task.getName(), actor(task), ClockUtil.getCurrentTime().toInstant(),
                decision == null ? DONE : truncate(decision.toString(), 60),
                text(task.getVariable(DOCUMENT_NUMBER)), text(task.getVariable(OPINION)));
        Object projectId = task.getVariable(ProjectLifecycleProcess.Var.PROJECT_ID);
        Object unitId = task.getVariable(UnitPlanningProcess.Var.UNIT_ID);
        Object planId = task.getVariable(AnnualPlanProcess.Var.ANNUAL_PLAN_ID);
        if (projectId instanceof Number id) {
            record.setProject(projects.getReferenceById(id.longValue()));
        } else if (unitId instanceof Number id) {
            record.setUnit(units.getReferenceById(id.longValue()));
        } else if (planId instanceof Number id) {
            record.setAnnualPlan(plans.getReferenceById(id.longValue()));
        }
        String reasonField = decisionVariable.flatMap(variable -> property(task, DECISION_REASON_PROPERTY)
                .filter(field -> RequiredByAnswer.requires(task.getTaskDefinitionKey(), variable, decision, field)))
                .orElse(null);
        String reason = reasonField == null ? null : text(task.getVariable(reasonField));
        if (reason != null) {
            record.setReason(reasonField, reason);
        }
        record.setFacts(facts(task));
        records.save(record);
        task.getExecution().removeVariable(DOCUMENT_NUMBER);
        task.getExecution().removeVariable(OPINION);
        return record;
    }

    private static java.util.List<DecisionRecord.Fact> facts(DelegateTask task) {
        java.util.List<DecisionRecord.Fact> facts = new java.util.ArrayList<>();
        for (String field : factFields(property(task, DECISION_FACTS_PROPERTY).orElse(""))) {
            String value = factText(task.getVariable(field));
            if (value != null) {
                facts.add(new DecisionRecord.Fact(field, value));
            }
        }
        return facts;
    }

    /** The field keys of a {@value #DECISION_FACTS_PROPERTY} property's value. */
    public static java.util.List<String> factFields(String property) {
        return cn.gonggaigong.task.TaskModel.names(property);
    }

    /** A value as the person entered it: a number without a trailing ".0", text cut at 500 characters. */
    static String factText(Object value) {
        if (value instanceof Number number && !(value instanceof Double d && !Double.isFinite(d))
                && !(value instanceof Float f && !Float.isFinite(f))) {
            return new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        String text = text(value);
        return text == null ? null : truncate(text.strip(), 500);
    }

    private java.util.Optional<String> decisionVariable(DelegateTask task) {
        return property(task, DECISION_VARIABLE_PROPERTY);
    }

    private static java.util.Optional<String> property(DelegateTask task, String name) {
        UserTask element = task.getBpmnModelElementInstance();
        return element == null ? java.util.Optional.empty() : cn.gonggaigong.task.TaskModel.property(element, name);
    }

    private String actor(DelegateTask task) {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : UNKNOWN_ACTOR;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
