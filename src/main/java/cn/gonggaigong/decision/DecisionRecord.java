package cn.gonggaigong.decision;

import java.time.Instant;
import java.util.List;

import cn.gonggaigong.plan.AnnualPlan;
import cn.gonggaigong.project.Project;
import cn.gonggaigong.unit.RenovationUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A decision taken in a user task (approval, review, opinion): who decided what, when, under which document
 * number. It belongs to a project, a renovation unit or an annual plan (whichever the process is about).
 */
@Entity
@Table(name = "decision_record")
public class DecisionRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id")
    private Project project;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    private RenovationUnit unit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "annual_plan_id")
    private AnnualPlan annualPlan;

    @Column(nullable = false, length = 64)
    private String processInstanceId;

    /** e.g. {@code Task_ReviewScheme}. */
    @Column(nullable = false, length = 100)
    private String taskDefinitionKey;

    @Column(nullable = false, length = 200)
    private String taskName;

    /** User id of the person who completed the task; null for the system (a deadline that ran out). */
    @Column(length = 64)
    private String actor;

    @Column(nullable = false)
    private Instant decidedAt;

    /** The decision value, e.g. {@code PASS}, {@code APPROVED}, {@code AGREE_WITH_CONDITIONS}. */
    @Column(nullable = false, length = 60)
    private String outcome;

    @Column(length = 100)
    private String documentNumber;

    @Column(columnDefinition = "text")
    private String opinion;

    /** The form field that said what was wrong, where the answer required one (the model's decisionReason); else null. */
    @Column(length = 100)
    private String reasonField;

    @Column(columnDefinition = "text")
    private String reason;

    /** The fields the model's decisionFacts names, in its order, with what the step entered; null where it names none. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<Fact> facts;

    /** One field a step recorded besides its decision: the form field's key and the value entered, as text. */
    public record Fact(String field, String value) {
    }

    protected DecisionRecord() {
    }

    public DecisionRecord(String processInstanceId, String taskDefinitionKey, String taskName, String actor,
                          Instant decidedAt, String outcome, String documentNumber, String opinion) {
        this.processInstanceId = processInstanceId;
        this.taskDefinitionKey = taskDefinitionKey;
        this.taskName = taskName;
        this.actor = actor;
        this.decidedAt = decidedAt;
        this.outcome = outcome;
        this.documentNumber = documentNumber;
        this.opinion = opinion;
    }

    public Long getId() {
        return id;
    }

    public String getReasonField() {
        return reasonField;
    }

    public String getReason() {
        return reason;
    }

    public List<Fact> getFacts() {
        return facts == null ? List.of() : facts;
    }

    public void setFacts(List<Fact> facts) {
        this.facts = facts == null || facts.isEmpty() ? null : List.copyOf(facts);
    }

    /** What the step said was wrong, in its form field {@code field}. */
    public void setReason(String field, String text) {
        this.reasonField = field;
        this.reason = text;
    }

    public Project getProject() {
        return project;
    }

    public void setProject(Project project) {
        this.project = project;
    }

    public RenovationUnit getUnit() {
        return unit;
    }

    public void setUnit(RenovationUnit unit) {
        this.unit = unit;
    }

    public AnnualPlan getAnnualPlan() {
        return annualPlan;
    }

    public void setAnnualPlan(AnnualPlan annualPlan) {
        this.annualPlan = annualPlan;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getTaskDefinitionKey() {
        return taskDefinitionKey;
    }

    public String getTaskName() {
        return taskName;
    }

    public String getActor() {
        return actor;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    /** A later step's verdict on what the task submitted (e.g. the rule check of a scheme version). */
    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public String getOpinion() {
        return opinion;
    }
}
