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

    /** e.g. 完成拆除, 动工建设, 竣工. */
    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false)
    private LocalDate deadline;

    private Instant completedAt;

    protected AgreementMilestone() {
    }

    public AgreementMilestone(Project project, String agreementNumber, String name, LocalDate deadline) {
        this.project = project;
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
