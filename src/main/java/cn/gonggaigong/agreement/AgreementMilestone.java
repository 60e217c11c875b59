package cn.gonggaigong.agreement;

import java.time.Instant;
import java.time.LocalDate;

import cn.gonggaigong.project.Project;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A deadline agreed in the monitoring agreement (监管协议, Art. 13): demolition, construction start, completion,
 * and any other term with a date. Supervision compares progress against these.
 */
@Entity
@Table(name = "agreement_milestone")
public class AgreementMilestone {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false)
    private Project project;

    @Column(nullable = false, length = 100)
    private String agreementNumber;

    /** The agreement form's field of the deadline (demolitionDeadline, constructionStartDeadline, completionDeadline). */
    @Column(nullable = false, length = 40)
    private String term;

    /** e.g. 完成拆迁及补偿安置, 动工建设, 竣工. */
    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false)
    private LocalDate deadline;

    /** When the town's progress report first said it was done. */
    private Instant completedAt;

    /** When its deadline was found passed with the milestone not done (the day after the deadline). */
    private Instant breachedAt;

    /** The town's explanation of the breach (说明协议时限逾期情况). */
    private String breachReason;

    /** Whether the town found the breach to be the renovation subject's doing (Art. 19 then withholds the subsidy). */
    private Boolean subjectResponsible;

    private String remedy;

    private LocalDate expectedDate;

    private String explainedBy;

    private Instant explainedAt;

    protected AgreementMilestone() {
    }

    public AgreementMilestone(Project project, String agreementNumber, String term, String name, LocalDate deadline) {
        this.project = project;
        this.term = term;
        this.agreementNumber = agreementNumber;
        this.name = name;
        this.deadline = deadline;
    }

    public void complete(Instant completedAt) {
        this.completedAt = completedAt;
    }

    public boolean isCompleted() {
        return completedAt != null;
    }

    /** Records that the deadline passed with the milestone not done; the first finding stands. */
    public void breach(Instant at) {
        if (breachedAt == null) {
            this.breachedAt = at;
        }
    }

    public void explain(String reason, boolean subjectResponsible, String remedy, LocalDate expectedDate, String by,
                        Instant at) {
        this.breachReason = reason;
        this.subjectResponsible = subjectResponsible;
        this.remedy = remedy;
        this.expectedDate = expectedDate;
        this.explainedBy = by;
        this.explainedAt = at;
    }

    /** A breach the town held against the renovation subject: the agreement is not met (Art. 19). */
    public boolean breachedBySubject() {
        return breachedAt != null && !Boolean.FALSE.equals(subjectResponsible);
    }

    public String getTerm() {
        return term;
    }

    public Instant getBreachedAt() {
        return breachedAt;
    }

    public String getBreachReason() {
        return breachReason;
    }

    public Boolean getSubjectResponsible() {
        return subjectResponsible;
    }

    public String getRemedy() {
        return remedy;
    }

    public LocalDate getExpectedDate() {
        return expectedDate;
    }

    public String getExplainedBy() {
        return explainedBy;
    }

    public Instant getExplainedAt() {
        return explainedAt;
    }

    public Long getId() {
        return id;
    }

    public Project getProject() {
        return project;
    }

    public String getAgreementNumber() {
        return agreementNumber;
    }

    public String getName() {
        return name;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
