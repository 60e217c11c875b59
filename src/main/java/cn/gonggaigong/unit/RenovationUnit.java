package cn.gonggaigong.unit;

import java.math.BigDecimal;
import java.time.Instant;

import cn.gonggaigong.project.Town;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * 改造单元: an area delineated by NRB or a town with its detailed plan (goals, public facilities, balance of
 * interests); one unit can hold several projects (Art. 6, 8).
 */
@Entity
@Table(name = "renovation_unit")
public class RenovationUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 60)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    /** Null for a unit that spans several towns. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "town_code")
    private Town town;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RenovationUnitStatus status = RenovationUnitStatus.PLANNING;

    @Column(columnDefinition = "text")
    private String planGoals;

    @Column(columnDefinition = "text")
    private String publicFacilities;

    @Column(columnDefinition = "text")
    private String interestBalance;

    @Column(precision = 14, scale = 2)
    private BigDecimal landAreaSqm;

    @Column(precision = 8, scale = 4)
    private BigDecimal plannedPlotRatio;

    private Instant approvedAt;

    @Column(length = 100)
    private String documentNumber;

    @Column(length = 64)
    private String processInstanceId;

    protected RenovationUnit() {
    }

    public RenovationUnit(String code, String name, Town town) {
        this.code = code;
        this.name = name;
        this.town = town;
    }

    /** Records the government's approval of the detailed plan. */
    public void approve(Instant approvedAt, String documentNumber) {
        this.status = RenovationUnitStatus.APPROVED;
        this.approvedAt = approvedAt;
        this.documentNumber = documentNumber;
    }

    public boolean isApproved() {
        return status == RenovationUnitStatus.APPROVED;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Town getTown() {
        return town;
    }

    public void setTown(Town town) {
        this.town = town;
    }

    public RenovationUnitStatus getStatus() {
        return status;
    }

    public void setStatus(RenovationUnitStatus status) {
        this.status = status;
    }

    public String getPlanGoals() {
        return planGoals;
    }

    public void setPlanGoals(String planGoals) {
        this.planGoals = planGoals;
    }

    public String getPublicFacilities() {
        return publicFacilities;
    }

    public void setPublicFacilities(String publicFacilities) {
        this.publicFacilities = publicFacilities;
    }

    public String getInterestBalance() {
        return interestBalance;
    }

    public void setInterestBalance(String interestBalance) {
        this.interestBalance = interestBalance;
    }

    public BigDecimal getLandAreaSqm() {
        return landAreaSqm;
    }

    public void setLandAreaSqm(BigDecimal landAreaSqm) {
        this.landAreaSqm = landAreaSqm;
    }

    public BigDecimal getPlannedPlotRatio() {
        return plannedPlotRatio;
    }

    public void setPlannedPlotRatio(BigDecimal plannedPlotRatio) {
        this.plannedPlotRatio = plannedPlotRatio;
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
