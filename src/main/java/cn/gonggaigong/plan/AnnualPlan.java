package cn.gonggaigong.plan;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 年度实施计划: compiled by NRB from many projects, approved as a whole by the municipal government (Art. 6). */
@Entity
@Table(name = "annual_plan")
public class AnnualPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "plan_year", nullable = false, unique = true)
    private int year;

    @Column(nullable = false, length = 200)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AnnualPlanStatus status = AnnualPlanStatus.COMPILING;

    private Instant approvedAt;

    @Column(length = 100)
    private String documentNumber;

    @Column(length = 64)
    private String processInstanceId;

    protected AnnualPlan() {
    }

    public AnnualPlan(int year, String title) {
        this.year = year;
        this.title = title;
    }

    /** Records the government's approval of the plan. */
    public void approve(Instant approvedAt, String documentNumber) {
        this.status = AnnualPlanStatus.APPROVED;
        this.approvedAt = approvedAt;
        this.documentNumber = documentNumber;
    }

    public Long getId() {
        return id;
    }

    public int getYear() {
        return year;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public AnnualPlanStatus getStatus() {
        return status;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public void setProcessInstanceId(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }
}
